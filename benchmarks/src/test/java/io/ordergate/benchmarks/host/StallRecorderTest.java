package io.ordergate.benchmarks.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a sleeper's wake-ups add up to, and what the check concludes from its phases. */
class StallRecorderTest
{
    @Test
    void shouldCountOnlyWakeUpsLaterThanTheThresholdAsStallsAndKeepTheirTimes()
    {
        final StallRecorder recorder = new StallRecorder(50_000_000L);
        recorder.wokeUp(80_000, 1_000);
        recorder.wokeUp(50_000_000L, 2_000);  // at the threshold: not past it
        recorder.wokeUp(100_108_000L, 3_000);
        recorder.wokeUp(7_000_000L, 4_000);
        recorder.wokeUp(55_256_000L, 5_000);
        assertEquals(5, recorder.wakeUps());
        assertEquals(2, recorder.stalls());
        assertEquals(100_108, recorder.worstMicros());
        assertEquals(List.of(3_000L, 5_000L), recorder.stallTimesMillis());
        assertEquals("stalls over 50 ms: 2 (worst 100.1 ms) in 5 wake-ups", recorder.summary());
    }

    @Test
    void shouldKeepCountingStallsPastTheTimesItKeeps()
    {
        final StallRecorder recorder = new StallRecorder(1);
        for (int i = 0; i < 25; i++)
        {
            recorder.wokeUp(2, i);
        }
        assertEquals(25, recorder.stalls());
        assertEquals(20, recorder.stallTimesMillis().size());
    }

    @Test
    void shouldBlameTheHostOnlyForStallsItSaw()
    {
        assertTrue(HostStalls.verdict(0, 0).contains("can judge"));
        assertTrue(HostStalls.verdict(0, 3).contains("only when every CPU is busy"));
        assertTrue(HostStalls.verdict(2, 3).contains("even with a CPU free"));
    }
}
