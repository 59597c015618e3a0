package dev.realtimesessions.model;

import java.util.List;

/**
 * The GPT-Live model of a Live session ({@code session.model}; GPT-Live is an alpha API). New
 * models work before this library lists them: pass their name to {@link #of(String)}.
 *
 * <p>An open enum: see {@link OpenEnum}. Source: {@code ModelIdsLive} in the spec OpenAI's Node
 * SDK is generated from ({@code openai/openai-node} {@code api_reference/openapi.transformed.yml}).
 */
public final class LiveModel extends OpenEnum {

    private static final KnownValues<LiveModel> KNOWN = new KnownValues<>("LiveModel", LiveModel::new);

    /** {@code "gpt-live-1"}. */
    public static final LiveModel GPT_LIVE_1 = KNOWN.add("gpt-live-1");

    private LiveModel(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the LiveModel for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static LiveModel of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<LiveModel> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
