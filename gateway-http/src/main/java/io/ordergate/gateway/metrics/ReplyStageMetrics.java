package io.ordergate.gateway.metrics;

import org.agrona.DirectBuffer;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;

/**
 * What the reply stage measures. Every stage timestamp travels in the event, so the reply thread records all the
 * histograms: the journal and engine threads pay one {@code System.nanoTime()} each and nothing else.
 * <b>Not thread safe</b>: owned by the reply thread (and the replaying thread before it starts). Allocates nothing.
 */
public final class ReplyStageMetrics implements ReplyListener
{
    /** CommandQueue.writeCommand starts every command object so. */
    private static final byte[] ID_PREFIX = "{\"id\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final StageLatencies stages;
    private final OrderResults orders;
    private final PushTimes pushes = new PushTimes();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    ReplyStageMetrics(final StageLatencies stages, final OrderResults orders)
    {
        this.stages = stages;
        this.orders = orders;
    }

    /** Every command the reply stage sees, before it is answered. */
    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        orders.count(event);
    }

    /** A follower counts what it applies as the leader does: the counts describe the engine, not who sends. */
    @Override
    public void onFollowing(final CommandEvent event, final ChannelFlushes flushes)
    {
        onResult(event, flushes);
    }

    /**
     * A command answered over HTTP, just after the reply thread wrote its answer to the socket itself or handed it to
     * the connection's event loop. Stamps a command did not get (a read is
     * not journaled; a command refused before the engine has no engine time) leave their stages out.
     */
    public void answered(final CommandEvent event, final long writtenNanos)
    {
        final long ingress = event.ingressNanos;
        if (ingress == 0)
        {
            return;
        }
        final long journaled = event.journaledNanos;
        final long engineDone = event.engineDoneNanos;
        if (journaled != 0)
        {
            stages.record(Stage.INGRESS_TO_JOURNALED, journaled - ingress);
            if (engineDone != 0)
            {
                stages.record(Stage.JOURNALED_TO_ENGINE_DONE, engineDone - journaled);
            }
        }
        if (engineDone != 0)
        {
            stages.record(Stage.ENGINE_TO_ANSWER_WRITTEN, writtenNanos - engineDone);
        }
        stages.record(Stage.INGRESS_TO_ANSWER, writtenNanos - ingress);
    }

    /**
     * One command frame from the event's outbox handed to its executor's channel.
     *
     * @param json the outbox; the command's JSON object starts at {@code offset}
     */
    public void framePushed(final CommandEvent event, final DirectBuffer json, final int offset, final int length, final long writtenNanos)
    {
        if (event.engineDoneNanos != 0)
        {
            stages.record(Stage.ORDER_ROUTED_TO_FRAME_WRITTEN, writtenNanos - event.engineDoneNanos);
        }
        if (startsWithId(json, offset, length))
        {
            final int start = offset + ID_PREFIX.length;
            int end = start;
            final int limit = offset + length;
            while (end < limit && json.getByte(end) != '"')
            {
                end++;
            }
            pushes.put(text.wrap(json, start, end - start).hash64(), writtenNanos);
        }
    }

    /** A COMMAND_RESULT (WebSocket or HTTP): from its command's push to the result's ingress, once per push. */
    public void commandResult(final CommandEvent event)
    {
        if (event.type != CommandType.COMMAND_RESULT || event.ingressNanos == 0)
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        reader.readString(text);  // executor id
        final long pushed = pushes.take(reader.readString(text).hash64());
        if (pushed != PushTimes.NONE)
        {
            stages.record(Stage.FRAME_WRITTEN_TO_RESULT_RECEIVED, event.ingressNanos - pushed);
        }
    }

    private static boolean startsWithId(final DirectBuffer json, final int offset, final int length)
    {
        if (length <= ID_PREFIX.length)
        {
            return false;
        }
        for (int i = 0; i < ID_PREFIX.length; i++)
        {
            if (json.getByte(offset + i) != ID_PREFIX[i])
            {
                return false;
            }
        }
        return true;
    }
}
