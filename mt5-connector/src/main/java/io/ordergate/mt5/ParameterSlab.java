package io.ordergate.mt5;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The parameters objects of the executor commands: each slot of {@link ExecutorCommands} owns a fixed region of
 * {@link #REGION} bytes in a chunk of {@link #CHUNK_SLOTS} regions, made when the first slot in it is used. An order's
 * command (about 120 bytes) fits; a longer object (an admin's own command) goes to a buffer of the slot's own.
 *
 * <p>Why: a buffer per slot made at its first use was two objects and a kilobyte per slot, allocated on the engine
 * thread for every one of the first {@code max_executor_commands} commands and then marked by every collection (90 MB
 * and 262,144 objects at the default 65,536 slots, with the results' copies). Chunks are 64 KiB: 256 objects at most.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
final class ParameterSlab
{
    static final int REGION = 256;
    static final int CHUNK_SLOTS = 256;

    private final UnsafeBuffer[] chunks;

    ParameterSlab(final int slots)
    {
        chunks = new UnsafeBuffer[(slots + CHUNK_SLOTS - 1) / CHUNK_SLOTS];
    }

    /** Copies {@code length} bytes of {@code source} from {@code offset} as the command's parameters. */
    void store(final ExecutorCommand command, final DirectBuffer source, final int offset, final int length)
    {
        final UnsafeBuffer target;
        final int at;
        if (length <= REGION)
        {
            target = chunk(command.slot / CHUNK_SLOTS);
            at = (command.slot % CHUNK_SLOTS) * REGION;
        }
        else
        {
            if (command.ownParameters == null || command.ownParameters.capacity() < length)
            {
                command.ownParameters = new UnsafeBuffer(new byte[Integer.highestOneBit(length) << 1]);
            }
            target = command.ownParameters;
            at = 0;
        }
        target.putBytes(at, source, offset, length);
        command.parameters = target;
        command.parametersOffset = at;
        command.parametersLength = length;
    }

    private UnsafeBuffer chunk(final int index)
    {
        UnsafeBuffer chunk = chunks[index];
        if (chunk == null)
        {
            chunk = new UnsafeBuffer(new byte[CHUNK_SLOTS * REGION]);
            chunks[index] = chunk;
        }
        return chunk;
    }
}
