package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;

/**
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing per child.
 * Group orders: one signal fanned out to every member (idempotent by client order id per group, held back by the
 * group's kill switch except for orders that only reduce), and reading one back by its id.
 */
final class GroupOrderFlow
{
    private final EngineContext context;
    private final Groups groups;
    private final GroupAccess access;
    private final FanOutFlow fanOut;
    private final DrawdownGuard drawdown;
    private final FanOutJson fanOutJson;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView clientOrderId = new AsciiView();
    private final Signal signal = new Signal();

    GroupOrderFlow(
        final EngineContext context, final Groups groups, final GroupAccess access, final FanOutFlow fanOut, final DrawdownGuard drawdown,
        final FanOutJson fanOutJson)
    {
        this.context = context;
        this.groups = groups;
        this.access = access;
        this.fanOut = fanOut;
        this.drawdown = drawdown;
        this.fanOutJson = fanOutJson;
    }

    void order(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Group group = groups.find(reader.readString(text));
        signal.decode(reader);
        reader.readString(clientOrderId);
        final Principals principals = context.principals();
        if (group == null || !access.visible(event.principal(), group))
        {
            event.reject(ResultCode.NOT_FOUND, "group not found", "group_id");
            return;
        }
        if (!principals.requireTrade(event))
        {
            return;
        }
        if (!clientOrderId.isEmpty())
        {
            final FanOut first = fanOut.fanOuts().findByKey(FanOut.KIND_GROUP_ORDER, group.id, clientOrderId);
            if (first != null)
            {
                fanOutJson.writeGroupOrder(context.beginJson(event), first);
                context.endJson(event);
                event.result = ResultCode.DUPLICATE;
                return;
            }
        }
        if (group.memberCount() == 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "the group has no members", "group_id");
            return;
        }
        final Instrument instrument = fanOut.validate(event, signal);
        if (instrument == null)
        {
            return;
        }
        drawdown.check(group, event.wallMicros());
        if (group.paused && !FanOutFlow.anyCanReduce(group, null, 0, instrument, signal.side))
        {
            event.reject(ResultCode.GROUP_PAUSED, null, null);
            return;
        }
        final FanOut made = fanOut.open(event, FanOut.KIND_GROUP_ORDER, group, null, 0, signal, instrument,
            group.paused ? ResultCode.GROUP_PAUSED : null);
        if (!clientOrderId.isEmpty())
        {
            made.key(clientOrderId);
        }
        fanOutJson.writeGroupOrder(context.beginJson(event), made);
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    void getOrder(final CommandEvent event)
    {
        final long id = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readLong();
        final FanOut made = fanOut.fanOuts().get(id);
        if (made == null || !principalSees(event.principal(), made))
        {
            event.reject(ResultCode.NOT_FOUND, "group order not found", "group_order_id");
            return;
        }
        fanOutJson.writeGroupOrder(context.beginJson(event), made);
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private boolean principalSees(final int principal, final FanOut made)
    {
        if (context.principals().isAdmin(principal))
        {
            return true;
        }
        for (int i = 0; i < made.childCount; i++)
        {
            final FanOutChild child = fanOut.fanOuts().child(made, i);
            if (child == null || !context.principals().canAccess(principal, child.accountIndex))
            {
                return false;
            }
        }
        return true;
    }
}
