package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An endpoint's path under the base URL: fixed ({@code /realtime/client_secrets}), or a template
 * whose {@code {name}} parameters are taken from each request
 * ({@code /realtime/calls/{call_id}/accept}). A parameter always stays one path segment: every
 * character but letters, digits and {@code -._~} is percent-encoded, and an empty, {@code .} or
 * {@code ..} value is refused, so that no value can reach another path.
 *
 * @param <Q> the request type the parameters are read from
 */
final class PathTemplate<Q> {

    private final String template;
    /** The text between parameters: one more than there are parameters. */
    private final String[] literals;
    private final String[] names;
    private final List<Function<Q, String>> parameters;

    private PathTemplate(String template, List<Function<Q, String>> parameters) {
        this.template = template;
        this.parameters = List.copyOf(parameters);
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int from = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
            int close = template.indexOf('}', open);
            literals.add(template.substring(from, open));
            names.add(template.substring(open + 1, close));
            from = close + 1;
        }
        literals.add(template.substring(from));
        if (names.size() != parameters.size()) {
            throw new IllegalArgumentException(template + " has " + names.size() + " parameters, but "
                    + parameters.size() + " were given");
        }
        this.literals = literals.toArray(String[]::new);
        this.names = names.toArray(String[]::new);
    }

    /** A path without parameters. */
    static <Q> PathTemplate<Q> fixed(String path) {
        return new PathTemplate<>(path, List.of());
    }

    /** A path with one {@code {name}} parameter, read from the request by {@code parameter}. */
    static <Q> PathTemplate<Q> of(String template, Function<Q, String> parameter) {
        return new PathTemplate<>(template, List.of(parameter));
    }

    /** The template as written, such as {@code /realtime/calls/{call_id}/accept}: names the endpoint in messages and metrics. */
    String template() {
        return template;
    }

    boolean isFixed() {
        return parameters.isEmpty();
    }

    /**
     * The path for {@code request}, its parameters encoded.
     *
     * @throws ValidationException naming the parameter if a value is null, empty, {@code .} or {@code ..}
     */
    String expand(Q request) {
        if (parameters.isEmpty()) {
            return template;
        }
        StringBuilder path = new StringBuilder(template.length() + 32).append(literals[0]);
        for (int i = 0; i < parameters.size(); i++) {
            appendSegment(path, names[i], parameters.get(i).apply(request));
            path.append(literals[i + 1]);
        }
        return path.toString();
    }

    private static void appendSegment(StringBuilder path, String name, String value) {
        if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new ValidationException(name, "must be a path segment, but was "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                path.append((char) c);
            } else {
                path.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }
}
