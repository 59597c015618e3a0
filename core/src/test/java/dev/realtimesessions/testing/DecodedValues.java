package dev.realtimesessions.testing;

import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.OpenEnum;
import dev.realtimesessions.model.Tristate;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every value a decoded answer holds, found by walking its records, lists, maps and tri-states
 * through their public accessors: for tests that check a value sent by the server was kept,
 * whether in a typed component or among the additional properties.
 */
public final class DecodedValues {

    private final List<Object> values = new ArrayList<>();

    private DecodedValues() {
    }

    /** Every value reachable from {@code decoded}. */
    public static DecodedValues of(Object decoded) {
        DecodedValues found = new DecodedValues();
        found.collect(decoded, 0);
        return found;
    }

    /**
     * Whether a value equal to {@code plain} (plain JSON values: maps, lists, strings, numbers,
     * booleans) is among them; numbers compare by value, whatever their Java type (as doubles
     * when either is one).
     */
    public boolean contains(Object plain) {
        for (Object value : values) {
            if (plainEquals(value, plain)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code plain} is among them, or, for an object or array, each of its members is
     * (read into a record, an object's members are kept one by one).
     */
    public boolean keeps(Object plain) {
        if (contains(plain)) {
            return true;
        }
        if (plain instanceof Map<?, ?> map && !map.isEmpty()) {
            return map.values().stream().allMatch(member -> member == null || keeps(member));
        }
        if (plain instanceof List<?> list && !list.isEmpty()) {
            return list.stream().allMatch(element -> element == null || keeps(element));
        }
        return false;
    }

    private void collect(Object value, int depth) {
        if (value == null || depth > 30) {
            return;
        }
        if (value instanceof Tristate<?> tristate) {
            collect(tristate.toOptional().orElse(null), depth + 1);
            return;
        }
        if (value instanceof Optional<?> optional) {
            collect(optional.orElse(null), depth + 1);
            return;
        }
        values.add(value);
        if (value instanceof OpenEnum open) {
            values.add(open.value());
        } else if (value instanceof Instant instant) {
            values.add(instant.getEpochSecond());
        } else if (value instanceof MaxOutputTokens tokens) {
            values.add(tokens.isInfinite() ? "inf" : tokens.limit().getAsInt());
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> collect(element, depth + 1));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> collect(element, depth + 1));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    collect(component.getAccessor().invoke(record), depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new AssertionError("cannot read " + component + " of " + record.getClass(), e);
                }
            }
        }
    }

    private static boolean plainEquals(Object actual, Object expected) {
        if (expected instanceof Number number) {
            return actual instanceof Number other && numberEquals(other, number);
        }
        if (expected instanceof Map<?, ?> map) {
            if (!(actual instanceof Map<?, ?> other) || other.size() != map.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!other.containsKey(entry.getKey()) || !plainOrNullEquals(other.get(entry.getKey()), entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof List<?> list) {
            if (!(actual instanceof List<?> other) || other.size() != list.size()) {
                return false;
            }
            Iterator<?> others = other.iterator();
            for (Object element : list) {
                if (!plainOrNullEquals(others.next(), element)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static boolean plainOrNullEquals(Object actual, Object expected) {
        return expected == null ? actual == null : actual != null && plainEquals(actual, expected);
    }

    private static boolean numberEquals(Number actual, Number expected) {
        if (isBinary(actual) || isBinary(expected)) {
            return actual.doubleValue() == expected.doubleValue();
        }
        return decimal(actual).compareTo(decimal(expected)) == 0;
    }

    private static boolean isBinary(Number number) {
        return number instanceof Double || number instanceof Float;
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
