package io.ordergate.engine.bot;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.order.OrderEntry;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.group.DrawdownGuard;
import io.ordergate.engine.group.FanOutCloser;
import io.ordergate.engine.group.FanOutFlow;
import io.ordergate.engine.group.FanOutJson;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Groups;
import io.ordergate.engine.view.JsonWriter;

/**
 * <b>Not thread safe</b>: owned by the engine thread.
 * Bot commands: routes each to its feature ({@link BotAdmin}, {@link BotSignals}, {@link BotTerminate}) and
 * answers the bot reads, including the credentials the gateway's webhook authentication asks for.
 */
public final class BotFlow
{
    private final EngineContext context;
    private final Bots bots;
    private final BotAccess access;
    private final BotJson json;
    private final BotAdmin admin;
    private final BotSignals signals;
    private final BotTerminate terminate;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    public BotFlow(
        final EngineContext context, final Bots bots, final Groups groups, final FanOutFlow fanOut, final FanOutCloser closer,
        final DrawdownGuard drawdown, final FanOutJson fanOutJson, final OrderEntry entry)
    {
        this.context = context;
        this.bots = bots;
        this.access = new BotAccess(context, bots);
        this.json = new BotJson(context);
        this.admin = new BotAdmin(context, bots, groups, access, json, fanOut.fanOuts());
        this.signals = new BotSignals(context, bots, fanOut, closer, drawdown, fanOutJson);
        this.terminate = new BotTerminate(context, access, fanOut.fanOuts(), closer, fanOutJson, entry);
    }

    /** Whether a bot that is not stopped targets the group (such a group cannot be deleted). */
    public boolean targets(final Group group)
    {
        for (int i = 0; i < bots.count(); i++)
        {
            if (bots.get(i).group == group && bots.get(i).status != GroupBodies.BOT_STOPPED)
            {
                return true;
            }
        }
        return false;
    }

    /** A group was deleted: the stopped bots that targeted it target nothing now. */
    public void forget(final Group group)
    {
        for (int i = 0; i < bots.count(); i++)
        {
            if (bots.get(i).group == group)
            {
                bots.get(i).group = null;
            }
        }
    }

    /** A removed account is disconnected from every bot that names it. */
    public void accountRemoved(final Account account, final long micros)
    {
        for (int i = 0; i < bots.count(); i++)
        {
            final Bot bot = bots.get(i);
            final int connected = bot.indexOf(account.index);
            if (connected >= 0)
            {
                bot.disconnect(connected);
                bot.updatedAtMicros = micros;
            }
        }
    }

    public void apply(final CommandEvent event)
    {
        switch (event.type)
        {
            case CREATE_BOT: admin.create(event); break;
            case SET_BOT_STATUS: admin.status(event); break;
            case BOT_ACCOUNT: admin.account(event); break;
            case UPDATE_BOT: admin.update(event); break;
            case DELETE_BOT: admin.delete(event); break;
            case TERMINATE_BOT: terminate.terminate(event); break;
            case BOT_ACCOUNTS: accounts(event); break;
            case WEBHOOK_SIGNAL: signals.signal(event); break;
            case GET_BOT: get(event); break;
            case LIST_BOTS: list(event); break;
            default: event.reject(ResultCode.VALIDATION_ERROR, "unsupported command", null);
        }
    }

    private void get(final CommandEvent event)
    {
        final Bot bot = access.adminBot(event, reader, text);
        if (bot != null)
        {
            json.answerDetail(event, bot);
        }
    }

    private void list(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final boolean seed = reader.position() < event.frameLength() && reader.readByte() == GroupBodies.SHAPE_SEED;
        final JsonWriter out = context.beginJson(event);
        if (!seed)
        {
            out.startObject().name("bots");
        }
        out.startArray();
        for (int i = 0; i < bots.count(); i++)
        {
            json.writeBot(out, bots.get(i));
        }
        out.endArray();
        if (!seed)
        {
            out.endObject();
        }
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** Seed 003's {@code GET /bots/{id}/accounts}: every account the bot's signals reach, as a bare array. */
    private void accounts(final CommandEvent event)
    {
        final Bot bot = access.adminBot(event, reader, text);
        if (bot == null)
        {
            return;
        }
        final JsonWriter out = context.beginJson(event).startArray();
        if (bot.group != null)
        {
            for (int i = 0; i < bot.group.memberCount(); i++)
            {
                json.writeAccountSummary(out, bot.group.member(i).account);
            }
        }
        for (int i = 0; i < bot.accountCount; i++)
        {
            if (bot.group == null || bot.group.indexOf(bot.accounts[i].account.index) < 0)
            {
                json.writeAccountSummary(out, bot.accounts[i].account);
            }
        }
        out.endArray();
        context.endJson(event);
        event.result = ResultCode.OK;
    }
}
