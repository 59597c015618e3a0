package dev.realtimesessions.adapter;

import dev.realtimesessions.RequestOptions;
import java.util.Optional;
import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Per-request options in the Reactor {@link Context}: multi-tenant issuance, one app minting for
 * many OpenAI projects, without threading a {@link RequestOptions} through every layer.
 *
 * <pre>{@code
 * // in a WebFilter, or wherever the tenant is known
 * chain.filter(exchange).contextWrite(RealtimeSessionsContext.withRequestOptions(
 *     RequestOptions.builder().apiKey(tenant.openAiKey()).project(tenant.projectId()).build()));
 *
 * // anywhere below, every call of the client uses the tenant's key and project
 * sessions.createClientSecret(request);
 * }</pre>
 *
 * <p>The client reads {@link RequestOptions#CONTEXT_KEY} from the subscriber's {@code Context} on
 * each call; options passed to the call itself win, option by option, and headers are merged.
 * The {@code CompletableFuture}, blocking, {@code Flow} and RxJava views have no Reactor
 * {@code Context}: pass {@link RequestOptions} to their methods instead.
 *
 * <p><strong>Logging context.</strong> The library logs on Reactor Netty's event loops, where the
 * caller's SLF4J MDC (a thread-local) is not set. Reactor can restore it from the {@code Context}
 * when Micrometer's {@code io.micrometer:context-propagation} is on the class path: register a
 * {@code ThreadLocalAccessor} for the MDC keys and call
 * {@code Hooks.enableAutomaticContextPropagation()} once at startup (Spring Boot does the latter
 * with {@code spring.reactor.context-propagation=auto}); then
 * {@code .contextWrite(Context.of("traceId", id))} shows {@code %X{traceId}} in the library's log
 * lines for that call. Without context-propagation the library's log lines carry no MDC.
 */
public final class RealtimeSessionsContext {

    private RealtimeSessionsContext() {
    }

    /**
     * A function for {@code contextWrite} that puts {@code options} under {@link RequestOptions#CONTEXT_KEY}.
     *
     * @param options the options every call below should use
     * @return a context writer
     * @throws dev.realtimesessions.ValidationException if {@code options} is {@code null}
     */
    public static Function<Context, Context> withRequestOptions(RequestOptions options) {
        Arguments.notNull("options", options);
        return context -> context.put(RequestOptions.CONTEXT_KEY, options);
    }

    /**
     * The options a call made with this {@code Context} would apply beneath its own.
     *
     * @param context a subscriber's context
     * @return the options, or empty when there are none
     */
    public static Optional<RequestOptions> requestOptions(ContextView context) {
        Object value = Arguments.notNull("context", context).getOrDefault(RequestOptions.CONTEXT_KEY, null);
        return value instanceof RequestOptions options ? Optional.of(options) : Optional.empty();
    }
}
