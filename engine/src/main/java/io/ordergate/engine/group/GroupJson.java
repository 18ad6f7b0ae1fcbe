package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

/** <b>Not thread safe</b>: owned by the engine thread. Renders a group as its API object. */
final class GroupJson
{
    private final EngineContext context;
    private final DrawdownGuard drawdown;

    GroupJson(final EngineContext context, final DrawdownGuard drawdown)
    {
        this.context = context;
        this.drawdown = drawdown;
    }

    void writeGroup(final JsonWriter json, final Group group)
    {
        final long equity = drawdown.equity(group);
        json.startObject();
        json.name("group_id").string(group.id);
        json.name("id").string(group.id);
        json.name("name").string(group.name);
        json.name("description").string(group.description);
        json.name("status").string(group.paused ? "paused" : "active");
        json.name("pause_reason").string(group.pauseReason);
        json.name("members").startArray();
        for (int i = 0; i < group.memberCount(); i++)
        {
            writeMember(json, group.member(i));
        }
        json.endArray();
        json.name("accounts").startArray();
        for (int i = 0; i < group.memberCount(); i++)
        {
            json.string(group.member(i).account.id);
        }
        json.endArray();
        json.name("risk").startObject();
        json.name("max_drawdown_pct");
        decimalOrNull(json, group.maxDrawdownPct);
        json.name("risk_limit");
        decimalOrNull(json, group.riskLimitPct);
        json.endObject();
        json.name("target_monthly_roi");
        targetOrNull(json, group.targetMonthlyRoiPct);
        json.name("equity").decimal(equity, Money.DIGITS);
        json.name("peak_equity").decimal(group.peakEquity, Money.DIGITS);
        json.name("drawdown_pct").decimal(DrawdownGuard.drawdownPct(group, equity), NewOrderBody.WIRE_DIGITS);
        json.name("created_at").time(group.createdAtMicros);
        json.name("updated_at").time(group.updatedAtMicros);
        json.endObject();
    }

    /** Answers with the group as the whole JSON answer. */
    void answer(final CommandEvent event, final Group group, final ResultCode code)
    {
        writeGroup(context.beginJson(event), group);
        context.endJson(event);
        event.result = code;
    }

    static void writeMember(final JsonWriter json, final Member member)
    {
        json.startObject();
        json.name("account_id").string(member.account.id);
        json.name("sizing").startObject()
            .name("mode").string(Member.modeName(member.mode))
            .name("value").decimal(member.value, NewOrderBody.WIRE_DIGITS)
            .endObject();
        if (member.symbolSuffix != null)
        {
            json.name("symbol_suffix").string(member.symbolSuffix);
        }
        if (member.symbolMap.length > 0)
        {
            json.name("symbol_map").startObject();
            for (final String[] entry : member.symbolMap)
            {
                json.name(entry[0]).string(entry[1]);
            }
            json.endObject();
        }
        json.endObject();
    }

    /** A target of 0 is written as 0: only a group without one shows null. */
    private static void targetOrNull(final JsonWriter json, final long target)
    {
        if (target == Group.NO_TARGET)
        {
            json.nullValue();
        }
        else
        {
            json.decimal(target, NewOrderBody.WIRE_DIGITS);
        }
    }

    private static void decimalOrNull(final JsonWriter json, final long value)
    {
        if (value == 0)
        {
            json.nullValue();
        }
        else
        {
            json.decimal(value, NewOrderBody.WIRE_DIGITS);
        }
    }
}
