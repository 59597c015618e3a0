package dev.realtimesessions.internal;

/** Which failed attempts of an endpoint may be tried again. */
enum RetrySafety {

    /**
     * Sending the request twice does no harm (minting a secret nobody receives, hanging up a call
     * twice): every retryable failure is retried.
     */
    IDEMPOTENT,

    /**
     * Sending the request twice could do something twice (start a second billed call): only
     * failures that prove the server did not process the request are retried. Those are the
     * failures before any byte was sent (no connection, a connect timeout, no pooled connection in
     * time) and answers with {@code x-should-retry: true}; never a timeout or a connection lost
     * after sending, and never a 429 or 5xx without that header.
     */
    UNPROCESSED_ONLY
}
