package io.ordergate.engine.bot;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.group.DrawdownGuard;
import io.ordergate.engine.group.FanOut;
import io.ordergate.engine.group.FanOutCloser;
import io.ordergate.engine.group.FanOutFlow;
import io.ordergate.engine.group.FanOutJson;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Signal;
import io.ordergate.engine.instrument.Instrument;

/**
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing per child.
 * TradingView signals. A signal is authenticated by the gateway before it is journaled; here it is de-duplicated
 * (by alert id, or by identical body within {@code webhook.dedup_window_millis} of the command's own time, so
 * replay decides the same), checked against the bot's and group's kill switches, and fanned out: opened, or closed
 * for the close actions.
 */
final class BotSignals
{
    private static final String ORIGIN_SIGNAL_CLOSE = "signal_close";

    private final EngineContext context;
    private final Bots bots;
    private final FanOutFlow fanOut;
    private final FanOutCloser closer;
    private final DrawdownGuard drawdown;
    private final FanOutJson fanOutJson;
    private final long dedupWindowMicros;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView alertId = new AsciiView();
    private final Signal signal = new Signal();

    BotSignals(
        final EngineContext context, final Bots bots, final FanOutFlow fanOut, final FanOutCloser closer, final DrawdownGuard drawdown,
        final FanOutJson fanOutJson)
    {
        this.context = context;
        this.bots = bots;
        this.fanOut = fanOut;
        this.closer = closer;
        this.drawdown = drawdown;
        this.fanOutJson = fanOutJson;
        this.dedupWindowMicros = context.config().webhook().dedupWindowMillis() * 1000L;
    }

    void signal(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Bot bot = bots.find(reader.readString(text));
        final int action = reader.readByte();
        signal.decode(reader);
        reader.readString(alertId);
        final long bodyHash = reader.readLong();
        if (bot == null)
        {
            event.reject(ResultCode.NOT_FOUND, "bot not found", "bot");
            return;
        }
        if (bot.status == GroupBodies.BOT_STOPPED)
        {
            event.reject(ResultCode.BOT_STOPPED, null, null);
            return;
        }
        final long now = event.wallMicros();
        FanOut first = null;
        if (!alertId.isEmpty())
        {
            first = fanOut.fanOuts().findByKey(FanOut.KIND_SIGNAL, bot.id, alertId);
        }
        else if (dedupWindowMicros > 0)
        {
            first = fanOut.fanOuts().findRecentBody(bot.id, bodyHash, now - dedupWindowMicros);
        }
        if (first != null)
        {
            fanOutJson.writeSignal(context.beginJson(event), first, true);
            context.endJson(event);
            event.result = ResultCode.DUPLICATE;
            return;
        }
        final Group group = bot.group;
        final boolean closing = action >= GroupBodies.ACTION_CLOSE;
        Instrument instrument = null;
        if (closing)
        {
            if (action != GroupBodies.ACTION_CLOSE_ALL)
            {
                instrument = context.instruments().find(signal.symbol);
                if (instrument == null)
                {
                    event.reject(ResultCode.UNKNOWN_SYMBOL, "unknown symbol", "symbol");
                    return;
                }
            }
        }
        else
        {
            instrument = fanOut.validate(event, signal);
            if (instrument == null)
            {
                return;
            }
            if (group != null)
            {
                drawdown.check(group, now);
            }
        }
        final ResultCode pausedBy = closing ? null
            : bot.status == GroupBodies.BOT_PAUSED ? ResultCode.BOT_PAUSED
            : group != null && group.paused ? ResultCode.GROUP_PAUSED : null;
        if (pausedBy != null && !anyMayTrade(bot, group, instrument, pausedBy))
        {
            event.reject(pausedBy, null, null);
            return;
        }
        final FanOut made;
        if (closing)
        {
            made = fanOut.fanOuts().allocate();
            made.kind = FanOut.KIND_SIGNAL;
            made.groupId = group == null ? null : group.id;
            made.createdAtMicros = now;
            if (group != null)
            {
                for (int i = 0; i < group.memberCount(); i++)
                {
                    closer.close(event, made, group.member(i), instrument, action, ORIGIN_SIGNAL_CLOSE);
                }
            }
            for (int i = 0; i < bot.accountCount; i++)
            {
                if (group == null || group.indexOf(bot.accounts[i].account.index) < 0)
                {
                    closer.close(event, made, bot.accounts[i], instrument, action, ORIGIN_SIGNAL_CLOSE);
                }
            }
        }
        else
        {
            made = fanOut.open(event, FanOut.KIND_SIGNAL, group, bot.accounts, bot.accountCount, signal, instrument, pausedBy);
        }
        made.botId = bot.id;
        made.action = action;
        made.bodyHash = bodyHash;
        if (!alertId.isEmpty())
        {
            made.key(alertId);
        }
        fanOutJson.writeSignal(context.beginJson(event), made, false);
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * True if some target may take the signal despite its kill switch: a paused bot holds back all its targets but
     * their reducing orders; a paused group only its own members (the bot's accounts outside the group still trade).
     */
    private boolean anyMayTrade(final Bot bot, final Group group, final Instrument instrument, final ResultCode pausedBy)
    {
        if (pausedBy == ResultCode.GROUP_PAUSED)
        {
            for (int i = 0; i < bot.accountCount; i++)
            {
                if (group.indexOf(bot.accounts[i].account.index) < 0)
                {
                    return true;
                }
            }
            return FanOutFlow.anyCanReduce(group, null, 0, instrument, signal.side);
        }
        return FanOutFlow.anyCanReduce(group, bot.accounts, bot.accountCount, instrument, signal.side);
    }
}
