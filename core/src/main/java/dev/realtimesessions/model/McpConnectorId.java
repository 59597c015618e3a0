package dev.realtimesessions.model;

import java.util.List;

/**
 * A service connector an MCP tool reaches instead of a server URL ({@code connector_id}), like
 * those available in ChatGPT.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class McpConnectorId extends OpenEnum {

    private static final KnownValues<McpConnectorId> KNOWN = new KnownValues<>("McpConnectorId", McpConnectorId::new);

    /** {@code "connector_dropbox"}. */
    public static final McpConnectorId DROPBOX = KNOWN.add("connector_dropbox");

    /** {@code "connector_gmail"}. */
    public static final McpConnectorId GMAIL = KNOWN.add("connector_gmail");

    /** {@code "connector_googlecalendar"}. */
    public static final McpConnectorId GOOGLE_CALENDAR = KNOWN.add("connector_googlecalendar");

    /** {@code "connector_googledrive"}. */
    public static final McpConnectorId GOOGLE_DRIVE = KNOWN.add("connector_googledrive");

    /** {@code "connector_microsoftteams"}. */
    public static final McpConnectorId MICROSOFT_TEAMS = KNOWN.add("connector_microsoftteams");

    /** {@code "connector_outlookcalendar"}. */
    public static final McpConnectorId OUTLOOK_CALENDAR = KNOWN.add("connector_outlookcalendar");

    /** {@code "connector_outlookemail"}. */
    public static final McpConnectorId OUTLOOK_EMAIL = KNOWN.add("connector_outlookemail");

    /** {@code "connector_sharepoint"}. */
    public static final McpConnectorId SHAREPOINT = KNOWN.add("connector_sharepoint");

    private McpConnectorId(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the McpConnectorId for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static McpConnectorId of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<McpConnectorId> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
