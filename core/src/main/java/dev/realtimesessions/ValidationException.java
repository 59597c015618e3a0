package dev.realtimesessions;

/**
 * The caller's input was structurally wrong: a required field is missing, a name is blank, a
 * duration is negative, a URL is malformed. Thrown by builders at {@code build()} (or by a setter
 * given {@code null}) and signalled by a call before any byte is sent.
 *
 * <p>{@link #field()} names the offending field by its JSON name for request records (for example
 * {@code tools[1].name}) and by its builder name for client options (for example
 * {@code baseUrl}). Whether a value is within the API's policy ranges is the server's to judge: it
 * answers with a {@link BadRequestException} naming the {@code param}.
 */
public final class ValidationException extends RealtimeSessionsException {

    private static final long serialVersionUID = 1L;

    /** The JSON or builder name of the offending field. */
    private final String field;

    /**
     * Creates a validation error.
     *
     * @param field the JSON or builder name of the offending field
     * @param problem what is wrong with it, completing the sentence "{@code field} ..."
     */
    public ValidationException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /**
     * The field the problem is in.
     *
     * @return its JSON name (request records) or builder name (client options)
     */
    public String field() {
        return field;
    }
}
