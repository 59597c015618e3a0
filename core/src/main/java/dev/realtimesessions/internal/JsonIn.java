// Over 300 lines on purpose: the reading layer every codec uses, one typed method per JSON value
// type, each with the tolerant reader's rule for a value it cannot return. Where kept values go,
// and their paths, is KeptValues.
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
import tools.jackson.core.TokenStreamContext;

/**
 * A thin reading layer over a streaming {@link JsonParser}: field iteration and typed values,
 * read tolerantly. Every value method reads the parser's current token.
 *
 * <p>The tolerant reader's rule lives here: a value whose JSON type the typed method cannot return
 * (an object where a string was expected, an integer too large for an {@code int}, ...) reads as
 * {@code null} and is <em>kept</em>: consumed as plain JSON values and recorded under its path
 * (such as {@code audio.output.voice} or {@code tools[2]}) relative to the object given to
 * {@link #keepFrom()}, a session whose record holds what was kept as its additional properties.
 * Object readers keep unknown fields the same way ({@link #keep()}), and keep what they read but
 * cannot make a record of ({@link #keepField}, {@link #object}). Outside such an object, a kept
 * value is dropped.
 */
public final class JsonIn {

    /** The room a list is made with: the answers' arrays hold a few values, often one. */
    private static final int SHORT_LIST = 4;

    private final JsonParser parser;
    private final KeptValues kept = new KeptValues();

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

    /** Whether the current value opens an array. */
    public boolean isArray() {
        return parser.currentToken() == JsonToken.START_ARRAY;
    }

    /**
     * From here on, keeps values under paths relative to the object the parser is in (a session
     * being read), until {@link #takeKept()}.
     */
    void keepFrom() {
        kept.from(parser.streamReadContext().getNestingDepth());
    }

    /** The values kept since {@link #keepFrom()}, by path, empty when none; stops keeping. */
    Map<String, Object> takeKept() {
        return kept.take();
    }

    /**
     * Keeps the current value, with everything nested in it, under its path; for a field a reader
     * does not model, or a value of a type it cannot hold.
     *
     * @return {@code null}, which the typed reader returns in the value's place
     */
    public <T> @Nullable T keep() {
        if (!kept.active()) {
            parser.skipChildren();
            return null;
        }
        TokenStreamContext context = parser.streamReadContext();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            context = context.getParent(); // the container's own context is already the current one
        }
        kept.put(context, null, any());
        return null;
    }

    /**
     * The object the parser is in, to name it in {@link #keepField} once it has been read; call it
     * on the object's first token. Costs nothing: the parser's own context is the mark.
     */
    Object objectMark() {
        return parser.streamReadContext();
    }

    /** Keeps a value already read from field {@code name} of the object {@code mark} names. */
    void keepField(Object mark, String name, @Nullable Object value) {
        if (kept.active()) {
            kept.put(((TokenStreamContext) mark).getParent(), name, value);
        }
    }

    /**
     * Reads the current object whole, as plain values, and makes a value of it with
     * {@code interpret}; for objects whose {@code type} decides their shape. When {@code interpret}
     * gives {@code null} (no record holds that shape), or the current value is not an object, it is
     * kept.
     */
    <T> @Nullable T object(Function<Map<String, Object>, @Nullable T> interpret) {
        if (!isObject()) {
            return keep();
        }
        TokenStreamContext mark = parser.streamReadContext();
        Map<String, Object> fields = anyFields();
        T value = interpret.apply(fields);
        if (value == null && kept.active()) {
            kept.put(mark.getParent(), null, fields);
        }
        return value;
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
        return keep();
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
        return keep();
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
        return keep();
    }

    /** The current integer value, or {@code null} for JSON null; one beyond an {@code int} is kept. */
    public @Nullable Integer integer() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return keep();
    }

    /** The current integer value as a long, or {@code null} for JSON null; one beyond a {@code long} is kept. */
    public @Nullable Long longInteger() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return keep();
    }

    /**
     * The current number as a long: a fraction cut off towards negative infinity, one beyond a
     * {@code long} read as {@code Long.MIN_VALUE} or {@code Long.MAX_VALUE}; {@code null} for JSON
     * null, and for a value that is not a number (which is kept).
     */
    public @Nullable Long clampedLong() {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return parser.getLongValue();
            }
            return parser.getBigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) Math.floor(parser.getDoubleValue()); // the cast saturates
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return keep();
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
        return keep();
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
        return keep();
    }

    /**
     * The current array, each element read by {@code element}; {@code null} for JSON null. The list
     * is for a record to copy: an empty array reads as a shared empty list. An element that reads as
     * {@code null} is left out of the list; a JSON null element, like one {@code element} could not
     * read, is kept under its path.
     */
    public <T> @Nullable List<T> list(Function<JsonIn, @Nullable T> element) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            return keep();
        }
        List<T> values = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            T value = parser.currentToken() == JsonToken.VALUE_NULL ? keep() : element.apply(this);
            if (value != null) {
                if (values == null) {
                    values = new ArrayList<>(SHORT_LIST);
                }
                values.add(value);
            }
        }
        return values == null ? List.of() : values;
    }

    /**
     * The current value as a {@link Tristate}: absent is the caller's business, null and values are
     * read here; a value {@code value} could not read (and kept) is absent.
     */
    public <T> Tristate<T> tristate(Function<JsonIn, @Nullable T> value) {
        if (isNull()) {
            return Tristate.ofNull();
        }
        T read = value.apply(this);
        return read == null ? Tristate.absent() : Tristate.of(read);
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
                double value = parser.getDoubleValue();
                return Double.isFinite(value) ? value : parser.getDecimalValue(); // beyond a double: kept exact
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

    /** The current object, which must be one, as a new map of plain Java values, the caller's to change. */
    Map<String, Object> anyFields() {
        if (!isObject()) {
            throw new JsonShapeException("expected an object, but found " + describe(parser.currentToken()));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name = nextField(); name != null; name = nextField()) {
            values.put(name, any());
        }
        return values;
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
