package dev.realtimesessions.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reference to a stored prompt template and the values of its variables ({@code prompt}). An
 * explicit {@code null} (for example {@code RealtimeSessionConfig.Builder.disablePrompt()})
 * clears a prompt set before.
 *
 * <pre>{@code
 * Prompt.of("pmpt_123")
 * Prompt.builder("pmpt_123").version("2").variable("customer_name", "Alice").build()
 * }</pre>
 *
 * @param id the prompt template's id ({@code id})
 * @param version the template's version, or {@code null} for the current one ({@code version})
 * @param variables values for the template's variables, by name ({@code variables})
 */
public record Prompt(String id, @Nullable String version, @Nullable Map<String, PromptVariable> variables) {

    /**
     * Creates the reference, copying {@code variables}.
     *
     * @param id the prompt template's id ({@code id})
     * @param version the template's version, or {@code null} for the current one ({@code version})
     * @param variables values for the template's variables, by name ({@code variables})
     * @throws dev.realtimesessions.ValidationException if {@code id} is null, or a variable name or
     *     value is null
     */
    public Prompt {
        Checks.notNull("prompt.id", id);
        variables = copy(variables);
    }

    private static @Nullable Map<String, PromptVariable> copy(@Nullable Map<String, PromptVariable> variables) {
        if (variables == null) {
            return null;
        }
        Map<String, PromptVariable> copy = new LinkedHashMap<>(Math.max(4, variables.size() * 2));
        variables.forEach((name, value) -> copy.put(Checks.notNull("prompt.variables", name),
                Checks.notNull("prompt.variables." + name, value)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The current version of a template, without variables.
     *
     * @param id the template's id, not blank
     * @return the reference
     */
    public static Prompt of(String id) {
        return builder(id).build();
    }

    /**
     * A builder for a reference to the given template.
     *
     * @param id the template's id, not blank
     * @return a new builder
     * @throws dev.realtimesessions.ValidationException if {@code id} is blank
     */
    public static Builder builder(String id) {
        return new Builder(Checks.notBlank("prompt.id", id));
    }

    /** Builds a {@link Prompt}; every setter rejects {@code null}. */
    public static final class Builder {
        private final String id;
        private @Nullable String version;
        private @Nullable Map<String, PromptVariable> variables;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets {@code version}.
         *
         * @param version the template's version
         * @return this builder
         */
        public Builder version(String version) {
            this.version = Checks.notNull("prompt.version", version);
            return this;
        }

        /**
         * Adds a text value to {@code variables}.
         *
         * @param name the variable's name
         * @param text its value
         * @return this builder
         */
        public Builder variable(String name, String text) {
            return variable(name, PromptVariable.text(text));
        }

        /**
         * Adds a value to {@code variables}.
         *
         * @param name the variable's name
         * @param value its value
         * @return this builder
         */
        public Builder variable(String name, PromptVariable value) {
            if (variables == null) {
                variables = new LinkedHashMap<>();
            }
            variables.put(Checks.notNull("prompt.variables", name), Checks.notNull("prompt.variables." + name, value));
            return this;
        }

        /**
         * Sets {@code variables}, replacing any added before.
         *
         * @param variables values by variable name
         * @return this builder
         */
        public Builder variables(Map<String, PromptVariable> variables) {
            this.variables = new LinkedHashMap<>(Checks.notNull("prompt.variables", variables));
            return this;
        }

        /**
         * Builds the reference.
         *
         * @return the prompt reference
         */
        public Prompt build() {
            return new Prompt(id, version, variables);
        }
    }
}
