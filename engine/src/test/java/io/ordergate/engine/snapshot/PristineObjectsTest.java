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
        org.agrona.concurrent.UnsafeBuffer buffer;

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

    static final class NumberedSlot
    {
        final int slot;
        long seq;
        org.agrona.concurrent.UnsafeBuffer json = new org.agrona.concurrent.UnsafeBuffer(new byte[0]);

        NumberedSlot(final int slot)
        {
            this.slot = slot;
        }
    }

    static final class SizedBySlot
    {
        final int size;
        long[] table;

        SizedBySlot(final int size)
        {
            this.size = size;
            this.table = new long[size];
        }
    }

    /** Checked with 0 and 1 it looks numbered; from 2 on its constructor sizes the table otherwise. */
    static final class SizedFromTwo
    {
        final int slot;
        long[] table;

        SizedFromTwo(final int slot)
        {
            this.slot = slot;
            this.table = new long[slot < 2 ? 1 : 2];
        }
    }

    static final class NumberedTable
    {
        NumberedSlot[] slots;
        SizedBySlot sized;
        /** Written after the slots (by name, a level deeper): meets a slot's buffer after the slot. */
        Object trailer;
    }

    @Test
    void anUntouchedSlotMadeWithItsNumberTravelsAsItsClassAndNumberAndComesBackWithIt() throws IOException
    {
        final NumberedTable written = numberedTable(20);
        written.slots[3].seq = 9;
        written.slots[4].json = new org.agrona.concurrent.UnsafeBuffer(new byte[] {'{', '}'});
        final NumberedTable fresh = numberedTable(20);
        final NumberedSlot keptOwn = fresh.slots[7];
        fresh.slots[5] = null;              // none here: made with its number
        fresh.slots[6] = new NumberedSlot(9); // another number here: not taken for slot 6

        final byte[] bytes = write(written, true);
        read(bytes, fresh);

        assertSame(keptOwn, fresh.slots[7]);
        assertEquals(5, fresh.slots[5].slot);
        assertEquals(6, fresh.slots[6].slot);
        assertEquals(9, fresh.slots[3].seq);
        assertEquals(2, fresh.slots[4].json.capacity());
        for (int i = 0; i < fresh.slots.length; i++)
        {
            assertEquals(i, fresh.slots[i].slot);
        }
        assertTrue(bytes.length * 2 < write(written, false).length, "numbered slots are smaller than in full: " + bytes.length);
    }

    @Test
    void aClassWhoseNumberDoesMoreThanNameTheSlotIsWrittenInFull() throws IOException
    {
        final NumberedTable written = numberedTable(1);
        written.sized = new SizedBySlot(3);
        final NumberedTable fresh = numberedTable(1);
        fresh.sized = new SizedBySlot(3);

        read(write(written, true), fresh);

        assertEquals(3, fresh.sized.table.length);
        assertEquals(3, fresh.sized.size);
        assertTrue(new Pristine().numbered(NumberedSlot.class));
        assertTrue(!new Pristine().numbered(SizedBySlot.class) && !new Pristine().is(written.sized, object -> false));
    }

    @Test
    void aNumberedObjectTheConstructorWouldMakeOtherwiseFailsTheLoadLoudly() throws IOException
    {
        final NumberedTable written = numberedTable(1);
        final SizedFromTwo odd = new SizedFromTwo(1);
        written.trailer = odd;
        java.lang.reflect.Field slot = null;
        try
        {
            slot = SizedFromTwo.class.getDeclaredField("slot");
            org.agrona.UnsafeApi.putInt(odd, org.agrona.UnsafeApi.objectFieldOffset(slot), 5);  // slot 5 with slot 1's table
        }
        catch (final NoSuchFieldException ex)
        {
            throw new AssertionError(ex);
        }
        final byte[] bytes = write(written, true);

        final IllegalStateException refused = assertThrows(IllegalStateException.class, () -> read(bytes, numberedTable(1)));
        assertTrue(refused.getMessage().contains("does more with the number"), refused.getMessage());
    }

    @Test
    void aBufferOfAPristineSlotReferencedFromElsewhereIsRefused()
    {
        final NumberedTable written = numberedTable(1);
        written.trailer = new Holder(null);
        ((Holder)written.trailer).buffer = written.slots[0].json;

        final IllegalStateException refused = assertThrows(IllegalStateException.class, () -> write(written, true));
        assertTrue(refused.getMessage().contains("referenced from elsewhere"), refused.getMessage());
    }

    private static NumberedTable numberedTable(final int slots)
    {
        final NumberedTable table = new NumberedTable();
        table.slots = new NumberedSlot[slots];
        for (int i = 0; i < slots; i++)
        {
            table.slots[i] = new NumberedSlot(i);
        }
        return table;
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

    /** One section with {@code root} (a {@link Table} or a {@link NumberedTable}). */
    private static byte[] write(final Object root, final boolean pristineAllowed) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        new GraphWriter(out, pristineAllowed, 64).section("root", root);
        out.flush();
        return bytes.toByteArray();
    }

    private static void read(final byte[] bytes, final Object fresh) throws IOException
    {
        final GraphReader reader = new GraphReader(new DataInputStream(new ByteArrayInputStream(bytes)));
        reader.section("root", fresh);
        reader.finish();
    }
}
