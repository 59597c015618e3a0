package dev.realtimesessions.model;

import java.util.List;

/**
 * The model of a Realtime translation session ({@code session.model} of
 * {@code POST /realtime/translations/client_secrets}). New models work before this library lists
 * them: pass their name to {@link #of(String)}.
 *
 * <p>An open enum: see {@link OpenEnum}. OpenAI's SDKs type the field as any string
 * ({@code openai/openai-python}
 * {@code src/openai/types/realtime/realtime_translation_session_create_request_param.py});
 * {@code gpt-realtime-translate} is the model OpenAI's Realtime translation guide names
 * (https://developers.openai.com/api/docs/guides/realtime-translation).
 */
public final class TranslationModel extends OpenEnum {

    private static final KnownValues<TranslationModel> KNOWN =
            new KnownValues<>("TranslationModel", TranslationModel::new);

    /** {@code "gpt-realtime-translate"}. */
    public static final TranslationModel GPT_REALTIME_TRANSLATE = KNOWN.add("gpt-realtime-translate");

    private TranslationModel(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the TranslationModel for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static TranslationModel of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<TranslationModel> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
