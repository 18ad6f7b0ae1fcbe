package io.ordergate.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.snapshot.EngineSnapshot;

/**
 * The snapshot covers everything the state digest covers: an engine restored from a snapshot has the digest of the
 * engine that wrote it, and goes on from there exactly as the original does (same ids, same digests). A room whose
 * state the digest sees but the snapshot does not restore fails here (and in every engine test that takes a
 * digest: {@link EngineDriver#digest()} checks a snapshot round trip each time).
 *
 * <pre>
 *   random session ──► engine A ── snapshot ──► fresh engine B      digest(A) == digest(B)
 *   same next commands to both                                     digest(A) == digest(B), same order ids
 * </pre>
 */
class SnapshotCoverageTest
{
    private final GatewayConfig config = ConfigLoader.parse(EngineDriver.CONFIG, "snapshot");

    @Test
    void anEngineRestoredFromASnapshotHasTheDigestOfTheOneThatWroteItAndGoesOnTheSame()
    {
        final EngineDriver a = new EngineDriver(config);
        ReplayDeterminismTest.randomSession(a, new Random(20261201L));
        final byte[] snapshot = snapshot(a.engine);
        final EngineDriver b = new EngineDriver(config);
        EngineSnapshot.read(b.engine, new ByteArrayInputStream(snapshot));
        assertEquals(a.engine.stateDigest(), b.engine.stateDigest());

        b.at(a.now());
        for (int i = 0; i < 50; i++)
        {
            a.advanceMicros(1_000);
            b.advanceMicros(1_000);
            final Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            final CommandEvent onA = a.order("paper-1", side, OrderType.MARKET, "EURUSD", "0.01").send();
            final CommandEvent onB = b.order("paper-1", side, OrderType.MARKET, "EURUSD", "0.01").send();
            assertEquals(onA.result, onB.result);
            assertEquals(onA.order.orderId, onB.order.orderId);
            assertEquals(onA.order.positionId, onB.order.positionId);
        }
        assertEquals(a.engine.stateDigest(), b.engine.stateDigest());
    }

    @Test
    void theObjectsNoCommandUsedYetTravelAsTheirClassOnly()
    {
        // an empty engine of the default table sizes: some 300,000 preallocated objects, each as its constructor made it
        final Engine empty = new Engine(ConfigLoader.parse(EngineDriver.CONFIG.replaceAll("(?m)^engine:.*$", ""), "default sizes"));
        final ByteArrayOutputStream inFull = new ByteArrayOutputStream();
        EngineSnapshot.writeInFull(empty, inFull);
        final byte[] compact = snapshot(empty);
        assertTrue(compact.length * 8L < inFull.size(), "an empty engine snapshots " + compact.length + " bytes, in full " + inFull.size());
        final Engine restored = new Engine(ConfigLoader.parse(EngineDriver.CONFIG.replaceAll("(?m)^engine:.*$", ""), "default sizes"));
        EngineSnapshot.read(restored, new ByteArrayInputStream(compact));
        assertEquals(empty.stateDigest(), restored.stateDigest());
    }

    @Test
    void aSnapshotWrittenInFullAsBeforeFormatTwoStillLoads()
    {
        final EngineDriver a = new EngineDriver(config);
        ReplayDeterminismTest.randomSession(a, new Random(20261202L));
        final ByteArrayOutputStream inFull = new ByteArrayOutputStream();
        EngineSnapshot.writeInFull(a.engine, inFull);
        final EngineDriver b = new EngineDriver(config);
        EngineSnapshot.read(b.engine, new ByteArrayInputStream(inFull.toByteArray()));
        assertEquals(a.engine.stateDigest(), b.engine.stateDigest());
        assertArrayEquals(snapshot(a.engine), snapshot(b.engine), "the two encodings restore the same state");
    }

    @Test
    void aSnapshotIsOrganisedByTheEnginesRoomsAndTables()
    {
        final List<String> sections = EngineSnapshot.sectionNames(new Engine(config));
        assertTrue(sections.containsAll(List.of("state.orders", "state.trades", "state.accounts", "state.instruments", "state.principals",
            "state.groups", "state.bots", "state.fanOuts", "users", "venues", "handlers")), sections.toString());
    }

    @Test
    void nothingTheSnapshotLeavesAsBuiltHoldsState()
    {
        final EngineDriver a = EngineDriver.withPaperAccount();
        final EngineSnapshot.Written written = EngineSnapshot.write(a.engine, new ByteArrayOutputStream());
        // Only structure the engine's constructor builds the same every time may be left out of a snapshot. A table
        // kept in a type the snapshot cannot write (a concurrent map, a direct buffer) shows up here.
        for (final String kept : written.kept())
        {
            assertTrue(Set.of("lambda", "java.lang.Object").contains(kept) || kept.startsWith("io.ordergate.config."),
                "the snapshot does not write " + kept + ": if it holds state, keep that state in a type the snapshot writes");
        }
    }

    @Test
    void aSnapshotOfAnotherShapeOfEngineIsRefused()
    {
        final byte[] snapshot = snapshot(EngineDriver.withPaperAccount().engine);
        snapshot[12] ^= 0x55;  // the first section's name: no longer this build's
        assertThrows(RuntimeException.class, () -> EngineSnapshot.read(new Engine(config), new ByteArrayInputStream(snapshot)));
    }

    @Test
    void theDigestSeesWhatTheSnapshotCarries()
    {
        // The test above could pass with a snapshot that restores nothing only if the state made no digest difference.
        final EngineDriver a = new EngineDriver(config);
        ReplayDeterminismTest.randomSession(a, new Random(7));
        assertNotEquals(new Engine(config).stateDigest(), a.engine.stateDigest());
    }

    static byte[] snapshot(final Engine engine)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        EngineSnapshot.write(engine, out);
        return out.toByteArray();
    }
}
