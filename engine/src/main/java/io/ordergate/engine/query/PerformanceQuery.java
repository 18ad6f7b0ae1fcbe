package io.ordergate.engine.query;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.bot.Bot;
import io.ordergate.engine.bot.Bots;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Groups;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.view.EngineJson;
import io.ordergate.engine.view.JsonWriter;

/**
 * PERFORMANCE_DATA: what a performance route computes from, copied out of the engine as it stands after every command
 * before it: the accounts of an account, a group or a bot (the ones the caller may see), with their balance and
 * unrealized PnL now. The fills come from the gateway's own complete record (the engine keeps only its newest), and
 * the figures are computed by the gateway on its reply thread, never here. Body: scope (byte: {@link
 * #ACCOUNT}, {@link #GROUP}, {@link #BOT}) | id (string). <b>Not thread safe</b>: engine thread.
 *
 * <pre>
 *   {"scope", "id", "name", "created_at", [group: "max_drawdown_pct", "risk_limit_pct", "paused", "target_monthly_roi",]
 *    "accounts": [Account], "trades": [Trade]}
 * </pre>
 */
public final class PerformanceQuery
{
    public static final int ACCOUNT = 1;
    public static final int GROUP = 2;
    public static final int BOT = 3;

    private final EngineContext context;
    private final EngineJson json;
    private final Groups groups;
    private final Bots bots;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final boolean[] chosen;

    public PerformanceQuery(final EngineContext context, final EngineJson json, final Groups groups, final Bots bots)
    {
        this.context = context;
        this.json = json;
        this.groups = groups;
        this.bots = bots;
        this.chosen = new boolean[context.config().engine().maxAccounts()];
    }

    public void apply(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int scope = reader.readByte();
        reader.readString(text);
        java.util.Arrays.fill(chosen, false);
        final JsonWriter out = json.begin(event).startObject();
        switch (scope)
        {
            case ACCOUNT:
            {
                final Account account = context.accounts().find(text);
                if (account == null || !visible(event, account))
                {
                    event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
                    return;
                }
                chosen[account.index] = true;
                out.name("scope").string("account").name("id").string(account.id).name("name").string(account.id)
                    .name("created_at").time(account.createdAtMicros);
                break;
            }
            case GROUP:
            {
                final Group group = groups.find(text);
                if (group == null)
                {
                    event.reject(ResultCode.NOT_FOUND, "group not found", "group_id");
                    return;
                }
                choose(event, group);
                out.name("scope").string("group").name("id").string(group.id).name("name").string(group.name)
                    .name("created_at").time(group.createdAtMicros)
                    .name("max_drawdown_pct").decimal(group.maxDrawdownPct, NewOrderBody.WIRE_DIGITS)
                    .name("risk_limit_pct").decimal(group.riskLimitPct, NewOrderBody.WIRE_DIGITS)
                    .name("paused").bool(group.paused)
                    .name("target_monthly_roi");
                if (group.targetMonthlyRoiPct == Group.NO_TARGET)
                {
                    out.nullValue();
                }
                else
                {
                    out.decimal(group.targetMonthlyRoiPct, NewOrderBody.WIRE_DIGITS);
                }
                break;
            }
            case BOT:
            {
                final Bot bot = bots.find(text);
                if (bot == null)
                {
                    event.reject(ResultCode.NOT_FOUND, "bot not found", "bot_id");
                    return;
                }
                if (bot.group != null)
                {
                    choose(event, bot.group);
                }
                for (int i = 0; i < bot.connectedCount(); i++)
                {
                    chosen[bot.connected(i).index] |= visible(event, bot.connected(i));
                }
                out.name("scope").string("bot").name("id").string(bot.id).name("name").string(bot.name)
                    .name("created_at").time(bot.createdAtMicros);
                break;
            }
            default:
                event.reject(ResultCode.VALIDATION_ERROR, "unknown performance scope", null);
                return;
        }
        out.name("accounts").startArray();
        for (int a = 0; a < context.accounts().count(); a++)
        {
            if (chosen[a])
            {
                json.writeAccount(context.accounts().get(a));
            }
        }
        out.endArray().name("connections").startObject();
        for (int a = 0; a < context.accounts().count(); a++)
        {
            final Venue holder = chosen[a] ? context.positionHolder(context.accounts().get(a)) : null;
            if (holder != null)
            {
                out.name(context.accounts().get(a).id).startObject();
                holder.writeConnection(context.accounts().get(a), event.wallMicros(), out);
                out.endObject();
            }
        }
        out.endObject();
        out.endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }

    private void choose(final CommandEvent event, final Group group)
    {
        for (int m = 0; m < group.memberCount(); m++)
        {
            final Account account = group.member(m).account;
            chosen[account.index] |= visible(event, account);
        }
    }

    private boolean visible(final CommandEvent event, final Account account)
    {
        return context.principals().canAccess(event.principal(), account.index);
    }
}
