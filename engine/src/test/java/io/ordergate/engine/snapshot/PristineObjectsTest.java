package io.ordergate.engine.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * Objects as their no-argument constructor makes them travel as their class only, and come back exactly: the fresh
 * graph's own object where it is pristine too, a newly made one where the fresh graph has none (or a used one), and
 * an object that differs from its template in any field is written in full.
 */
class PristineObjectsTest
{
    static final class Slot
    {
        long quantity;
        String symbol;
        byte[] clientId = new byte[4];
        int index = -1;
    }

    static final class Table
    {
        Slot[] slots;
        /** After {@code slots} and one level deeper (the graph is written breadth first): meets a slot's array after the slot. */
        Holder trailer;
    }

    static final class Holder
    {
        byte[] bytes;

        Holder(final byte[] bytes)
        {
            this.bytes = bytes;
        }
    }

    @Test
    void anUntouchedObjectIsWrittenAsItsClassAndReadBackAsTheFreshGraphsOwn() throws IOException
    {
        final Table written = table(20);
        written.slots[1].quantity = 5;
        written.slots[1].clientId[0] = 'x';
        final Table fresh = table(20);
        final Slot untouched = fresh.slots[2];

        final byte[] bytes = write(written, true);
        read(bytes, fresh);

        assertSame(untouched, fresh.slots[2], "the fresh graph's pristine object is kept");
        assertEquals(5, fresh.slots[1].quantity);
        assertEquals('x', fresh.slots[1].clientId[0]);
        assertEquals(-1, fresh.slots[0].index);
        assertTrue(bytes.length < write(written, false).length / 2, "pristine objects are smaller than in full: " + bytes.length);
    }

    @Test
    void whereTheFreshGraphHasNoPristineObjectANewOneIsMade() throws IOException
    {
        final Table written = table(2);
        final Table fresh = table(2);
        fresh.slots[0] = null;
        fresh.slots[1].index = 7;  // not what the constructor makes: must not be taken as pristine

        read(write(written, true), fresh);

        assertNotNull(fresh.slots[0]);
        assertEquals(-1, fresh.slots[0].index);
        assertEquals(-1, fresh.slots[1].index);
        assertArrayEquals(new byte[4], fresh.slots[1].clientId);
    }

    @Test
    void aSlotThatDiffersInAnyFieldIsWrittenInFull() throws IOException
    {
        final Table written = table(1);
        written.slots[0].symbol = "EURUSD";
        final Table fresh = table(1);

        read(write(written, true), fresh);

        assertEquals("EURUSD", fresh.slots[0].symbol);
    }

    @Test
    void anArrayOfAPristineObjectReferencedFromElsewhereIsRefusedNotSilentlyUnshared()
    {
        final Table written = table(1);
        written.trailer = new Holder(written.slots[0].clientId);

        final IllegalStateException refused = assertThrows(IllegalStateException.class, () -> write(written, true));
        assertTrue(refused.getMessage().contains("referenced from elsewhere"), refused.getMessage());
    }

    @Test
    void anArrayWrittenBeforeItsPristineLookingOwnerKeepsTheOwnerInFull() throws IOException
    {
        final Table written = new Table();
        written.slots = new Slot[] {new Slot()};
        final Table holder = new Table();
        holder.trailer = new Holder(written.slots[0].clientId);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        final GraphWriter writer = new GraphWriter(out, true, 64);
        writer.section("first", holder);   // the array is written here first
        writer.section("second", written); // so its owner is not pristine, and the sharing survives
        out.flush();

        final Table freshHolder = new Table();
        final Table fresh = table(1);
        final GraphReader reader = new GraphReader(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        reader.section("first", freshHolder);
        reader.section("second", fresh);
        reader.finish();

        assertSame(freshHolder.trailer.bytes, fresh.slots[0].clientId);
        assertNotSame(written.slots[0].clientId, fresh.slots[0].clientId);
    }

    private static Table table(final int slots)
    {
        final Table table = new Table();
        table.slots = new Slot[slots];
        for (int i = 0; i < slots; i++)
        {
            table.slots[i] = new Slot();
        }
        return table;
    }

    private static byte[] write(final Table table, final boolean pristineAllowed) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        new GraphWriter(out, pristineAllowed, 64).section("table", table);
        out.flush();
        return bytes.toByteArray();
    }

    private static void read(final byte[] bytes, final Table fresh) throws IOException
    {
        final GraphReader reader = new GraphReader(new DataInputStream(new ByteArrayInputStream(bytes)));
        reader.section("table", fresh);
        reader.finish();
    }
}
