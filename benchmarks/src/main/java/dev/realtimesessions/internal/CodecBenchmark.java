package dev.realtimesessions.internal;

import dev.realtimesessions.benchmarks.Payloads;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The library's JSON codec against plain Jackson 3 trees on the same JSON: request serialization
 * and response parsing. Run with {@code -prof gc} for bytes allocated per operation.
 *
 * <p>It lives in {@code dev.realtimesessions.internal} (a split package on the class path) to reach
 * each endpoint's {@code RequestBody}, which serializes into the pooled buffer the transport sends; {@link Endpoint#toJson} and
 * {@link Endpoint#fromJson} are the public test helpers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;

    /** Made by JMH. */
    public CodecBenchmark() {
    }

    // ---- request serialization ----

    /**
     * GA request to a pooled Netty buffer, exactly as the transport sends it.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public int writeClientSecretRequestPooled() {
        ByteBuf buffer = Endpoint.CLIENT_SECRETS.requestBody().write(allocator, Payloads.CLIENT_SECRET_REQUEST,
                RequestBody.JsonBody.APPLICATION_JSON);
        int length = buffer.readableBytes();
        buffer.release();
        return length;
    }

    /**
     * GA request to a {@code byte[]} through the public test helper.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public byte[] writeClientSecretRequestBytes() {
        return Endpoint.CLIENT_SECRETS.toJson(Payloads.CLIENT_SECRET_REQUEST);
    }

    /**
     * Reference: the same GA request built as a Jackson tree and written to a {@code byte[]}.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public byte[] writeClientSecretRequestJacksonTree() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode session = root.putObject("session");
        session.put("type", "realtime");
        session.put("model", Payloads.MODEL);
        session.putArray("output_modalities").add("audio");
        session.put("instructions", Payloads.INSTRUCTIONS);
        return MAPPER.writeValueAsBytes(root);
    }

    /**
     * Beta request to a pooled Netty buffer, as the transport sends it.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public int writeBetaSessionRequestPooled() {
        ByteBuf buffer = Endpoint.BETA_SESSIONS.requestBody().write(allocator, Payloads.BETA_SESSION_REQUEST,
                RequestBody.JsonBody.APPLICATION_JSON);
        int length = buffer.readableBytes();
        buffer.release();
        return length;
    }

    /**
     * Reference: the same beta request as a Jackson tree written to a {@code byte[]}.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public byte[] writeBetaSessionRequestJacksonTree() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", Payloads.MODEL);
        root.put("instructions", Payloads.INSTRUCTIONS);
        root.put("voice", "verse");
        return MAPPER.writeValueAsBytes(root);
    }

    // ---- response parsing ----

    /**
     * GA answer parsed into the library's records.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public ClientSecretCreateResponse parseClientSecretResponse() {
        return Endpoint.CLIENT_SECRETS.fromJson(Payloads.CLIENT_SECRET_RESPONSE);
    }

    /**
     * Reference: the same GA answer parsed into a Jackson tree.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public JsonNode parseClientSecretResponseJacksonTree() {
        return MAPPER.readTree(Payloads.CLIENT_SECRET_RESPONSE);
    }

    /**
     * Beta answer parsed into the library's records.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public RealtimeSession parseBetaSessionResponse() {
        return Endpoint.BETA_SESSIONS.fromJson(Payloads.BETA_SESSION_RESPONSE);
    }

    /**
     * Reference: the same beta answer parsed into a Jackson tree.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public JsonNode parseBetaSessionResponseJacksonTree() {
        return MAPPER.readTree(Payloads.BETA_SESSION_RESPONSE);
    }
}
