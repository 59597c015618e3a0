package dev.realtimesessions.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.spec.SchemaShapeChecker.Mode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The conformance checks are only as good as the checker: it must reject what the spec does not allow. */
class SchemaShapeCheckerTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load();
    private static final JsonNode REQUEST = SPEC.schema("RealtimeCreateClientSecretRequest");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void acceptsAConformingSubset() {
        assertThat(subset("{\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":{\"voice\":{\"id\":\"v_1\"}}}}}"))
                .isEmpty();
    }

    @Test
    void rejectsAnUndeclaredProperty() {
        assertThat(subset("{\"session\":{\"type\":\"realtime\",\"modalities\":[\"audio\"]}}"))
                .singleElement().asString().contains("modalities");
    }

    @Test
    void rejectsAnUndeclaredNestedProperty() {
        assertThat(subset("{\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":{\"voice\":\"alloy\"}}}}"))
                .singleElement().asString().contains("voice");
    }

    @Test
    void rejectsAWrongType() {
        assertThat(subset("{\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":\"600\"}}"))
                .singleElement().asString().contains("seconds").contains("expected integer");
    }

    @Test
    void rejectsAValueOutsideAnEnum() {
        assertThat(subset("{\"session\":{\"type\":\"realtime\",\"output_modalities\":[\"video\"]}}"))
                .singleElement().asString().contains("video");
        assertThat(subset("{\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":{\"format\":"
                + "{\"type\":\"audio/pcm\",\"rate\":16000}}}}}")).isNotEmpty();
    }

    @Test
    void rejectsNullWhereTheSpecDoesNotAllowIt() {
        assertThat(subset("{\"session\":{\"type\":\"realtime\",\"instructions\":null}}"))
                .singleElement().asString().contains("instructions");
        assertThat(subset("{\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":null}}}}"))
                .isEmpty();
    }

    @Test
    void rejectsAMissingRequiredProperty() {
        assertThat(subset("{\"session\":{\"model\":\"gpt-realtime\"}}")).isNotEmpty();
    }

    @Test
    void exactModeRejectsAMissingProperty() {
        JsonNode body = JSON.readTree("{\"expires_after\":{\"anchor\":\"created_at\"},\"session\":{\"type\":\"realtime\"}}");
        assertThat(new SchemaShapeChecker(SPEC, Mode.EXACT).check(body, REQUEST, "$"))
                .anySatisfy(error -> assertThat(error).contains("seconds"));
    }

    @Test
    void samplerOutputConformsExactly() {
        for (int variant = 0; variant < 3; variant++) {
            JsonNode sample = new SchemaSampler(SPEC, variant).sample(REQUEST);
            assertThat(new SchemaShapeChecker(SPEC, Mode.EXACT).check(sample, REQUEST, "$")).as("variant " + variant)
                    .isEmpty();
        }
    }

    private static java.util.List<String> subset(String json) {
        return new SchemaShapeChecker(SPEC, Mode.SUBSET).check(JSON.readTree(json), REQUEST, "$");
    }
}
