package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The generator says so when the measured phase would start behind the warm-up's unanswered requests. */
class WarmupBacklogWarningTest
{
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void warnsWithTheCountWhenTheWarmUpEndedWithRequestsUnanswered()
    {
        final PhaseStats warmup = new PhaseStats(new Schedule(0, 100, 10), Pacing.THREAD);
        warmup.ok = 600;
        warmup.freeze();

        LoadGenerator.warnIfBehind("gateway", warmup, 5, err);

        final String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("gateway: WARNING 400 of the warm-up's 1000 requests were still unanswered 5 s after it"), text);
        assertTrue(text.contains("--warmup"), text);
    }

    @Test
    void saysNothingWhenEveryWarmUpRequestWasAnswered()
    {
        final PhaseStats warmup = new PhaseStats(new Schedule(0, 100, 10), Pacing.THREAD);
        warmup.ok = 990;
        warmup.rejected = 10;
        warmup.freeze();

        LoadGenerator.warnIfBehind("baseline", warmup, 5, err);

        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }
}
