package dev.realtimesessions.internal;

import dev.realtimesessions.model.Tristate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A thin reading layer over a streaming {@link JsonParser}: field iteration, typed values,
 * tolerance for unknown fields. Every value method reads the parser's current token.
 */
public final class JsonIn {

    /** The room a list is made with: the answers' arrays hold a few values, often one. */
    private static final int SHORT_LIST = 4;

    private final JsonParser parser;

    JsonIn(JsonParser parser) {
        this.parser = parser;
    }

    /** Moves to the first token of the document and checks that it opens an object. */
    void beginDocument(Supplier<String> what) {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw new JsonShapeException(what.get() + " must be a JSON object, but starts with " + describe(token));
        }
    }

    /** Checks that nothing but whitespace follows the top-level value. */
    void endDocument() {
        JsonToken token = parser.nextToken();
        if (token != null) {
            throw new JsonShapeException("unexpected " + describe(token) + " after the JSON object");
        }
    }

    /**
     * Advances to the next field of the current object and onto its value.
     *
     * @return the field's name, or {@code null} at the end of the object
     */
    public @Nullable String nextField() {
        String name = parser.nextName();
        if (name == null) {
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonShapeException("expected a field name or the end of an object, but found "
                        + describe(parser.currentToken()));
            }
            return null;
        }
        parser.nextToken();
        return name;
    }

    /** Whether the current value is JSON {@code null}. */
    public boolean isNull() {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    /** Whether the current value is a string. */
    public boolean isString() {
        return parser.currentToken() == JsonToken.VALUE_STRING;
    }

    /** Whether the current value opens an object. */
    public boolean isObject() {
        return parser.currentToken() == JsonToken.START_OBJECT;
    }

    /** Checks that the current value opens an object, naming {@code what} otherwise. */
    public void expectObject(String what) {
        if (!isObject()) {
            throw mismatch(what, "an object");
        }
    }

    /** The current string value, or {@code null} for JSON null. */
    public @Nullable String string() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(parser.currentName(), "a string");
    }

    /** The current value as text whatever its scalar type (for codes that may be numbers). */
    public @Nullable String text() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != null && token.isScalarValue()) {
            return parser.getString();
        }
        throw mismatch(parser.currentName(), "a string");
    }

    /**
     * The current string value as one of {@code known}'s constants, or made by its fallback when it
     * is none of them; {@code null} for JSON null. A known value makes no {@code String}.
     */
    <T> @Nullable T string(WireConstants<T> known) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            T constant = known.find(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
            return constant != null ? constant : known.other(parser.getString());
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(parser.currentName(), "a string");
    }

    /** The current integer value, or {@code null} for JSON null. */
    public @Nullable Integer integer() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getIntValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(parser.currentName(), "an integer");
    }

    /** The current integer value as a long, or {@code null} for JSON null. */
    public @Nullable Long longInteger() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(parser.currentName(), "an integer");
    }

    /** The current numeric value, or {@code null} for JSON null. */
    public @Nullable Double number() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getDoubleValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(parser.currentName(), "a number");
    }

    /** The current boolean value, or {@code null} for JSON null. */
    public @Nullable Boolean bool() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(parser.currentName(), "true or false");
    }

    /**
     * The current array, each element read by {@code element}; {@code null} for JSON null. The list
     * is for a record to copy: an empty array reads as a shared empty list.
     */
    public <T> @Nullable List<T> list(Function<JsonIn, @Nullable T> element) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw mismatch(parser.currentName(), "an array");
        }
        List<T> values = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            T value = element.apply(this);
            if (value != null) {
                if (values == null) {
                    values = new ArrayList<>(SHORT_LIST);
                }
                values.add(value);
            }
        }
        return values == null ? List.of() : values;
    }

    /** The current value as a {@link Tristate}: absent is the caller's business, null and values are read here. */
    public <T> Tristate<T> tristate(Function<JsonIn, T> value) {
        return isNull() ? Tristate.ofNull() : Tristate.of(value.apply(this));
    }

    /** Skips the current value, with everything nested in it. */
    public void skip() {
        parser.skipChildren();
    }

    /** The current value as plain Java values: maps, lists, strings, numbers, booleans, null. */
    public @Nullable Object any() {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                return anyObject();
            }
            case START_ARRAY -> {
                List<Object> values = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    values.add(any());
                }
                return Collections.unmodifiableList(values);
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonShapeException("unexpected " + describe(token));
        }
    }

    /** The current object as a map of plain Java values. */
    public Map<String, Object> anyObject() {
        return Collections.unmodifiableMap(anyFields());
    }

    /** The current object as a new map of plain Java values, the caller's to change. */
    Map<String, Object> anyFields() {
        expectObject(String.valueOf(parser.currentName()));
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name = nextField(); name != null; name = nextField()) {
            values.put(name, any());
        }
        return values;
    }

    private JsonShapeException mismatch(@Nullable String field, String expected) {
        return new JsonShapeException("expected " + expected + (field == null ? "" : " for \"" + field + "\"")
                + ", but found " + describe(parser.currentToken()));
    }

    private static String describe(@Nullable JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
