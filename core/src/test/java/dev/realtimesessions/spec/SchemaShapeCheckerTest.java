package dev.realtimesessions.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** Schemas with the keywords the published files use sparingly or not at all, to prove the checker on them. */
    private static final OpenApiSpec SYNTHETIC = OpenApiSpec.parse("synthetic", """
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    name: {type: string}
                    children:
                      type: array
                      items: {$ref: '#/components/schemas/Node'}
                Ambiguous:
                  oneOf:
                  - {type: string}
                  - {type: string, enum: [a, b]}
                Either:
                  anyOf:
                  - {type: string}
                  - {type: string, enum: [a, b]}
                Ranged:
                  type: object
                  properties:
                    speed: {type: number, minimum: 0.25, maximum: 1.5}
                    count: {type: integer, minimum: 1}
                    label: {type: string, pattern: '^[a-z]+$'}
                    kind: {const: fixed}
                    anything: {description: a schema without any keyword to check}
                    untyped_array: {type: array}
                Nulls:
                  type: object
                  properties:
                    nullable: {type: string, nullable: true}
                    defaulted: {type: object, default: null}
                    prose: {$ref: '#/components/schemas/Ranged', description: Can be set to `null` to turn it off.}
                    union: {anyOf: [{type: string}, {type: 'null'}]}
                    plain: {type: string}
                Loop:
                  anyOf:
                  - $ref: '#/components/schemas/Loop'
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
            """);

    @Test
    void oneOfMustMatchExactlyOneAlternativeAndAnyOfAtLeastOne() {
        assertThat(synthetic(Mode.SUBSET, "Ambiguous", "\"a\"")).singleElement().asString()
                .isEqualTo("$: matches 2 of the 2 oneOf alternatives, but must match exactly one");
        assertThat(synthetic(Mode.SUBSET, "Ambiguous", "\"c\"")).isEmpty();
        assertThat(synthetic(Mode.SUBSET, "Either", "\"a\"")).isEmpty();
        assertThat(synthetic(Mode.SUBSET, "Either", "1")).singleElement().asString()
                .startsWith("$: matches none of the 2 anyOf alternatives");
    }

    @Test
    void reportsEveryMismatchOfADocumentNotJustTheFirst() {
        assertThat(synthetic(Mode.SUBSET, "Ranged", """
                {"speed": 2, "count": 0, "label": "A1", "kind": "other", "colour": "blue"}"""))
                .containsExactlyInAnyOrder(
                        "$.speed: 2 is above the maximum 1.5",
                        "$.count: 0 is below the minimum 1",
                        "$.label: \"A1\" does not match \"^[a-z]+$\"",
                        "$.kind: \"other\" is not the constant \"fixed\"",
                        "$.colour: not a property the schema declares [speed, count, label, kind, anything, untyped_array]");
        assertThat(synthetic(Mode.SUBSET, "Ranged", "{\"speed\": 0.25, \"count\": 1, \"label\": \"ok\", \"kind\": \"fixed\"}"))
                .isEmpty();
    }

    @Test
    void rejectsWhatItCannotJudgeRatherThanPassingIt() {
        assertThat(synthetic(Mode.SUBSET, "Ranged", "{\"anything\": 1, \"untyped_array\": [1]}"))
                .containsExactlyInAnyOrder(
                        "$.anything: the schema gives nothing to check against: {\"description\":\"a schema without any keyword to check\"}",
                        "$.untyped_array: the schema gives no items to check against");
    }

    @Test
    void followsARecursiveSchemaAsDeepAsTheValueGoes() {
        String tree = "{\"name\": \"root\", \"children\": [{\"name\": \"a\", \"children\": [{\"name\": 7}]}]}";
        assertThat(synthetic(Mode.SUBSET, "Node", tree)).containsExactly(
                "$.children[0].children[0].name: expected string, but was NUMBER 7");
        assertThat(synthetic(Mode.EXACT, "Node", tree)).contains(
                "$.children[0].children[0].children: declared by the schema but missing");
        assertThat(SYNTHETIC.propertyPaths(SYNTHETIC.schema("Node"))).containsExactly("children", "name");
    }

    @Test
    void aReferenceCycleIsReportedInsteadOfLoopingForever() {
        assertThat(synthetic(Mode.SUBSET, "Loop", "1")).singleElement().asString()
                .contains("the schema refers to itself without descending into the value");
        assertThatThrownBy(() -> SYNTHETIC.schema("A")).hasMessageContaining("$ref cycle");
    }

    @Test
    void nullIsAllowedInTheFourWaysTheSpecMarksItAndNowhereElse() {
        assertThat(synthetic(Mode.SUBSET, "Nulls",
                "{\"nullable\": null, \"defaulted\": null, \"prose\": null, \"union\": null}")).isEmpty();
        assertThat(synthetic(Mode.SUBSET, "Nulls", "{\"plain\": null}"))
                .containsExactly("$.plain: null, but the schema does not allow null");
    }

    private static java.util.List<String> synthetic(Mode mode, String schema, String json) {
        return new SchemaShapeChecker(SYNTHETIC, mode).check(JSON.readTree(json), SYNTHETIC.schema(schema));
    }

    private static java.util.List<String> subset(String json) {
        return new SchemaShapeChecker(SPEC, Mode.SUBSET).check(JSON.readTree(json), REQUEST, "$");
    }
}
