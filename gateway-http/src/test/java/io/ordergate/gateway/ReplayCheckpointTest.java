package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import io.ordergate.journal.Journal;
import io.ordergate.journal.JournalInspection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean stop leaves a checkpoint in the journal (the engine's state digest there); the next start's replay checks
 * itself against it: the same code and configuration agree, and a changed rule that decides an old order differently
 * (here a lower max_quantity) is reported, and by default ({@code journal.on_replay_divergence: refuse}) not served.
 */
class ReplayCheckpointTest
{
    private static final String ORDER = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":2}";
    /** The 2-lot order, filled live, is refused when replayed under max_quantity 1: every checkpoint after it differs. */
    private static final UnaryOperator<String> LOWERED = c -> c.replace("max_quantity: 100,", "max_quantity: 1,");
    private static final String ACCEPT = "journal: { on_replay_divergence: start }\n";

    @TempDir
    Path dataDir;

    /** A filled order, then two clean stops under the configuration that filled it: two checkpoints that agree. */
    @BeforeEach
    void fillAnOrderAndStopCleanlyTwice()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final TestGateway.Reply filled = gateway.post("/api/v1/orders", ORDER);
            assertEquals(201, filled.status(), filled::toString);
            assertEquals(0, checkpoints(gateway, "matched") + checkpoints(gateway, "diverged"), "a first start has none");
            gateway.restart();
            assertEquals(1, checkpoints(gateway, "matched"), "the stop's checkpoint, met by the same code and configuration");
            assertEquals(0, checkpoints(gateway, "diverged"));
        }
    }

    @Test
    void theSameConfigurationStartsUnderRefuseItsReplayAgreeingAtEveryCheckpoint()
    {
        try (TestGateway same = TestGateway.start(dataDir, "journal: { on_replay_divergence: refuse }\n"))
        {
            assertEquals(2, checkpoints(same, "matched"));
            assertEquals(0, checkpoints(same, "diverged"));
        }
    }

    @Test
    void aConfigurationThatDecidesAnOldOrderDifferentlyIsRefusedByDefaultSayingWhereAndWhatToDoAndJournalingNothing()
    {
        final JournalInspection before = Journal.inspect(dataDir.resolve("journal"));
        final IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TestGateway.startEdited(dataDir, LOWERED).close());
        final String message = refused.getMessage();
        assertTrue(message.contains("at 2 of 2 clean-stop checkpoints (the first at clean stop 1, and the last)"), message);
        assertTrue(message.contains("Refused to start (journal.on_replay_divergence: refuse); the journal is unchanged"), message);
        assertTrue(message.contains("Start the release and configuration that wrote the journal again"), message);
        assertTrue(message.contains("journal.on_replay_divergence: start"), message);
        final JournalInspection after = Journal.inspect(dataDir.resolve("journal"));
        assertTrue(after.intact(), after::toString);
        assertEquals(before.records(), after.records(), "the refused start appended nothing (no start epoch, no checkpoint)");
        assertEquals(before.lastIndex(), after.lastIndex());
        try (TestGateway old = TestGateway.start(dataDir))
        {
            assertEquals(2, checkpoints(old, "matched"), "the configuration that wrote the journal still starts on it");
        }
    }

    @Test
    void startServesTheRebuiltStateAsToldAndTheMetricSaysItDiverged()
    {
        try (TestGateway lowered = TestGateway.startEdited(dataDir, c -> LOWERED.apply(c) + ACCEPT))
        {
            assertEquals(0, checkpoints(lowered, "matched"));
            assertEquals(2, checkpoints(lowered, "diverged"));
        }
    }

    @Test
    void onceAStartAcceptedTheRebuiltStateAndStoppedCleanlyRefuseLetsTheSameConfigurationStartAgain()
    {
        try (TestGateway accepted = TestGateway.startEdited(dataDir, c -> LOWERED.apply(c) + ACCEPT))
        {
            assertEquals(2, checkpoints(accepted, "diverged"));
        }
        try (TestGateway lowered = TestGateway.startEdited(dataDir, LOWERED))
        {
            // the accepted start's own clean stop agrees: the state now served is the one that start served
            assertEquals(1, checkpoints(lowered, "matched"));
            assertEquals(2, checkpoints(lowered, "diverged"));
        }
        assertThrows(IllegalStateException.class, () -> TestGateway.start(dataDir).close(),
            "the original configuration now decides differently from the last clean stop's run: refused");
    }

    /** The start's count of clean-stop checkpoints its replay matched (or diverged from), from its /metrics. */
    static long checkpoints(final TestGateway gateway, final String result)
    {
        final String sample = "ordergate_replay_checkpoints{result=\"" + result + "\"} ";
        for (final String line : gateway.get("/metrics").body().split("\n"))
        {
            if (line.startsWith(sample))
            {
                return (long)Double.parseDouble(line.substring(sample.length()).trim());
            }
        }
        throw new AssertionError("no " + sample + "in /metrics");
    }
}
