/**
 * Metrics and tracing with Micrometer: {@link dev.realtimesessions.adapter.micrometer.MicrometerCallListener}
 * records an Observation per call and per attempt (and so a timer each, and spans when a tracer is
 * configured), counters of retries and rate-gate waits and a gauge of calls in flight;
 * {@link dev.realtimesessions.adapter.micrometer.ClientSecretPoolMetrics} a gauge of a pool's stock;
 * {@link dev.realtimesessions.adapter.micrometer.RealtimeCallEndpointMetrics} gauges of a call
 * endpoint's open calls.
 * Needs {@code micrometer-observation} and {@code micrometer-core} on the class path (optional
 * dependencies of this module). Nothing here accepts or returns {@code null} unless marked
 * {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions.adapter.micrometer;

import org.jspecify.annotations.NullMarked;
