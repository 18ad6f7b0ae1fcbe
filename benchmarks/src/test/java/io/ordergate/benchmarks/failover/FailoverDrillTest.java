package io.ordergate.benchmarks.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fail-over drill, short: three gateway JVMs as one cluster on loopback, orders flowing through all of them,
 * {@code kill -9} of the leader; a new leader is elected, the clients move to the members left, and every
 * acknowledged order is on the new leader with the same id, client order id and state. (The benchmark runs it 20
 * times and more: {@link FailoverBenchmark}.)
 */
class FailoverDrillTest
{
    @TempDir
    Path directory;

    @Test
    void killingTheLeaderUnderLoadLosesNoAcknowledgedOrder() throws Exception
    {
        final int slot = ThreadLocalRandom.current().nextInt(40);
        final FailoverDrill.Trial trial = FailoverDrill.run(new FailoverDrill.Settings(directory, 18_100 + 10 * slot, 30_000 + 100 * slot,
            1_000, 2, 10, 3_000, 3_000, null));
        assertTrue(trial.acknowledged() > 20, "orders flowed: " + trial);
        assertEquals(0, trial.lost(), "every acknowledged order is on the new leader: " + trial);
        assertNotEquals(trial.oldLeader(), trial.newLeader());
        assertTrue(trial.survivorsAgree(), "the two members left have one state digest: " + trial);
    }
}
