package io.ordergate.engine.pipeline;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.journal.Journal;

/**
 * Rebuilds state at start-up: feeds every journaled command to a fresh engine on the calling thread, in journal
 * order, with venue side effects off. Runs before {@link Pipeline#start}, so the engine is owned by this thread
 * until then.
 */
public final class Replayer
{
    private Replayer()
    {
    }

    /** Outcome of a replay, for the start-up log. */
    public record Result(long records, long skipped)
    {
    }

    public static Result replay(final Journal journal, final Engine engine, final ResultHandler replies)
    {
        final CommandEvent event = new CommandEvent();
        final long[] skipped = {0};
        final long records = journal.replay((buffer, offset, length, index) ->
        {
            final CommandType type = CommandType.fromCode(buffer.getInt(offset + CommandFrame.TYPE_OFFSET));
            if (type == null || !type.journaled() || length < CommandFrame.HEADER_LENGTH)
            {
                skipped[0]++;
                return;
            }
            event.reset(type);
            event.frame.putBytes(0, buffer, offset, length);
            event.journalIndex = index;
            engine.apply(event);
            replies.onReplayed(event);
        });
        return new Result(records, skipped[0]);
    }
}
