package dev.realtimesessions.model;

import java.util.List;

/**
 * The service tier of the Responses requests a GPT-Live session delegates
 * ({@code delegation.responses.service_tier}).
 *
 * <p>An open enum: see {@link OpenEnum}. Source: {@code ResponsesDelegationConfig.service_tier} in
 * {@code openai/openai-node} {@code src/resources/live/live.ts}.
 */
public final class ServiceTier extends OpenEnum {

    private static final KnownValues<ServiceTier> KNOWN = new KnownValues<>("ServiceTier", ServiceTier::new);

    /** {@code "auto"}. */
    public static final ServiceTier AUTO = KNOWN.add("auto");

    /** {@code "default"}. */
    public static final ServiceTier DEFAULT = KNOWN.add("default");

    /** {@code "fast_tier_temp_pilot"}. */
    public static final ServiceTier FAST_TIER_TEMP_PILOT = KNOWN.add("fast_tier_temp_pilot");

    /** {@code "flex"}. */
    public static final ServiceTier FLEX = KNOWN.add("flex");

    /** {@code "priority"}. */
    public static final ServiceTier PRIORITY = KNOWN.add("priority");

    /** {@code "ultrafast"}. */
    public static final ServiceTier ULTRAFAST = KNOWN.add("ultrafast");

    private ServiceTier(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the ServiceTier for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static ServiceTier of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<ServiceTier> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
