package dev.realtimesessions.internal;

import dev.realtimesessions.model.TranslationClientSecretCreateRequest;
import dev.realtimesessions.model.TranslationClientSecretCreateResponse;

/**
 * The Realtime translation token endpoint, as data. Path and shapes from OpenAI's Python SDK
 * ({@code openai/openai-python} {@code src/openai/resources/realtime/translations/client_secrets.py}
 * at {@code 880dc72d81bbd8df30a66307c415b986e0ad9b22}).
 */
public final class TranslationEndpoints {

    /**
     * {@code POST /realtime/translations/client_secrets}: JSON in, 200 JSON out; safe to retry like
     * the other token endpoints (a second secret nobody receives does no harm).
     */
    public static final Endpoint<TranslationClientSecretCreateRequest, TranslationClientSecretCreateResponse>
            CLIENT_SECRETS = Endpoint.json("/realtime/translations/client_secrets",
                    TranslationClientSecretJson::writeRequest, TranslationClientSecretJson::readResponse);

    private TranslationEndpoints() {
    }
}
