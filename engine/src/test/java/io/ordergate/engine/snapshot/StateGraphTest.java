package io.ordergate.engine.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.Test;

/** The state beside the engine through a snapshot: filled in place, immutable lists, URIs and atomic tables kept. */
class StateGraphTest
{
    /** A registry's entry as the gateway keeps them: a record holding an immutable list and a mutable part. */
    record Entry(String id, byte[] hash, List<String> accounts, URI url, Use use)
    {
    }

    static final class Use
    {
        long lastMillis;
    }

    @Test
    void rootsAreFilledInPlaceWithEverythingTheyHeld()
    {
        final Map<String, Entry> keys = new ConcurrentHashMap<>();
        final Use use = new Use();
        use.lastMillis = 42;
        keys.put("k1", new Entry("k1", new byte[] {1, 2, 3}, List.of("acc-1", "acc-2"), URI.create("http://127.0.0.1:9/hook"), use));
        final Map<String, Entry> sameEntries = new LinkedHashMap<>(keys);
        final AtomicLongArray table = new AtomicLongArray(8);
        table.set(5, 77);

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Set<String> lost = StateGraph.write(roots(keys, sameEntries, table), bytes);
        assertTrue(lost.isEmpty(), "nothing left out: " + lost);

        final Map<String, Entry> freshKeys = new ConcurrentHashMap<>();
        final Map<String, Entry> freshSame = new LinkedHashMap<>();
        final AtomicLongArray freshTable = new AtomicLongArray(8);
        final Map<String, Object> fresh = roots(freshKeys, freshSame, freshTable);
        StateGraph.read(fresh, new ByteArrayInputStream(bytes.toByteArray()));

        final Entry restored = freshKeys.get("k1");
        assertEquals("k1", restored.id());
        assertArrayEquals(new byte[] {1, 2, 3}, restored.hash());
        assertEquals(List.of("acc-1", "acc-2"), restored.accounts());
        assertEquals(URI.create("http://127.0.0.1:9/hook"), restored.url());
        assertEquals(42, restored.use().lastMillis);
        assertSame(restored.use(), freshSame.get("k1").use(), "an object two roots share is one object again");
        assertEquals(77, freshTable.get(5));
    }

    @Test
    void aTableOfAnotherSizeIsRefused()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateGraph.write(roots(new ConcurrentHashMap<>(), new LinkedHashMap<>(), new AtomicLongArray(8)), bytes);
        assertThrows(IllegalStateException.class, () -> StateGraph.read(roots(new ConcurrentHashMap<>(), new LinkedHashMap<>(), new AtomicLongArray(16)),
            new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static Map<String, Object> roots(final Map<String, Entry> keys, final Map<String, Entry> same, final AtomicLongArray table)
    {
        final Map<String, Object> roots = new LinkedHashMap<>();
        roots.put("keys", keys);
        roots.put("same", same);
        roots.put("table", table);
        return roots;
    }
}
