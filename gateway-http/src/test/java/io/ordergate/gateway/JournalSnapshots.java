package io.ordergate.gateway;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.pipeline.Replayer;
import io.ordergate.engine.snapshot.SnapshotRoundTrip;
import io.ordergate.journal.Journal;

/**
 * What a stopped gateway's state looks like to a snapshot: its journal replayed into an engine built as the gateway
 * builds it (every venue plugged in), then that engine written to a snapshot, read into a fresh one and written again
 * ({@link SnapshotRoundTrip}: the same digest and the same bytes). The test harnesses check it when they stop a
 * gateway, so every gateway test's state (users, groups, bots, hedging, trailing stops, MT5 tickets, exchange
 * accounts and their orders) is also a test of the cluster's snapshots, and (through the checkpoint of each clean stop)
 * of replay rebuilding what the live run had.
 */
public final class JournalSnapshots
{
    private JournalSnapshots()
    {
    }

    /**
     * Checks a stopped gateway; returns its state digest. Its clean stops' checkpoints must all agree with the replay
     * but those its own start already found differing (a test that changed the configuration on purpose).
     */
    public static long check(final Ordergate stopped)
    {
        final GatewayConfig config = stopped.config();
        try (Journal journal = Journal.open(config.dataDir().resolve("journal")))
        {
            final Engine replayed = Ordergate.newEngine(config);
            Replayer.replay(journal, replayed, (event, sequence, endOfBatch) -> { });
            if (replayed.checkpoints().diverged() > stopped.replayCheckpointsDiverged())
            {
                // every gateway test's clean stop is also a test that replay rebuilds what the live run had
                throw new AssertionError("the replay differs from the live run at " + replayed.checkpoints().diverged() + " clean-stop checkpoints");
            }
            return SnapshotRoundTrip.check(replayed, Ordergate.newEngine(config));
        }
    }
}
