package dev.realtimesessions.internal;

import dev.realtimesessions.model.OpenEnum;
import dev.realtimesessions.model.Tristate;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * A thin writing layer over a streaming {@link JsonGenerator}: each method writes one field, and
 * leaves it out when the value is absent ({@code null} or {@link Tristate#absent()}).
 */
public final class JsonOut {

    private final JsonGenerator generator;

    JsonOut(JsonGenerator generator) {
        this.generator = generator;
    }

    /** Opens an object value. */
    public void startObject() {
        generator.writeStartObject();
    }

    /** Closes the object value. */
    public void endObject() {
        generator.writeEndObject();
    }

    /** Writes {@code "name": "value"} when the value is present. */
    public void string(String name, @Nullable String value) {
        if (value != null) {
            generator.writeName(name);
            generator.writeString(value);
        }
    }

    /** Writes a bare string value (an array element, or a string-or-object field). */
    public void stringValue(String value) {
        generator.writeString(value);
    }

    /** Writes an open enum's wire value when present. */
    public void string(String name, @Nullable OpenEnum value) {
        if (value != null) {
            generator.writeName(name);
            generator.writeString(value.value());
        }
    }

    /** Writes a number when present. */
    public void number(String name, @Nullable Double value) {
        if (value != null) {
            generator.writeName(name);
            generator.writeNumber(value.doubleValue());
        }
    }

    /** Writes an integer when present. */
    public void integer(String name, @Nullable Integer value) {
        if (value != null) {
            generator.writeName(name);
            generator.writeNumber(value.intValue());
        }
    }

    /** Writes a long integer. */
    public void integer(String name, long value) {
        generator.writeName(name);
        generator.writeNumber(value);
    }

    /** Writes a bare integer value. */
    public void integerValue(int value) {
        generator.writeNumber(value);
    }

    /** Writes a boolean when present. */
    public void bool(String name, @Nullable Boolean value) {
        if (value != null) {
            generator.writeName(name);
            generator.writeBoolean(value);
        }
    }

    /** Writes {@code "name": null}. */
    public void nullField(String name) {
        generator.writeName(name);
        generator.writeNull();
    }

    /** Writes a field whose value {@code writer} writes, when present. */
    public <T> void field(String name, @Nullable T value, BiConsumer<JsonOut, T> writer) {
        if (value != null) {
            generator.writeName(name);
            writer.accept(this, value);
        }
    }

    /** Writes a tri-state field: nothing when absent, {@code null} when null, else the value. */
    public <T> void field(String name, Tristate<T> value, BiConsumer<JsonOut, T> writer) {
        if (value.isNull()) {
            nullField(name);
        } else if (value.isPresent()) {
            field(name, value.get(), writer);
        }
    }

    /** Writes an array field when present, each element by {@code element}. */
    public <T> void array(String name, @Nullable List<T> values, BiConsumer<JsonOut, T> element) {
        if (values != null) {
            generator.writeName(name);
            generator.writeStartArray();
            for (int i = 0; i < values.size(); i++) { // the records' lists are array-backed copies
                element.accept(this, values.get(i));
            }
            generator.writeEndArray();
        }
    }

    /** Writes a field holding plain JSON values (maps, lists, strings, numbers, booleans) when present. */
    public void any(String name, @Nullable Object value) {
        if (value != null) {
            generator.writeName(name);
            anyValue(value);
        }
    }

    /** Writes every entry of a map of plain JSON values as fields of the current object. */
    public void anyFields(Map<String, Object> fields) {
        for (Map.Entry<String, Object> entry : fields.entrySet()) {
            generator.writeName(entry.getKey());
            anyValue(entry.getValue());
        }
    }

    /** Writes plain JSON values as a value. */
    public void anyValue(@Nullable Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof java.math.BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof java.math.BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeName(String.valueOf(entry.getKey()));
                anyValue(entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                anyValue(element);
            }
            generator.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
