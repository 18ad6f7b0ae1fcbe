package io.ordergate.engine.bot;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.order.OrderEntry;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.group.FanOut;
import io.ordergate.engine.group.FanOutChild;
import io.ordergate.engine.group.FanOutCloser;
import io.ordergate.engine.group.FanOutJson;
import io.ordergate.engine.group.FanOuts;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Member;
import io.ordergate.engine.view.JsonWriter;

/**
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing per account.
 * The bot kill switch: stops the bot and, for every target account, cancels its resting orders and closes every
 * position it holds, as one fan-out.
 */
final class BotTerminate
{
    private static final String ORIGIN_TERMINATE = "terminate";

    private final EngineContext context;
    private final BotAccess access;
    private final FanOuts fanOuts;
    private final FanOutCloser closer;
    private final FanOutJson fanOutJson;
    private final OrderEntry entry;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    BotTerminate(
        final EngineContext context, final BotAccess access, final FanOuts fanOuts, final FanOutCloser closer, final FanOutJson fanOutJson,
        final OrderEntry entry)
    {
        this.context = context;
        this.access = access;
        this.fanOuts = fanOuts;
        this.closer = closer;
        this.fanOutJson = fanOutJson;
        this.entry = entry;
    }

    /** Stops the bot, cancels its accounts' resting orders and closes every position they hold. */
    void terminate(final CommandEvent event)
    {
        final Bot bot = access.adminBot(event, reader, text);
        if (bot == null)
        {
            return;
        }
        bot.status = GroupBodies.BOT_STOPPED;
        bot.updatedAtMicros = event.wallMicros();
        final FanOut made = fanOuts.allocate();
        made.kind = FanOut.KIND_TERMINATE;
        made.botId = bot.id;
        made.groupId = bot.group == null ? null : bot.group.id;
        made.createdAtMicros = event.wallMicros();
        int accounts = 0;
        final Group group = bot.group;
        if (group != null)
        {
            for (int i = 0; i < group.memberCount(); i++)
            {
                terminate(event, made, group.member(i));
                accounts++;
            }
        }
        for (int i = 0; i < bot.accountCount; i++)
        {
            if (group == null || group.indexOf(bot.accounts[i].account.index) < 0)
            {
                terminate(event, made, bot.accounts[i]);
                accounts++;
            }
        }
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(made.errorCount == 0);
        out.name("terminated_accounts").number(accounts);
        out.name("errors").startArray();
        for (int i = 0; i < made.childCount; i++)
        {
            final FanOutChild child = fanOuts.child(made, i);
            if (child != null && child.status == OrderStatus.REJECTED)
            {
                out.startObject()
                    .name("account_id").string(context.accounts().get(child.accountIndex).id)
                    .name("symbol").string(context.instruments().get(child.instrumentIndex).symbol)
                    .name("code").string(child.rejectCode == null ? null : child.rejectCode.name())
                    .endObject();
            }
        }
        out.endArray();
        out.name("bot_id").string(bot.id);
        out.name("status").string(BotJson.statusName(bot.status));
        out.name("closed_positions").number(made.successCount);
        fanOutJson.writeResults(out, made);
        out.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private void terminate(final CommandEvent event, final FanOut made, final Member member)
    {
        entry.cancelOpenOrders(member.account, event);
        closer.close(event, made, member, null, GroupBodies.ACTION_CLOSE_ALL, ORIGIN_TERMINATE);
    }
}
