package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.spec.SchemaInstances;
import dev.realtimesessions.testing.DecodedValues;
import dev.realtimesessions.testing.Fixtures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers never fail a mint over a value the caller does not need. The answers are generated:
 * from each response schema of OpenAI's published spec a full, valid answer (and one per
 * alternative of every union), then, at every node of the full answer, each value of
 * {@link #MUTATIONS} (negative, beyond a {@code long} or a {@code double}, a fraction where an
 * integer belongs, an empty or unknown string, an object, an array, a boolean, null) and an
 * unknown field in every object. Each answer is served by a loopback server to a real client:
 * the call must succeed, the secret must be readable, and a distinctive value must be found in
 * the decoded answer, in a typed component or among the additional properties.
 */
class AnswerToleranceTest {

    private static final String SECRET = "ek_tolerance_0123456789";
    private static final String CASE_HEADER = "x-answer-case";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A value put in place of a node: its JSON text, the plain value it reads as, and what kind of value it is. */
    record Mutation(String name, String json, Object plain, boolean distinctive, boolean numeric, boolean string) {
    }

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("negative", "-66504022", -66504022, true, true, false),
            new Mutation("beyond a long", "123456789012345678901234567890",
                    new BigInteger("123456789012345678901234567890"), true, true, false),
            new Mutation("beyond a double", "1e999", new BigDecimal("1e999"), true, true, false),
            new Mutation("a tiny negative fraction", "-0.000123456", -0.000123456, true, true, false),
            new Mutation("an empty string", "\"\"", "", false, false, true),
            new Mutation("an unknown string", "\"unknown-\uD83E\uDD9C-value\"", "unknown-\uD83E\uDD9C-value", true, false, true),
            new Mutation("an object", "{\"unexpected\":[\"\uD83E\uDD9C\",1]}", Map.of("unexpected", List.of("\uD83E\uDD9C", 1)),
                    true, false, false),
            new Mutation("an array", "[\"\uD83E\uDD9C-element\",2]", List.of("\uD83E\uDD9C-element", 2), true, false, false),
            new Mutation("a boolean", "true", true, false, false, false),
            new Mutation("null", "null", null, false, false, false));

    private static final Mutation UNKNOWN_FIELD = new Mutation("an unknown field", "{\"nested\":[1,\"\uD83E\uDD9C\"]}",
            Map.of("nested", List.of(1, "\uD83E\uDD9C")), true, false, false);

    private static final MockWebServer SERVER = new MockWebServer();
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static RealtimeSessions client;

    @BeforeAll
    static void start() throws Exception {
        SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                        .body(ANSWERS.get(request.getHeaders().get(CASE_HEADER))).build();
            }
        });
        SERVER.start();
        client = Fixtures.client(SERVER).retryPolicy(RetryPolicy.none()).rateGate(false).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        SERVER.close();
    }

    /** How to mint through one endpoint and read the secret and the part of the answer that keeps values. */
    enum Endpoint {
        CLIENT_SECRETS("/value", "/expires_at", null),
        BETA_SESSIONS("/client_secret/value", "/client_secret/expires_at", "/client_secret"),
        BETA_TRANSCRIPTION_SESSIONS("/client_secret/value", "/client_secret/expires_at", "/client_secret");

        /** The pointer of the secret's value: only strings may be put there. */
        final String value;
        /** The pointer of the secret's expiry: only numbers may be put there, and it is read clamped, not kept. */
        final String expiry;
        /** The object holding the secret, which must stay one; null when the secret is at the top. */
        final String secretObject;

        Endpoint(String value, String expiry, String secretObject) {
            this.value = value;
            this.expiry = expiry;
            this.secretObject = secretObject;
        }

        Mono<Object> mint(RequestOptions options) {
            return switch (this) {
                case CLIENT_SECRETS -> client.createClientSecret(ClientSecretCreateRequest.builder().build(), options)
                        .cast(Object.class);
                case BETA_SESSIONS -> client.create(RealtimeSessionCreateRequest.builder().model("gpt-realtime").build(),
                        options).cast(Object.class);
                case BETA_TRANSCRIPTION_SESSIONS -> client.createTranscriptionSession(
                        TranscriptionSessionCreateRequest.builder().build(), options).cast(Object.class);
            };
        }

        static String secret(Object answer) {
            if (answer instanceof ClientSecretCreateResponse response) {
                return response.value();
            }
            ClientSecret secret = answer instanceof RealtimeSession session ? session.clientSecret()
                    : ((TranscriptionSession) answer).clientSecret();
            return secret.value();
        }
    }

    /** One generated answer and what must hold for it. */
    record Case(String name, Endpoint endpoint, String body, String expectedSecret, Mutation kept) {
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedAnswerDecodesWithItsSecretAndKeepsWhatItSaid() {
        OpenApiSpec ga = OpenApiSpec.load();
        OpenApiSpec beta = OpenApiSpec.load(OpenApiSpec.BETA_2025_04);
        List<Case> cases = new ArrayList<>();
        List<JsonNode> gaVariants = answers(ga, "RealtimeCreateClientSecretResponse", Endpoint.CLIENT_SECRETS);
        cases.addAll(cases(Endpoint.CLIENT_SECRETS, "realtime session", gaVariants.get(0)));
        cases.addAll(cases(Endpoint.CLIENT_SECRETS, "transcription session", gaVariants.stream()
                .filter(answer -> answer.at("/session/type").asString().equals("transcription")).findFirst().orElseThrow()));
        cases.addAll(valid(Endpoint.CLIENT_SECRETS, gaVariants));
        List<JsonNode> betaVariants = answers(beta, "RealtimeSessionCreateResponse", Endpoint.BETA_SESSIONS);
        cases.addAll(cases(Endpoint.BETA_SESSIONS, "beta session", betaVariants.get(0)));
        cases.addAll(valid(Endpoint.BETA_SESSIONS, betaVariants));
        List<JsonNode> transcriptionVariants = answers(beta, "RealtimeTranscriptionSessionCreateResponse",
                Endpoint.BETA_TRANSCRIPTION_SESSIONS);
        cases.addAll(cases(Endpoint.BETA_TRANSCRIPTION_SESSIONS, "beta transcription session", transcriptionVariants.get(0)));
        cases.addAll(valid(Endpoint.BETA_TRANSCRIPTION_SESSIONS, transcriptionVariants));

        assertThat(cases).as("generated answers").hasSizeGreaterThan(1000);
        for (int i = 0; i < cases.size(); i++) {
            ANSWERS.put(String.valueOf(i), cases.get(i).body());
        }
        List<Object> decoded = Flux.range(0, cases.size())
                .flatMapSequential(i -> cases.get(i).endpoint().mint(RequestOptions.builder()
                        .header(CASE_HEADER, String.valueOf(i)).build())
                        .map(answer -> (Object) answer)
                        .onErrorResume(error -> Mono.just(error)), 32)
                .collectList()
                .block(Fixtures.WAIT.multipliedBy(6));
        assertThat(decoded).hasSize(cases.size());

        return IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(
                cases.get(i).name(), () -> check(cases.get(i), decoded.get(i))));
    }

    private static void check(Case answer, Object decoded) {
        assertThat(decoded).as("%s: the call succeeded", answer.name()).isNotInstanceOf(Throwable.class);
        assertThat(Endpoint.secret(decoded)).as("%s: the secret", answer.name()).isEqualTo(answer.expectedSecret());
        if (answer.kept() != null) {
            assertThat(DecodedValues.of(decoded).keeps(answer.kept().plain()))
                    .as("%s: the value is kept somewhere in %s", answer.name(), decoded).isTrue();
        }
    }

    /** The full answer of a response schema and its variants, with a known secret and a sane expiry. */
    private static List<JsonNode> answers(OpenApiSpec spec, String schema, Endpoint endpoint) {
        List<JsonNode> answers = new SchemaInstances(spec).variants(spec.schema(schema));
        for (JsonNode answer : answers) {
            set(answer, endpoint.value, NODES.stringNode(SECRET));
            set(answer, endpoint.expiry, NODES.numberNode(1756310470L));
        }
        return answers;
    }

    /** Each valid variant, as it is. */
    private static List<Case> valid(Endpoint endpoint, List<JsonNode> variants) {
        List<Case> cases = new ArrayList<>();
        for (int i = 1; i < variants.size(); i++) {
            cases.add(new Case(endpoint + ": valid variant " + i, endpoint, variants.get(i).toString(), SECRET, null));
        }
        return cases;
    }

    /** Every mutation at every node of {@code base}, and an unknown field in every object of it. */
    private static List<Case> cases(Endpoint endpoint, String what, JsonNode base) {
        List<Case> cases = new ArrayList<>();
        for (String pointer : pointers(base, "")) {
            if (pointer.isEmpty() || pointer.equals(endpoint.secretObject)) {
                continue; // the answer and the object holding the secret are not values but its frame
            }
            for (Mutation mutation : MUTATIONS) {
                boolean secretValue = pointer.equals(endpoint.value);
                boolean expiry = pointer.equals(endpoint.expiry);
                if (secretValue && !mutation.string() || expiry && !mutation.numeric()) {
                    continue; // the two values the caller cannot do without: only ones it can use
                }
                JsonNode answer = base.deepCopy();
                set(answer, pointer, NODES.stringNode("@@mutation@@"));
                String body = answer.toString().replace("\"@@mutation@@\"", mutation.json());
                cases.add(new Case(endpoint + ", " + what + ": " + mutation.name() + " at " + pointer, endpoint, body,
                        secretValue ? (String) mutation.plain() : SECRET,
                        mutation.distinctive() && !expiry && !secretValue ? mutation : null));
            }
            if (base.at(pointer).isObject()) {
                JsonNode answer = base.deepCopy();
                ((ObjectNode) answer.at(pointer)).set("future_\uD83E\uDD9C", Fixtures.json(UNKNOWN_FIELD.json()));
                cases.add(new Case(endpoint + ", " + what + ": an unknown field in " + pointer, endpoint, answer.toString(),
                        SECRET, UNKNOWN_FIELD));
            }
        }
        JsonNode withTopLevelField = base.deepCopy();
        ((ObjectNode) withTopLevelField).set("future_\uD83E\uDD9C", Fixtures.json(UNKNOWN_FIELD.json()));
        cases.add(new Case(endpoint + ", " + what + ": an unknown top-level field", endpoint, withTopLevelField.toString(),
                SECRET, UNKNOWN_FIELD));
        return cases;
    }

    /** The JSON pointers of every node in {@code node}, itself first. */
    private static List<String> pointers(JsonNode node, String pointer) {
        List<String> pointers = new ArrayList<>();
        pointers.add(pointer);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                pointers.addAll(pointers(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1")));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.addAll(pointers(node.get(i), pointer + "/" + i));
            }
        }
        return pointers;
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
