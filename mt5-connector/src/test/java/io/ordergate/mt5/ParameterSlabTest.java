package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Each command's parameters object kept whole and apart from its neighbours', in its region or its own buffer. */
class ParameterSlabTest
{
    @Test
    void shouldKeepEveryRegionFullObjectApartFromItsNeighbours()
    {
        final int count = ParameterSlab.CHUNK_SLOTS + 3;  // into a second chunk
        final ExecutorCommands commands = new ExecutorCommands(count);
        final List<ExecutorCommand> made = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final ExecutorCommand command = commands.allocate();
            store(commands, command, object(i, ParameterSlab.REGION));  // exactly a region: the last byte touches the next one's first
            made.add(command);
        }
        for (int i = 0; i < count; i++)
        {
            assertEquals(object(i, ParameterSlab.REGION), text(made.get(i)), "slot " + i);
        }
    }

    @Test
    void shouldKeepALongerObjectInTheSlotsOwnBufferAndReuseIt()
    {
        final ExecutorCommands commands = new ExecutorCommands(2);
        final ExecutorCommand first = commands.allocate();          // slot 1
        final ExecutorCommand neighbour = commands.allocate();      // slot 0
        store(commands, neighbour, object(7, 100));
        store(commands, first, object(1, ParameterSlab.REGION + 1));
        final UnsafeBuffer own = first.ownParameters;
        assertSame(own, first.parameters);
        assertEquals(object(1, ParameterSlab.REGION + 1), text(first));
        assertEquals(object(7, 100), text(neighbour));

        commands.settle(first, CommandStatus.EXECUTED);              // a slot is taken again only once its command is settled
        final ExecutorCommand again = commands.allocate();          // slot 1 again: a short object goes back to the region
        assertSame(first, again);
        store(commands, again, object(2, 50));
        assertNotSame(own, again.parameters);
        assertEquals(object(2, 50), text(again));
        store(commands, again, object(3, 3 * ParameterSlab.REGION));
        assertSame(again.ownParameters, again.parameters);
        assertNotSame(own, again.ownParameters, "512 bytes were made for 257: 768 need a larger buffer");
        assertEquals(object(3, 3 * ParameterSlab.REGION), text(again));
        assertEquals(object(7, 100), text(neighbour));
    }

    @Test
    void shouldForgetTheObjectWhenTheSlotIsReused()
    {
        final ExecutorCommands commands = new ExecutorCommands(4);
        final ExecutorCommand command = commands.allocate();
        store(commands, command, object(5, 40));
        commands.settle(command, CommandStatus.EXECUTED);
        for (int i = 0; i < 4; i++)
        {
            commands.settle(commands.allocate(), CommandStatus.EXECUTED);
        }
        assertEquals(0, command.parametersLength);
        assertEquals(null, command.parameters);
    }

    private static void store(final ExecutorCommands commands, final ExecutorCommand command, final String object)
    {
        final byte[] bytes = object.getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer source = new UnsafeBuffer(new byte[bytes.length + 9]);
        source.putBytes(9, bytes);  // not at the source's start
        commands.parameters(command, source, 9, bytes.length);
    }

    private static String text(final ExecutorCommand command)
    {
        return command.parameters.getStringWithoutLengthAscii(command.parametersOffset, command.parametersLength);
    }

    /** A JSON object of exactly {@code length} bytes that names {@code n}: {"n":N,"pad":"xxx..."}. */
    private static String object(final int n, final int length)
    {
        final String head = "{\"n\":" + n + ",\"pad\":\"";
        return head + String.valueOf((char)('a' + n % 26)).repeat(length - head.length() - 2) + "\"}";
    }
}
