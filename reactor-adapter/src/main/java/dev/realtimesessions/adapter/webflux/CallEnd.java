package dev.realtimesessions.adapter.webflux;

/** Why an endpoint ended a call, as its audit line names it. */
enum CallEnd {
    /** The app or the browser hung up. */
    HUNG_UP("hung-up"),
    /** The call reached the endpoint's maximum duration. */
    TIME_LIMIT("time-limit"),
    /** The app revoked the user's calls. */
    REVOKED("revoked"),
    /** The endpoint was closed, or hung up every call. */
    CLOSED("closed"),
    /** The browser went away before it got the answer, so nobody could use the call. */
    UNDELIVERED("undelivered"),
    /** A SIP call was accepted to be transferred, and the transfer (refer) failed. */
    REFER_FAILED("refer-failed");

    private final String label;

    CallEnd(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
