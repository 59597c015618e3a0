package dev.realtimesessions;

import java.time.Duration;
import java.time.Instant;

/**
 * What one client's rate gate knows of one credential's request allowance, as it is passed to the
 * rate gates of other clients through a {@link SharedRateGate}: the server's bucket as its latest
 * answer described it, and the requests the client sent that the server had not counted yet.
 * Nothing in it is secret: the credential is an opaque digest, never the API key, the project or
 * the Azure resource.
 *
 * <p>{@code interval} zero means a hold: no request before {@code until} (a 429's
 * {@code retry-after}), and no rate known. Otherwise the bucket holds {@code limit} requests, one
 * comes back every {@code interval}, and it is whole again at {@code until} if no more requests
 * come.
 *
 * @param credential the credential's digest (22 characters of base64url: the first 128 bits of the
 *     SHA-256 of scheme, key or resource, and project), the same in every client that uses the
 *     same credential
 * @param origin the client that learned it (random, made when the client is built): a client
 *     ignores what it published itself
 * @param limit the server's request limit ({@code x-ratelimit-limit-requests}); 0 for a hold
 * @param interval the time between requests at the server's rate; zero for a hold
 * @param until when the bucket is whole again, or the hold ends (wall-clock time: keep the
 *     clocks of the clients in step)
 * @param inFlight requests the origin sent for the credential that had not been answered when it
 *     published this: the server may not have counted them yet, and {@code until} leaves them out
 */
public record RateGateState(String credential, String origin, long limit, Duration interval, Instant until,
        int inFlight) {

    /**
     * Checks the state.
     *
     * @param credential the credential's digest
     * @param origin the client that learned it
     * @param limit the server's request limit; 0 for a hold
     * @param interval the time between requests; zero for a hold
     * @param until when the bucket is whole again, or the hold ends
     * @param inFlight the origin's requests not answered yet
     * @throws ValidationException naming the field: a null or blank credential or origin, a
     *     negative limit or in-flight count, a null or negative interval, a null time, or an
     *     interval without a limit
     */
    public RateGateState {
        if (credential == null || credential.isBlank()) {
            throw new ValidationException("credential", "must not be blank, but was " + credential);
        }
        if (origin == null || origin.isBlank()) {
            throw new ValidationException("origin", "must not be blank, but was " + origin);
        }
        if (limit < 0) {
            throw new ValidationException("limit", "must not be negative, but was " + limit);
        }
        if (interval == null || interval.isNegative()) {
            throw new ValidationException("interval", "must be zero (a hold) or positive, but was " + interval);
        }
        if (!interval.isZero() && limit == 0) {
            throw new ValidationException("limit", "must be positive with an interval");
        }
        if (until == null) {
            throw new ValidationException("until", "must not be null");
        }
        if (inFlight < 0) {
            throw new ValidationException("inFlight", "must not be negative, but was " + inFlight);
        }
    }

    /**
     * Whether this is a hold rather than a rate.
     *
     * @return {@code true} when no rate is known and no request may go before {@link #until()}
     */
    public boolean isHold() {
        return interval.isZero();
    }
}
