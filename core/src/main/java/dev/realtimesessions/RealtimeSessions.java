// Over 300 lines on purpose: this is the public facade, with one Javadoc'd method per call and
// overload, and its builder with one Javadoc'd setter per option. The work lives in internal
// (CallExecutor, Call, HttpTransport; the URL checks in BaseUrls).
package dev.realtimesessions;

import dev.realtimesessions.internal.ApiKeys;
import dev.realtimesessions.internal.AzureAuth;
import dev.realtimesessions.internal.AzureOpenAi;
import dev.realtimesessions.internal.BaseUrls;
import dev.realtimesessions.internal.CallArguments;
import dev.realtimesessions.internal.CallEndpoints;
import dev.realtimesessions.internal.CallExecutor;
import dev.realtimesessions.internal.ClientSettings;
import dev.realtimesessions.internal.Endpoint;
import dev.realtimesessions.internal.LibraryVersion;
import dev.realtimesessions.internal.LiveControls;
import dev.realtimesessions.internal.LiveEndpoints;
import dev.realtimesessions.internal.TranslationEndpoints;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.LiveForkRequest;
import dev.realtimesessions.model.LiveSession;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.model.RealtimeCall;
import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.model.TranslationClientSecretCreateRequest;
import dev.realtimesessions.model.TranslationClientSecretCreateResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Starts OpenAI Realtime sessions, reactively and without blocking: mints client secrets, exchanges
 * a browser's SDP offer and controls the call, and the same for GPT-Live and translation sessions.
 *
 * <pre>{@code
 * RealtimeSessions sessions = RealtimeSessions.builder()
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .build();
 *
 * Mono<ClientSecretCreateResponse> secret = sessions.createClientSecret(ClientSecretCreateRequest.of(
 *     RealtimeSessionConfig.builder()
 *         .model(RealtimeModel.GPT_REALTIME)
 *         .instructions("You are a friendly assistant.")
 *         .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN))
 *         .build()));
 * // hand secret.value() to the browser
 * }</pre>
 *
 * <p>For Azure OpenAI, target the resource and authenticate with its key or Microsoft Entra ID
 * ({@link Builder#azure(String)}); a request's {@code model} is then the deployment's name:
 *
 * <pre>{@code
 * RealtimeSessions azure = RealtimeSessions.builder()
 *     .azure("https://my-resource.openai.azure.com")
 *     .azureApiKey(System.getenv("AZURE_OPENAI_API_KEY"))
 *     .build();
 * }</pre>
 *
 * <p>{@link #createClientSecret(ClientSecretCreateRequest)} calls the generally available
 * {@code POST /realtime/client_secrets}; {@link #create(RealtimeSessionCreateRequest)} calls the
 * deprecated beta {@code POST /realtime/sessions}, which the API may refuse with a
 * {@link BetaApiShapeDisabledException}.
 *
 * <p><strong>Share one client.</strong> It is thread-safe and holds a connection pool; build it
 * once per application (per API key set, at most) and {@link #close()} it at shutdown. Building one
 * per request throws the pool away each time.
 *
 * <p>Every method is lazy and cold: nothing is sent until the {@code Mono} is subscribed, and each
 * subscription is a new call. Cancelling the subscription aborts the exchange. A method never
 * throws; bad input and failures arrive as {@code Mono.error} with a
 * {@link RealtimeSessionsException} subclass. Failures are retried according to the
 * {@link RetryPolicy}, within the per-attempt and overall timeouts.
 */
public final class RealtimeSessions implements AutoCloseable {

    /** The OpenAI API base URL used unless {@link Builder#baseUrl(String)} says otherwise. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final CallExecutor executor;
    private final String description;
    private final String browserCallsUrl;

    private RealtimeSessions(CallExecutor executor, String description, String browserCallsUrl) {
        this.executor = executor;
        this.description = description;
        this.browserCallsUrl = browserCallsUrl;
    }

    /**
     * A builder with the defaults: base URL {@value #DEFAULT_BASE_URL}, connect timeout 5 s,
     * attempt timeout 15 s, overall timeout 45 s, {@link RetryPolicy#defaults()}, 1 MiB response
     * cap, a pool of 2000 connections with 20,000 waiting calls at most. Only the API key is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}.
     *
     * @param request the session configuration
     * @return the session with its {@link RealtimeSession#clientSecret() client secret}, or an error:
     *     {@link ApiException} subclasses for error answers, {@link ApiConnectionException},
     *     {@link ApiTimeoutException}, {@link ResponseDecodingException}, or
     *     {@link ValidationException} for a null request or unusable API key
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest)} with a
     *     {@link dev.realtimesessions.model.RealtimeSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<RealtimeSession> create(RealtimeSessionCreateRequest request) {
        return create(request, RequestOptions.none());
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}, with per-call options.
     *
     * @param request the session configuration
     * @param options overrides for this call
     * @return the session, or an error as for {@link #create(RealtimeSessionCreateRequest)}
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.RealtimeSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<RealtimeSession> create(RealtimeSessionCreateRequest request, RequestOptions options) {
        return executor.execute(Endpoint.BETA_SESSIONS, request, orNone(options)).map(result -> result.value());
    }

    /**
     * Like {@link #create(RealtimeSessionCreateRequest)}, with the HTTP status, headers, request id
     * and attempt count.
     *
     * @param request the session configuration
     * @return the session with its response details
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecretWithResponse(ClientSecretCreateRequest)} with a
     *     {@link dev.realtimesessions.model.RealtimeSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<ApiResponse<RealtimeSession>> createWithResponse(RealtimeSessionCreateRequest request) {
        return createWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #create(RealtimeSessionCreateRequest, RequestOptions)}, with the HTTP status,
     * headers, request id and attempt count.
     *
     * @param request the session configuration
     * @param options overrides for this call
     * @return the session with its response details
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecretWithResponse(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.RealtimeSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<ApiResponse<RealtimeSession>> createWithResponse(RealtimeSessionCreateRequest request,
            RequestOptions options) {
        return executor.execute(Endpoint.BETA_SESSIONS, request, orNone(options)).map(result -> result.toApiResponse());
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}.
     *
     * @param request the secret's lifetime and the realtime or transcription session it opens
     * @return the secret with its expiry and the effective session, or an error:
     *     {@link ApiException} subclasses for error answers, {@link ApiConnectionException},
     *     {@link ApiTimeoutException}, {@link ResponseDecodingException}, or
     *     {@link ValidationException} for a null request or unusable API key
     */
    public Mono<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request) {
        return createClientSecret(request, RequestOptions.none());
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}, with per-call options.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return the secret and session, or an error as for {@link #createClientSecret(ClientSecretCreateRequest)}
     */
    public Mono<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request,
            RequestOptions options) {
        return executor.execute(Endpoint.CLIENT_SECRETS, request, orNone(options)).map(result -> result.value());
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest)}, with the HTTP status, headers,
     * request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @return the secret and session with the response details
     */
    public Mono<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request) {
        return createClientSecretWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}, with the HTTP
     * status, headers, request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return the secret and session with the response details
     */
    public Mono<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request, RequestOptions options) {
        return executor.execute(Endpoint.CLIENT_SECRETS, request, orNone(options))
                .map(result -> result.toApiResponse());
    }

    private static RequestOptions orNone(@Nullable RequestOptions options) {
        return options == null ? RequestOptions.none() : options;
    }

    /**
     * Mints a client secret for a Realtime translation session through
     * {@code POST /realtime/translations/client_secrets}.
     *
     * <pre>{@code
     * sessions.createTranslationClientSecret(TranslationClientSecretCreateRequest.of(
     *         TranslationSessionConfig.builder()
     *             .model(TranslationModel.GPT_REALTIME_TRANSLATE)
     *             .outputLanguage("es")
     *             .build()))
     *     .map(TranslationClientSecretCreateResponse::value);   // hand this to the browser
     * }</pre>
     *
     * <p>Retried like the other token endpoints: a second secret that nobody receives does no harm.
     *
     * @param request the secret's lifetime and the translation session it opens
     * @return the secret with its expiry and the effective session, or an error as for
     *     {@link #createClientSecret(ClientSecretCreateRequest)}
     */
    public Mono<TranslationClientSecretCreateResponse> createTranslationClientSecret(
            TranslationClientSecretCreateRequest request) {
        return createTranslationClientSecret(request, RequestOptions.none());
    }

    /**
     * Mints a client secret for a Realtime translation session, with per-call options.
     *
     * @param request the secret's lifetime and the translation session it opens
     * @param options overrides for this call
     * @return the secret and session, or an error as for {@link #createClientSecret(ClientSecretCreateRequest)}
     */
    public Mono<TranslationClientSecretCreateResponse> createTranslationClientSecret(
            TranslationClientSecretCreateRequest request, RequestOptions options) {
        return executor.execute(TranslationEndpoints.CLIENT_SECRETS, request, orNone(options))
                .map(result -> result.value());
    }

    /**
     * Like {@link #createTranslationClientSecret(TranslationClientSecretCreateRequest)}, with the
     * HTTP status, headers, request id and attempt count.
     *
     * @param request the secret's lifetime and the translation session it opens
     * @return the secret and session with the response details
     */
    public Mono<ApiResponse<TranslationClientSecretCreateResponse>> createTranslationClientSecretWithResponse(
            TranslationClientSecretCreateRequest request) {
        return createTranslationClientSecretWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #createTranslationClientSecret(TranslationClientSecretCreateRequest, RequestOptions)},
     * with the HTTP status, headers, request id and attempt count.
     *
     * @param request the secret's lifetime and the translation session it opens
     * @param options overrides for this call
     * @return the secret and session with the response details
     */
    public Mono<ApiResponse<TranslationClientSecretCreateResponse>> createTranslationClientSecretWithResponse(
            TranslationClientSecretCreateRequest request, RequestOptions options) {
        return executor.execute(TranslationEndpoints.CLIENT_SECRETS, request, orNone(options))
                .map(result -> result.toApiResponse());
    }

    /**
     * Starts a GPT-Live session over WebRTC through {@code POST /live/sessions}: exchanges the
     * browser's SDP offer for the session's answer. <strong>GPT-Live is an alpha API</strong>: its
     * shapes may change (see {@link LiveSessionCreateRequest}).
     *
     * <pre>{@code
     * sessions.createLiveSession(LiveSessionCreateRequest.of(LiveSessionConfig.builder()
     *             .model(LiveModel.GPT_LIVE_1)
     *             .instructions("You are a friendly concierge. Be concise.")
     *             .dataChannel(LiveDataChannelPermissions.builder().allowClientEvents().build())
     *             .build(), offerFromTheBrowser))
     *     .map(LiveSession::sdpAnswer);   // the browser applies it as its remote description
     * }</pre>
     *
     * <p>Unlike the token endpoints, the browser gets no credential: your server makes this call
     * with its API key, and what the browser may do on the session's data channel is set by
     * {@link LiveSessionConfig#dataChannel()}. A session is billed from here, so a failure is
     * retried only when the server cannot have processed the request (no connection, or an answer
     * with {@code x-should-retry: true}); never after a timeout, a lost connection, a 429 or a 5xx.
     *
     * @param request the session's configuration and the browser's SDP offer
     * @return the session's id and SDP answer, or an error: {@link ApiException} subclasses for error
     *     answers, {@link ApiConnectionException}, {@link ApiTimeoutException},
     *     {@link ResponseDecodingException} (an answer without {@code session.id} or
     *     {@code transport.sdp}), or {@link ValidationException} for a null request or unusable API key
     */
    public Mono<LiveSession> createLiveSession(LiveSessionCreateRequest request) {
        return createLiveSession(request, RequestOptions.none());
    }

    /**
     * Starts a GPT-Live session over WebRTC, with per-call options; see
     * {@link #createLiveSession(LiveSessionCreateRequest)}.
     *
     * @param request the session's configuration and the browser's SDP offer
     * @param options overrides for this call
     * @return the session's id and SDP answer, or an error as for {@link #createLiveSession(LiveSessionCreateRequest)}
     */
    public Mono<LiveSession> createLiveSession(LiveSessionCreateRequest request, RequestOptions options) {
        return executor.execute(LiveEndpoints.CREATE, request, orNone(options)).map(result -> result.value());
    }

    /**
     * Like {@link #createLiveSession(LiveSessionCreateRequest)}, with the HTTP status (201), headers,
     * request id and attempt count.
     *
     * @param request the session's configuration and the browser's SDP offer
     * @return the session with the response details
     */
    public Mono<ApiResponse<LiveSession>> createLiveSessionWithResponse(LiveSessionCreateRequest request) {
        return createLiveSessionWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #createLiveSession(LiveSessionCreateRequest, RequestOptions)}, with the HTTP status
     * (201), headers, request id and attempt count.
     *
     * @param request the session's configuration and the browser's SDP offer
     * @param options overrides for this call
     * @return the session with the response details
     */
    public Mono<ApiResponse<LiveSession>> createLiveSessionWithResponse(LiveSessionCreateRequest request,
            RequestOptions options) {
        return executor.execute(LiveEndpoints.CREATE, request, orNone(options)).map(result -> result.toApiResponse());
    }

    /**
     * Answers a ringing SIP call with a GPT-Live session ({@code POST /live/sessions/{session_id}/accept},
     * an alpha API): the session id comes from a
     * {@link dev.realtimesessions.webhooks.LiveTransportIncoming} event. The session is sent wrapped,
     * {@code {"session": {"type": "live", ...}}}; a SIP call has no browser, so
     * {@link LiveSessionConfig#dataChannel()} must be absent.
     *
     * <p>Not retried once the server may have processed it: a repeated accept could start a second
     * session on the line (OpenAI does not document what it does), as for a Realtime call.
     *
     * @param sessionId the pending session's id, {@code live_...}, unchanged
     * @param session how the session starts
     * @return completes once the API took the accept, or fails as
     *     {@link #createLiveSession(LiveSessionCreateRequest)} does; a {@link ValidationException}
     *     names {@code session_id}, {@code session} or {@code session.client.data_channel} before
     *     anything is sent
     */
    public Mono<Void> acceptLiveSession(String sessionId, LiveSessionConfig session) {
        return acceptLiveSession(sessionId, session, RequestOptions.none());
    }

    /**
     * Answers a ringing SIP call with a GPT-Live session, with per-call options; see
     * {@link #acceptLiveSession(String, LiveSessionConfig)}.
     *
     * @param sessionId the pending session's id, {@code live_...}, unchanged
     * @param session how the session starts
     * @param options overrides for this call
     * @return completes once the API took the accept
     */
    public Mono<Void> acceptLiveSession(String sessionId, LiveSessionConfig session, RequestOptions options) {
        return control(LiveEndpoints.ACCEPT, () -> new LiveControls.Accept(sessionId, session), options);
    }

    /**
     * Declines a ringing SIP call of the GPT-Live API with a SIP status
     * ({@code POST /live/sessions/{session_id}/reject}, an alpha API). Unlike a Realtime reject, the
     * status is required.
     *
     * <p>Retried like an idempotent request: declining a call that has ended changes nothing.
     *
     * @param sessionId the pending session's id, {@code live_...}, unchanged
     * @param statusCode the SIP status sent to the caller, 300 to 699 (486 Busy Here, 603 Decline, ...)
     * @return completes once the API sent the status, or fails as
     *     {@link #createLiveSession(LiveSessionCreateRequest)} does; a {@link ValidationException}
     *     names {@code session_id} or {@code status_code} before anything is sent
     */
    public Mono<Void> rejectLiveSession(String sessionId, int statusCode) {
        return rejectLiveSession(sessionId, statusCode, RequestOptions.none());
    }

    /**
     * Declines a ringing SIP call of the GPT-Live API, with per-call options; see
     * {@link #rejectLiveSession(String, int)}.
     *
     * @param sessionId the pending session's id, {@code live_...}, unchanged
     * @param statusCode the SIP status sent to the caller, 300 to 699
     * @param options overrides for this call
     * @return completes once the API sent the status
     */
    public Mono<Void> rejectLiveSession(String sessionId, int statusCode, RequestOptions options) {
        return control(LiveEndpoints.REJECT, () -> new LiveControls.Reject(sessionId, statusCode), options);
    }

    /**
     * Transfers a SIP call of the GPT-Live API with a SIP {@code REFER}
     * ({@code POST /live/sessions/{session_id}/refer}, an alpha API).
     *
     * <p>Not retried once the server may have processed it: a repeated refer could transfer the
     * call twice.
     *
     * @param sessionId the session's id, {@code live_...}, unchanged
     * @param targetUri the {@code Refer-To} target: a {@code tel:}, {@code sip:} or {@code sips:} URI,
     *     such as {@code tel:+14155550123}
     * @return completes once the API handed the REFER to the SIP provider, or fails as
     *     {@link #createLiveSession(LiveSessionCreateRequest)} does; a {@link ValidationException}
     *     names {@code session_id} or {@code target_uri} before anything is sent
     */
    public Mono<Void> referLiveSession(String sessionId, String targetUri) {
        return referLiveSession(sessionId, targetUri, RequestOptions.none());
    }

    /**
     * Transfers a SIP call of the GPT-Live API, with per-call options; see
     * {@link #referLiveSession(String, String)}.
     *
     * @param sessionId the session's id, {@code live_...}, unchanged
     * @param targetUri the {@code Refer-To} target: a {@code tel:}, {@code sip:} or {@code sips:} URI
     * @param options overrides for this call
     * @return completes once the API handed the REFER to the SIP provider
     */
    public Mono<Void> referLiveSession(String sessionId, String targetUri, RequestOptions options) {
        return control(LiveEndpoints.REFER, () -> new LiveControls.Refer(sessionId, targetUri), options);
    }

    /**
     * Ends a SIP call of the GPT-Live API ({@code POST /live/sessions/{session_id}/hangup}, an alpha
     * API, without a body).
     *
     * <p>Retried like an idempotent request: hanging up twice ends the call once.
     *
     * @param sessionId the session's id, {@code live_...}, unchanged
     * @return completes once the API began ending the call, or fails as
     *     {@link #createLiveSession(LiveSessionCreateRequest)} does; a {@link ValidationException}
     *     names {@code session_id} before anything is sent
     */
    public Mono<Void> hangupLiveSession(String sessionId) {
        return hangupLiveSession(sessionId, RequestOptions.none());
    }

    /**
     * Ends a SIP call of the GPT-Live API, with per-call options; see {@link #hangupLiveSession(String)}.
     *
     * @param sessionId the session's id, {@code live_...}, unchanged
     * @param options overrides for this call
     * @return completes once the API began ending the call
     */
    public Mono<Void> hangupLiveSession(String sessionId, RequestOptions options) {
        return control(LiveEndpoints.HANGUP, () -> LiveControls.checkSessionId(sessionId), options);
    }

    /**
     * Continues a stored GPT-Live session (one started with {@code store: true}) on a new WebRTC
     * connection, as a new session ({@code POST /live/sessions/{session_id}/fork}, an alpha API),
     * answered 201 like {@link #createLiveSession(LiveSessionCreateRequest)}.
     *
     * <p>Retried as creating a session is: only when the server cannot have processed the request.
     *
     * @param sessionId the stored session's id, {@code live_...}, unchanged
     * @param request the new connection's SDP offer and the settings to override
     * @return the new session's id and SDP answer, or an error as for
     *     {@link #createLiveSession(LiveSessionCreateRequest)}; a {@link ValidationException} names
     *     {@code session_id} or {@code request} before anything is sent
     */
    public Mono<LiveSession> forkLiveSession(String sessionId, LiveForkRequest request) {
        return forkLiveSession(sessionId, request, RequestOptions.none());
    }

    /**
     * Continues a stored GPT-Live session on a new WebRTC connection, with per-call options; see
     * {@link #forkLiveSession(String, LiveForkRequest)}.
     *
     * @param sessionId the stored session's id, {@code live_...}, unchanged
     * @param request the new connection's SDP offer and the settings to override
     * @param options overrides for this call
     * @return the new session's id and SDP answer
     */
    public Mono<LiveSession> forkLiveSession(String sessionId, LiveForkRequest request, RequestOptions options) {
        return Mono.defer(() -> executor.execute(LiveEndpoints.FORK, new LiveControls.Fork(sessionId, request),
                orNone(options))).map(result -> result.value());
    }

    /**
     * Like {@link #forkLiveSession(String, LiveForkRequest)}, with the HTTP status (201), headers,
     * request id and attempt count.
     *
     * @param sessionId the stored session's id, {@code live_...}, unchanged
     * @param request the new connection's SDP offer and the settings to override
     * @return the new session with the response details
     */
    public Mono<ApiResponse<LiveSession>> forkLiveSessionWithResponse(String sessionId, LiveForkRequest request) {
        return forkLiveSessionWithResponse(sessionId, request, RequestOptions.none());
    }

    /**
     * Like {@link #forkLiveSession(String, LiveForkRequest, RequestOptions)}, with the HTTP status
     * (201), headers, request id and attempt count.
     *
     * @param sessionId the stored session's id, {@code live_...}, unchanged
     * @param request the new connection's SDP offer and the settings to override
     * @param options overrides for this call
     * @return the new session with the response details
     */
    public Mono<ApiResponse<LiveSession>> forkLiveSessionWithResponse(String sessionId, LiveForkRequest request,
            RequestOptions options) {
        return Mono.defer(() -> executor.execute(LiveEndpoints.FORK, new LiveControls.Fork(sessionId, request),
                orNone(options))).map(result -> result.toApiResponse());
    }


    /**
     * Mints a client secret for a speech-to-text-only session through the beta
     * {@code POST /realtime/transcription_sessions}.
     *
     * <pre>{@code
     * sessions.createTranscriptionSession(TranscriptionSessionCreateRequest.builder()
     *         .inputAudioTranscription(AudioTranscription.of(TranscriptionModel.GPT_4O_TRANSCRIBE))
     *         .build())
     *     .map(session -> session.clientSecret().value());
     * }</pre>
     *
     * @param request the transcription session configuration; {@code builder().build()} sends {@code {}}
     * @return the session with its {@link TranscriptionSession#clientSecret() client secret} (which
     *     may be {@code null}, see {@link TranscriptionSession}), or an error as for
     *     {@link #create(RealtimeSessionCreateRequest)}
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<TranscriptionSession> createTranscriptionSession(TranscriptionSessionCreateRequest request) {
        return createTranscriptionSession(request, RequestOptions.none());
    }

    /**
     * Mints a client secret for a speech-to-text-only session through the beta
     * {@code POST /realtime/transcription_sessions}, with per-call options.
     *
     * @param request the transcription session configuration
     * @param options overrides for this call
     * @return the session, or an error as for {@link #create(RealtimeSessionCreateRequest)}
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<TranscriptionSession> createTranscriptionSession(TranscriptionSessionCreateRequest request,
            RequestOptions options) {
        return executor.execute(Endpoint.BETA_TRANSCRIPTION_SESSIONS, request, orNone(options))
                .map(result -> result.value());
    }

    /**
     * Like {@link #createTranscriptionSession(TranscriptionSessionCreateRequest)}, with the HTTP
     * status, headers, request id and attempt count.
     *
     * @param request the transcription session configuration
     * @return the session with its response details
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecretWithResponse(ClientSecretCreateRequest)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<ApiResponse<TranscriptionSession>> createTranscriptionSessionWithResponse(
            TranscriptionSessionCreateRequest request) {
        return createTranscriptionSessionWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #createTranscriptionSession(TranscriptionSessionCreateRequest, RequestOptions)},
     * with the HTTP status, headers, request id and attempt count.
     *
     * @param request the transcription session configuration
     * @param options overrides for this call
     * @return the session with its response details
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecretWithResponse(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<ApiResponse<TranscriptionSession>> createTranscriptionSessionWithResponse(
            TranscriptionSessionCreateRequest request, RequestOptions options) {
        return executor.execute(Endpoint.BETA_TRANSCRIPTION_SESSIONS, request, orNone(options))
                .map(result -> result.toApiResponse());
    }

    /**
     * Starts a Realtime call through {@code POST /realtime/calls}: the browser's WebRTC offer goes to
     * OpenAI with the API key and the session, and the SDP answer comes back, so that the browser
     * never holds a key or even a client secret.
     *
     * <pre>{@code
     * sessions.createCall(RealtimeCallRequest.of(offer, RealtimeSessionConfig.builder()
     *         .model(RealtimeModel.GPT_REALTIME).instructions("You are a friendly assistant.").build()))
     *     .doOnNext(call -> calls.remember(user, call.callId()))   // to hang up, refer, or attach a sideband
     *     .map(RealtimeCall::sdp);                                   // hand the answer to the browser
     * }</pre>
     *
     * <p>The request is {@code multipart/form-data} (part {@code sdp} as {@code application/sdp}, part
     * {@code session} as {@code application/json} when a session is given); the answer is a
     * {@code 201} with the SDP answer as its body and a {@code Location} whose last segment is the
     * call id. A 201 without an SDP body, or without a {@code Location} ending in a call id (letters,
     * digits, {@code _} and {@code -}), fails with {@link ResponseDecodingException}: without the id
     * the call could not be controlled.
     *
     * <p><strong>Retries.</strong> A second offer could start a second billed call, so a failed
     * attempt is retried only when it provably was not processed: no connection could be opened
     * (refused, connect timeout, no pooled connection in time), or the server answered with
     * {@code x-should-retry: true}. A timeout or a connection lost after the offer was sent, and a
     * 408, 409, 429 or 5xx without that header, fail the call at once.
     *
     * @param request the offer and the session that answers it
     * @return the call id and SDP answer, or an error: {@link ApiException} subclasses for error
     *     answers, {@link ApiConnectionException}, {@link ApiTimeoutException},
     *     {@link ResponseDecodingException}, or {@link ValidationException} for a null request or
     *     unusable API key
     */
    public Mono<RealtimeCall> createCall(RealtimeCallRequest request) {
        return createCall(request, RequestOptions.none());
    }

    /**
     * Starts a Realtime call, with per-call options; see {@link #createCall(RealtimeCallRequest)}.
     *
     * @param request the offer and the session that answers it
     * @param options overrides for this call (a tenant's key and project, say)
     * @return the call, or an error as for {@link #createCall(RealtimeCallRequest)}
     */
    public Mono<RealtimeCall> createCall(RealtimeCallRequest request, RequestOptions options) {
        return executor.execute(CallEndpoints.CREATE, request, orNone(options)).map(result -> result.value());
    }

    /**
     * Like {@link #createCall(RealtimeCallRequest)}, with the HTTP status, headers (the
     * {@code Location} among them), request id and attempt count.
     *
     * @param request the offer and the session that answers it
     * @return the call with its response details
     */
    public Mono<ApiResponse<RealtimeCall>> createCallWithResponse(RealtimeCallRequest request) {
        return createCallWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #createCall(RealtimeCallRequest, RequestOptions)}, with the HTTP status, headers,
     * request id and attempt count.
     *
     * @param request the offer and the session that answers it
     * @param options overrides for this call
     * @return the call with its response details
     */
    public Mono<ApiResponse<RealtimeCall>> createCallWithResponse(RealtimeCallRequest request, RequestOptions options) {
        return executor.execute(CallEndpoints.CREATE, request, orNone(options)).map(result -> result.toApiResponse());
    }

    /**
     * Accepts an incoming SIP call ({@code realtime.call.incoming} webhook) through
     * {@code POST /realtime/calls/{call_id}/accept}, with the session that answers it (sent flat, as
     * the body).
     *
     * <p><strong>Retries</strong> only failures that prove the accept was not processed (as for
     * {@link #createCall(RealtimeCallRequest)}): OpenAI does not document what a second accept of
     * one call does, and an accept starts a billed session.
     *
     * @param callId the call's id, from the webhook: letters, digits, {@code _} and {@code -}
     * @param session the session that answers the call, checked like any other request's
     * @return completes when OpenAI has accepted (200), or an error as for
     *     {@link #createCall(RealtimeCallRequest)}; {@link ValidationException} naming
     *     {@code call_id} or {@code session} before anything is sent
     */
    public Mono<Void> acceptCall(String callId, RealtimeSessionConfig session) {
        return acceptCall(callId, session, RequestOptions.none());
    }

    /**
     * Accepts an incoming SIP call, with per-call options; see {@link #acceptCall(String, RealtimeSessionConfig)}.
     *
     * @param callId the call's id
     * @param session the session that answers the call
     * @param options overrides for this call
     * @return completes when accepted, or an error as for {@link #acceptCall(String, RealtimeSessionConfig)}
     */
    public Mono<Void> acceptCall(String callId, RealtimeSessionConfig session, RequestOptions options) {
        return control(CallEndpoints.ACCEPT, () -> new CallEndpoints.Accept(CallArguments.callId(callId),
                Arguments.notNull("session", session)), options);
    }

    /**
     * Declines an incoming SIP call through {@code POST /realtime/calls/{call_id}/reject}, with the
     * server's default status, {@code 603 Decline} (the body is {@code {}}).
     *
     * <p><strong>Retries</strong> every retryable failure (connection failures, timeouts, 408, 409,
     * 429, 5xx, as {@code x-should-retry} says): rejecting a call that has ended changes nothing.
     * A retry after an attempt whose answer was lost may find the call gone and fail with
     * {@link NotFoundException}.
     *
     * @param callId the call's id, from the webhook: letters, digits, {@code _} and {@code -}
     * @return completes when OpenAI has sent the status (200), or an error as for
     *     {@link #createCall(RealtimeCallRequest)}; {@link ValidationException} naming {@code call_id}
     *     before anything is sent
     */
    public Mono<Void> rejectCall(String callId) {
        return rejectCall(callId, RequestOptions.none());
    }

    /**
     * Declines an incoming SIP call with the server's default status, with per-call options; see
     * {@link #rejectCall(String)}.
     *
     * @param callId the call's id
     * @param options overrides for this call
     * @return completes when rejected, or an error as for {@link #rejectCall(String)}
     */
    public Mono<Void> rejectCall(String callId, RequestOptions options) {
        return control(CallEndpoints.REJECT, () -> new CallEndpoints.Reject(CallArguments.callId(callId), null),
                options);
    }

    /**
     * Declines an incoming SIP call with a SIP status ({@code {"status_code": ...}}); retried as
     * {@link #rejectCall(String)}.
     *
     * @param callId the call's id, from the webhook: letters, digits, {@code _} and {@code -}
     * @param sipStatus a final status that refuses the call, 400 to 699: 486 Busy Here, 480 Temporarily Unavailable,
     *     603 Decline, ... (a 3xx redirect needs a {@code Contact} a reject cannot carry: refer the
     *     call instead)
     * @return completes when rejected, or an error as for {@link #rejectCall(String)};
     *     {@link ValidationException} naming {@code status_code} for a status out of range
     */
    public Mono<Void> rejectCall(String callId, int sipStatus) {
        return rejectCall(callId, sipStatus, RequestOptions.none());
    }

    /**
     * Declines an incoming SIP call with a SIP status, with per-call options; see {@link #rejectCall(String, int)}.
     *
     * @param callId the call's id
     * @param sipStatus a status from 400 to 699
     * @param options overrides for this call
     * @return completes when rejected, or an error as for {@link #rejectCall(String, int)}
     */
    public Mono<Void> rejectCall(String callId, int sipStatus, RequestOptions options) {
        return control(CallEndpoints.REJECT, () -> new CallEndpoints.Reject(CallArguments.callId(callId),
                CallArguments.sipStatus(sipStatus)), options);
    }

    /**
     * Transfers a call through {@code POST /realtime/calls/{call_id}/refer} ({@code {"target_uri": ...}},
     * which becomes the SIP {@code Refer-To}).
     *
     * <p><strong>Retries</strong> only failures that prove the refer was not processed (as for
     * {@link #createCall(RealtimeCallRequest)}): a second refer could transfer the caller twice.
     *
     * @param callId the call's id: letters, digits, {@code _} and {@code -}
     * @param targetUri where to: {@code tel:+14155550123}, {@code sip:agent@example.com} or a
     *     {@code sips:} URI, without whitespace, control characters, {@code <}, {@code >} or {@code "}
     * @return completes when OpenAI has handed the refer to the SIP provider (200), or an error as for
     *     {@link #createCall(RealtimeCallRequest)}; {@link ValidationException} naming {@code call_id}
     *     or {@code target_uri} before anything is sent
     */
    public Mono<Void> referCall(String callId, String targetUri) {
        return referCall(callId, targetUri, RequestOptions.none());
    }

    /**
     * Transfers a call, with per-call options; see {@link #referCall(String, String)}.
     *
     * @param callId the call's id
     * @param targetUri a {@code tel:}, {@code sip:} or {@code sips:} URI
     * @param options overrides for this call
     * @return completes when referred, or an error as for {@link #referCall(String, String)}
     */
    public Mono<Void> referCall(String callId, String targetUri, RequestOptions options) {
        return control(CallEndpoints.REFER, () -> new CallEndpoints.Refer(CallArguments.callId(callId),
                CallArguments.targetUri(targetUri)), options);
    }

    /**
     * Ends a call, WebRTC or SIP, through {@code POST /realtime/calls/{call_id}/hangup} (no body).
     *
     * <p><strong>Retries</strong> every retryable failure (connection failures, timeouts, 408, 409,
     * 429, 5xx, as {@code x-should-retry} says): hanging up twice ends the call once. A retry after an
     * attempt whose answer was lost may find the call gone and fail with {@link NotFoundException};
     * for a hangup a 404 means the call is over either way.
     *
     * @param callId the call's id, from {@link RealtimeCall#callId()} or the webhook: letters,
     *     digits, {@code _} and {@code -}
     * @return completes when OpenAI has begun ending the call (200), or an error as for
     *     {@link #createCall(RealtimeCallRequest)}; {@link ValidationException} naming {@code call_id}
     *     before anything is sent
     */
    public Mono<Void> hangupCall(String callId) {
        return hangupCall(callId, RequestOptions.none());
    }

    /**
     * Ends a call, with per-call options (the key and project it was created with); see {@link #hangupCall(String)}.
     *
     * @param callId the call's id
     * @param options overrides for this call
     * @return completes when hung up, or an error as for {@link #hangupCall(String)}
     */
    public Mono<Void> hangupCall(String callId, RequestOptions options) {
        return control(CallEndpoints.HANGUP, () -> new CallEndpoints.Hangup(CallArguments.callId(callId)), options);
    }

    /** A call control: its arguments checked when subscribed (a check that fails is the Mono's error), then sent. */
    private <Q> Mono<Void> control(Endpoint<Q, ?> endpoint, Supplier<Q> request, @Nullable RequestOptions options) {
        return Mono.defer(() -> executor.execute(endpoint, request.get(), orNone(options))).then();
    }

    /**
     * Releases the client's own connection pool. Calls made afterwards fail with a
     * {@link RealtimeSessionsException}; calls in flight are aborted. An HTTP client given to
     * {@link Builder#httpClient(HttpClient)} is not closed. Does not block.
     */
    @Override
    public void close() {
        executor.close();
    }

    /**
     * The URL a browser posts its WebRTC SDP offer to, authenticated with a client secret this
     * client minted ({@code Authorization: Bearer ek_...}): tell the browser this URL along with the
     * secret. For OpenAI it is {@code https://api.openai.com/v1/realtime/calls} (under the base URL
     * the client was built with). For Azure OpenAI it is
     * {@code https://{resource}.openai.azure.com/openai/v1/realtime/calls?webrtcfilter=on}: Azure
     * then filters the events its data channel sends the browser, which Microsoft recommends for a
     * browser (which events it keeps back, Microsoft does not list; drop the query to receive all).
     *
     * @return the absolute URL, safe to hand to a browser
     */
    public String browserCallsUrl() {
        return browserCallsUrl;
    }

    /**
     * Describes the client's settings, never its API key or token.
     *
     * @return a description that is safe to log
     */
    @Override
    public String toString() {
        return "RealtimeSessions{" + description + (executor.isClosed() ? ", closed" : "") + "}";
    }

    /**
     * Builds a {@link RealtimeSessions} client. Setters check their argument at once and throw
     * {@link ValidationException} naming the option; {@link #build()} checks the combination.
     */
    public static final class Builder {
        private @Nullable Mono<String> apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private boolean baseUrlSet;
        private @Nullable String azureBaseUrl;
        private @Nullable Mono<String> azureApiKey;
        private @Nullable BearerTokenSource azureTokenSource;
        private Duration azureTokenRefreshMargin = AzureOpenAi.DEFAULT_TOKEN_REFRESH_MARGIN;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration attemptTimeout = Duration.ofSeconds(15);
        private Duration timeout = Duration.ofSeconds(45);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private int maxResponseBytes = 1024 * 1024;
        private int maxConnections = 2000;
        private int maxPendingAcquires = 20_000;
        private @Nullable HttpClient httpClient;
        private @Nullable LoopResources loops;
        private @Nullable TrustManagerFactory trustManager;
        private boolean allowInsecureHttp;
        private boolean wiretap;
        private boolean acceptGzip;
        private boolean rateGate = true;
        private @Nullable SharedRateGate sharedRateGate;
        private CallListener.@Nullable Factory callListener;

        private Builder() {
        }

        /**
         * Sets OpenAI's API key, sent as {@code Authorization: Bearer}. For Azure OpenAI use
         * {@link #azure(String)} with {@link #azureApiKey(String)} instead.
         *
         * @param apiKey the key, typically {@code System.getenv("OPENAI_API_KEY")}
         * @return this builder
         * @throws ValidationException if the key is null, blank or holds whitespace
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Mono.just(Arguments.apiKey(apiKey));
            return this;
        }

        /**
         * Sets a source of the API key, subscribed once per call: for keys that rotate, or that
         * come from a secret store or the subscriber's {@code Context}. The source must not block.
         *
         * @param apiKey emits the key for one call
         * @return this builder
         */
        public Builder apiKey(Mono<String> apiKey) {
            this.apiKey = Arguments.notNull("apiKey", apiKey);
            return this;
        }

        /**
         * Sets the API base URL; {@code /realtime/...} paths are appended to it. Plain
         * {@code http} is accepted for loopback hosts only, unless {@link #allowInsecureHttp(boolean)}.
         *
         * @param baseUrl for example {@code https://api.openai.com/v1} or a gateway's URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = BaseUrls.normalize("baseUrl", baseUrl);
            this.baseUrlSet = true;
            return this;
        }

        /**
         * Targets an Azure OpenAI resource instead of OpenAI: calls go to its v1 API,
         * {@code resourceUrl + "/openai/v1"}, and authenticate with {@link #azureApiKey(String)} or
         * {@link #azureTokenSource(BearerTokenSource)} (exactly one). Cannot be combined with
         * {@link #apiKey(String)} (OpenAI's key), {@link #baseUrl(String)}, {@link #organization(String)}
         * or {@link #project(String)}, which only OpenAI reads; {@link #build()} says so.
         *
         * <p>On Azure a request's {@code model} is the name of the resource's deployment, such as
         * {@code "my-gpt-realtime"}, not the model's name. Plain {@code http} is accepted for
         * loopback hosts only, unless {@link #allowInsecureHttp(boolean)}.
         *
         * @param resourceUrl the resource's endpoint as the Azure portal shows it:
         *     {@code https://{resource}.openai.azure.com} or {@code https://{resource}.services.ai.azure.com}
         *     (a URL already ending in {@code /openai/v1} is taken as it is, and a gateway's path prefix is kept)
         * @return this builder
         * @throws ValidationException naming {@code azure} if the URL is not an http(s) URL with a
         *     host, has a query, fragment or user info, is OpenAI's API, or has another
         *     {@code /openai/...} path (such as the per-deployment API's)
         */
        public Builder azure(String resourceUrl) {
            this.azureBaseUrl = AzureOpenAi.baseUrl(resourceUrl);
            return this;
        }

        /**
         * Authenticates to the {@link #azure(String) Azure resource} with one of its keys, sent as
         * {@code api-key} (never {@code Authorization}).
         *
         * @param apiKey the key, typically {@code System.getenv("AZURE_OPENAI_API_KEY")}
         * @return this builder
         * @throws ValidationException naming {@code azureApiKey} if the key is null, blank or holds whitespace
         */
        public Builder azureApiKey(String apiKey) {
            this.azureApiKey = Mono.just(ApiKeys.check(ApiKeys.AZURE, apiKey));
            return this;
        }

        /**
         * Authenticates to the {@link #azure(String) Azure resource} with keys from a source,
         * subscribed once per call: for keys that rotate or come from a secret store. The source
         * must not block.
         *
         * @param apiKey emits the key for one call
         * @return this builder
         * @throws ValidationException if {@code apiKey} is null
         */
        public Builder azureApiKey(Mono<String> apiKey) {
            this.azureApiKey = Arguments.notNull("azureApiKey", apiKey);
            return this;
        }

        /**
         * Authenticates to the {@link #azure(String) Azure resource} with Microsoft Entra ID
         * tokens, sent as {@code Authorization: Bearer} (never {@code api-key}). The client asks
         * the source for a token when it has none it may use, keeps it until
         * {@link #azureTokenRefreshMargin(Duration)} before it expires, and then refreshes it in
         * the background while calls go on with the current one; however many calls are waiting,
         * the source is asked once. A failed fetch fails the calls that were waiting for it with a
         * {@link CredentialException}, and the next call asks again. The token never appears in a
         * log, message or {@code toString()}.
         *
         * <pre>{@code
         * RealtimeSessions.builder()
         *     .azure("https://my-resource.openai.azure.com")
         *     .azureTokenSource(AzureIdentityTokens.of(new DefaultAzureCredentialBuilder().build()))
         *     .build();
         * }</pre>
         *
         * ({@code AzureIdentityTokens} is in {@code realtime-sessions-reactor-adapter}; the
         * identity needs the "Cognitive Services OpenAI User" role on the resource.)
         *
         * @param tokenSource where tokens come from
         * @return this builder
         * @throws ValidationException if {@code tokenSource} is null
         */
        public Builder azureTokenSource(BearerTokenSource tokenSource) {
            this.azureTokenSource = Arguments.notNull("azureTokenSource", tokenSource);
            return this;
        }

        /**
         * Sets how long before its expiry a token from {@link #azureTokenSource(BearerTokenSource)}
         * is refreshed (default 5 minutes, as Azure's own SDKs do). A token that lives less than
         * twice the margin is refreshed at half its remaining life instead.
         *
         * @param margin zero or positive
         * @return this builder
         * @throws ValidationException if {@code margin} is null or negative
         */
        public Builder azureTokenRefreshMargin(Duration margin) {
            this.azureTokenRefreshMargin = Arguments.nonNegative("azureTokenRefreshMargin", margin);
            return this;
        }

        /**
         * Sets {@code OpenAI-Organization} on every request. OpenAI only: refused with
         * {@link #azure(String)}, as Azure OpenAI does not read it.
         *
         * @param organization the organization id, {@code org-...}
         * @return this builder
         */
        public Builder organization(String organization) {
            return putHeader(Arguments.ORGANIZATION, organization);
        }

        /**
         * Sets {@code OpenAI-Project} on every request. OpenAI only: refused with
         * {@link #azure(String)}, as Azure OpenAI does not read it.
         *
         * @param project the project id, {@code proj_...}
         * @return this builder
         */
        public Builder project(String project) {
            return putHeader(Arguments.PROJECT, project);
        }

        /**
         * Adds a header to every request (a gateway's routing header, say).
         *
         * @param name the header name; not one the library sets itself
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            return putHeader(name, value);
        }

        private Builder putHeader(String name, String value) {
            Arguments.header(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * Sets the retry policy (default {@link RetryPolicy#defaults()}).
         *
         * @param retryPolicy the policy; {@link RetryPolicy#none()} disables retries
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Arguments.notNull("retryPolicy", retryPolicy, "use RetryPolicy.none() to disable retries");
            return this;
        }

        /**
         * Sets the time limit of one attempt, from asking for a connection to the last byte of the
         * answer (default 15 s).
         *
         * @param attemptTimeout positive
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = Arguments.positive("attemptTimeout", attemptTimeout);
            return this;
        }

        /**
         * Sets the overall deadline of a call, over all attempts and the waits between them
         * (default 45 s). A retry whose wait would end after it is not waited for.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Arguments.positive("timeout", timeout);
            return this;
        }

        /**
         * Sets the time limit to open a connection (default 5 s).
         *
         * @param connectTimeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Arguments.positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * Sets the largest response body accepted, after decompression (default 1 MiB). A larger
         * body fails the call with {@link ResponseDecodingException} as soon as the cap is passed.
         *
         * @param maxResponseBytes positive
         * @return this builder
         */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = Arguments.positive("maxResponseBytes", maxResponseBytes);
            return this;
        }

        /**
         * Sets the size of the client's own connection pool (default 2000): HTTP/1.1 connections,
         * each carrying many streams under HTTP/2. Ignored with {@link #httpClient(HttpClient)}.
         *
         * @param maxConnections positive
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = Arguments.positive("maxConnections", maxConnections);
            return this;
        }

        /**
         * Sets how many calls may wait for a pooled connection when all are busy (default
         * 20,000); past it a call fails at once with {@link ApiConnectionException}. Ignored with
         * {@link #httpClient(HttpClient)}.
         *
         * @param maxPendingAcquires positive
         * @return this builder
         */
        public Builder maxPendingAcquires(int maxPendingAcquires) {
            this.maxPendingAcquires = Arguments.positive("maxPendingAcquires", maxPendingAcquires);
            return this;
        }

        /**
         * Runs the library's own transport on these event loops instead of Reactor Netty's global
         * ones (default): an application's own loops, such as Spring's {@code ReactorResourceFactory}'s.
         * Everything else stays the library's: its own connection pool ({@link #maxConnections(int)},
         * {@link #maxPendingAcquires(int)}, idle connections closed after 30 s), HTTP/2 negotiated over
         * TLS, the inflation cap, compression, the connect timeout and the redacting wiretap.
         * {@link RealtimeSessions#close()} closes the pool, never the loops, which stay the caller's.
         * Replaces an {@link #httpClient(HttpClient)} set before: the two choose the transport.
         *
         * @param loops the event loops to run on
         * @return this builder
         * @throws ValidationException if {@code loops} is null
         */
        public Builder runOn(LoopResources loops) {
            this.loops = Arguments.notNull("runOn", loops);
            this.httpClient = null;
            return this;
        }

        /**
         * Makes the library's own transport trust the certificates {@code trustManager} trusts
         * instead of the JDK's default trust store: a private CA, a TLS-inspecting proxy, a test
         * server. HTTP/2 is still negotiated by ALPN. (A Spring Boot SSL bundle's
         * {@code getManagers().getTrustManagerFactory()} fits.)
         *
         * @param trustManager an initialized trust manager factory
         * @return this builder
         * @throws ValidationException if {@code trustManager} is null
         */
        public Builder trustManager(TrustManagerFactory trustManager) {
            this.trustManager = Arguments.notNull("trustManager", trustManager);
            return this;
        }

        /**
         * Sends with the caller's Reactor Netty client instead of the library's own transport, to
         * share its connection pool, event loops, TLS or proxy settings; the client is not closed.
         * To keep the library's transport and only choose its event loops, use
         * {@link #runOn(LoopResources)}.
         *
         * <p><strong>What still applies</strong> to a caller's client: compression as
         * {@link #acceptGzip(boolean)} says (off unless asked for), the connect timeout, the redacting wiretap (which also
         * replaces Reactor Netty's own wiretap, as that would log the key in clear),
         * {@link #maxResponseBytes(int)} (checked on the inflated body), the timeouts, retries,
         * rate gate, headers and listener. <strong>What does not</strong>: the library's pool and
         * its sizes ({@link #maxConnections(int)}, {@link #maxPendingAcquires(int)}, the 30 s idle
         * time, the pending-acquire timeout), HTTP/2 negotiation, the cap on inflation per read
         * (set {@code httpResponseDecoder(spec -> spec.maxDecompressionBufferSize(maxResponseBytes + 1))}
         * yourself, or a gzip answer is inflated a read at a time before the cap is checked), and
         * {@link #trustManager(TrustManagerFactory)}, which cannot be combined with it. Replaces a
         * {@link #runOn(LoopResources)} set before: the two choose the transport.
         *
         * @param httpClient the client to send requests with
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Arguments.notNull("httpClient", httpClient);
            this.loops = null;
            return this;
        }

        /**
         * Allows a plain {@code http} base URL whose host is not loopback (default {@code false}):
         * the API key then crosses the network unencrypted. For a trusted in-cluster gateway only.
         *
         * @param allowInsecureHttp whether to allow it
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        /**
         * Asks for gzip-compressed answers ({@code Accept-Encoding: gzip}; default {@code false}).
         * Every answer of this API is small (a token answer is under 2 KB, an SDP answer a few), and
         * inflating one costs more CPU than sending it as it is: about 6 µs per 766-byte token
         * answer to save 323 bytes on the wire (BENCHMARKS.md). When on, an answer is inflated with
         * {@link #maxResponseBytes(int)} checked as it inflates, so a gzip bomb is refused at the
         * cap. When off, an answer that comes compressed all the same fails with
         * {@link ResponseDecodingException} naming this setting.
         *
         * @param acceptGzip whether to ask for gzip
         * @return this builder
         */
        public Builder acceptGzip(boolean acceptGzip) {
            this.acceptGzip = acceptGzip;
            return this;
        }

        /**
         * Logs every exchange's bytes as text at DEBUG under {@code dev.realtimesessions.wiretap}
         * (default {@code false}), with the API key, client secrets and other credentials masked.
         *
         * @param wiretap whether to log exchanges
         * @return this builder
         */
        public Builder wiretap(boolean wiretap) {
            this.wiretap = wiretap;
            return this;
        }

        /**
         * Paces calls that share an API key and project at the rate the server describes (default
         * {@code true}). From OpenAI's {@code x-ratelimit-limit-requests},
         * {@code x-ratelimit-remaining-requests} and {@code x-ratelimit-reset-requests} the gate
         * learns, per key and project, how many requests may go at once and at what rate they come
         * back; when calls would overrun that, they wait in line and go at that rate, instead of
         * each being sent and refused. After a 429 the headers do not explain, the key waits for its
         * {@code retry-after-ms} or {@code retry-after}. A call whose turn would come too late for
         * its deadline fails at once with {@link RateLimitException}, nothing sent. A fresh client
         * sends ten requests before its first answer has told it anything; the rest of that first
         * burst waits for that answer (at most a second). Like the retry policy, the gate honours
         * waits up to the client's {@link RetryPolicy#maxRetryAfter()} and ignores longer ones. The
         * key is kept only as a SHA-256 digest. Turn it off when a limiter of your own already
         * paces the key.
         *
         * @param rateGate whether to pace calls per key and project
         * @return this builder
         */
        public Builder rateGate(boolean rateGate) {
            this.rateGate = rateGate;
            return this;
        }

        /**
         * Shares the {@link #rateGate(boolean) rate gate}'s state with the rate gates of other
         * clients, typically the other replicas of the application, which share OpenAI's limit for
         * the key and project: a 429's hold, or the rate the server described, learned by one holds
         * or paces the others before each meets a 429 of its own ({@code RedisSharedRateGate} in
         * {@code realtime-sessions-redis} carries it through Redis). None by default: each client
         * paces on what it learns itself. The local gate stays the only thing on a call's path: a
         * call never waits for the shared one, and when it cannot pass news on, each client paces
         * as without it. The client subscribes to its {@link SharedRateGate#news() news} when built
         * and cancels at {@link RealtimeSessions#close()}, which does not close the shared gate.
         * Has no effect with {@code rateGate(false)}.
         *
         * @param sharedRateGate what carries the state between clients
         * @return this builder
         * @throws ValidationException if {@code sharedRateGate} is null
         */
        public Builder sharedRateGate(SharedRateGate sharedRateGate) {
            this.sharedRateGate = Arguments.notNull("sharedRateGate", sharedRateGate);
            return this;
        }

        /**
         * Hears every call's events (attempts, retries, rate-gate waits, the outcome), for metrics
         * and tracing: {@code MicrometerCallListener} in {@code realtime-sessions-reactor-adapter}
         * records Micrometer observations, counters and gauges; see {@link CallListener} to plug in
         * anything else. None by default.
         *
         * @param factory makes one listener per call
         * @return this builder
         * @throws ValidationException if {@code factory} is null
         */
        public Builder callListener(CallListener.Factory factory) {
            this.callListener = Arguments.notNull("callListener", factory);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return a new client; share it
         * @throws ValidationException if no API key was set (for Azure: not exactly one of
         *     {@link #azureApiKey(String)} and {@link #azureTokenSource(BearerTokenSource)}), if
         *     {@link #azure(String)} is combined with {@link #apiKey(String)}, {@link #baseUrl(String)},
         *     {@link #organization(String)}, {@link #project(String)} or an {@code api-key} header, if
         *     an Azure credential is set without {@link #azure(String)}, if the base URL is plain
         *     {@code http} to a host that is not loopback without {@link #allowInsecureHttp(boolean)}, or
         *     if {@link #httpClient(HttpClient)} is combined with {@link #trustManager(TrustManagerFactory)}
         */
        public RealtimeSessions build() {
            AzureAuth azure = azureAuth();
            String target = azureBaseUrl != null ? azureBaseUrl : baseUrl;
            Mono<String> keys = azure == null ? apiKey : azureApiKey;
            if (keys == null && azure == null) {
                throw new ValidationException("apiKey", "is required: call apiKey(System.getenv(\"OPENAI_API_KEY\"))"
                        + " or apiKey(Mono<String>); for Azure OpenAI call azure(resourceUrl) with azureApiKey(...) or"
                        + " azureTokenSource(...)");
            }
            BaseUrls.requireSecure(azure == null ? "baseUrl" : "azure", target, allowInsecureHttp);
            if (httpClient != null && trustManager != null) {
                throw new ValidationException("trustManager", "configures the library's own transport and cannot be"
                        + " combined with httpClient(...): set TLS on that HttpClient instead, or drop httpClient(...)");
            }
            ClientSettings settings = new ClientSettings(target, keys == null ? Mono.empty() : keys,
                    Collections.unmodifiableMap(new LinkedHashMap<>(headers)), retryPolicy, attemptTimeout, timeout,
                    connectTimeout, maxResponseBytes, maxConnections, maxPendingAcquires, httpClient, loops, trustManager,
                    wiretap, LibraryVersion.userAgent(), rateGate, callListener, azure, acceptGzip, sharedRateGate);
            String description = (azure == null ? "baseUrl=" + baseUrl
                    : "azure=" + target + ", auth=" + (azure.tokenSource() == null ? "api-key"
                    : "Entra ID token source, azureTokenRefreshMargin=" + azure.tokenRefreshMargin()))
                    + ", headers=" + headers.keySet() + ", retryPolicy=" + retryPolicy
                    + ", attemptTimeout=" + attemptTimeout + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                    + ", maxResponseBytes=" + maxResponseBytes + ", acceptGzip=" + acceptGzip
                    + (httpClient == null ? ", maxConnections=" + maxConnections + ", maxPendingAcquires="
                    + maxPendingAcquires + (loops == null ? "" : ", runOn=caller's loops")
                    + (trustManager == null ? "" : ", trustManager=caller's") : ", httpClient=caller's")
                    + ", rateGate=" + rateGate
                    + (rateGate && sharedRateGate != null ? ", sharedRateGate=" + sharedRateGate.getClass().getName() : "")
                    + (callListener == null ? "" : ", callListener=" + callListener.getClass().getName());
            String browserCallsUrl = target + "/realtime/calls" + (azure == null ? "" : AzureOpenAi.BROWSER_FILTER);
            return new RealtimeSessions(new CallExecutor(settings), description, browserCallsUrl);
        }

        /**
         * How the client authenticates to Azure OpenAI, or null for OpenAI; refuses every
         * combination of options that cannot mean what its caller wants.
         */
        private @Nullable AzureAuth azureAuth() {
            if (azureBaseUrl == null) {
                if (azureApiKey != null || azureTokenSource != null) {
                    throw new ValidationException("azure", "is required with " + (azureApiKey != null ? "azureApiKey"
                            : "azureTokenSource") + "(...): call azure(\"https://{resource}.openai.azure.com\") to target"
                            + " the Azure OpenAI resource the credential belongs to");
                }
                return null;
            }
            if (apiKey != null) {
                throw new ValidationException("apiKey", "is OpenAI's API key and cannot be combined with azure(...): use"
                        + " azureApiKey(...) for the Azure resource's key or azureTokenSource(...) for Microsoft Entra ID,"
                        + " or drop azure(...) to call OpenAI");
            }
            if (baseUrlSet) {
                throw new ValidationException("baseUrl", "cannot be combined with azure(...), which sets the base URL to "
                        + azureBaseUrl + ": drop baseUrl(...)");
            }
            if (azureApiKey != null && azureTokenSource != null) {
                throw new ValidationException("azureTokenSource", "cannot be combined with azureApiKey(...): authenticate"
                        + " with the resource's key or with Microsoft Entra ID tokens, not both");
            }
            if (azureApiKey == null && azureTokenSource == null) {
                throw new ValidationException("azureApiKey", "is required with azure(...): call"
                        + " azureApiKey(System.getenv(\"AZURE_OPENAI_API_KEY\")), or azureTokenSource(...) for"
                        + " Microsoft Entra ID");
            }
            ValidationException refused = AzureOpenAi.refusedHeader(headers);
            if (refused != null) {
                throw refused;
            }
            return new AzureAuth(azureTokenSource, azureTokenRefreshMargin);
        }
    }
}
