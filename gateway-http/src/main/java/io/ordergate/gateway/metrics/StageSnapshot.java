package io.ordergate.gateway.metrics;

/**
 * One stage's distribution at the moment of a read, in nanoseconds (each percentile is the highest value of its
 * histogram bucket, so at most 0.1% above the recorded value). Immutable.
 */
record StageSnapshot(Stage stage, long count, long p50, long p90, long p99, long p999, long max, double sumNanos)
{
}
