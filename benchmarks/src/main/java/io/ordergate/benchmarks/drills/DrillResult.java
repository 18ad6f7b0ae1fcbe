package io.ordergate.benchmarks.drills;

/** One drill's line of the table: how many trials and requests, how many failed (lost, 5xx, hung), and what was seen. */
record DrillResult(String drill, int trials, int requests, int failures, String notes)
{
}
