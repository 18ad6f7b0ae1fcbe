package io.ordergate.engine.group;

import java.util.function.Consumer;
import java.util.function.Predicate;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * <b>Not thread safe</b>: owned by the engine thread.
 * Group commands: routes each to its feature ({@link GroupAdmin}, {@link GroupMembers}, {@link GroupOrderFlow}),
 * answers the group reads, and runs the drawdown guard after each quote batch.
 */
public final class GroupFlow
{
    private final EngineContext context;
    private final Groups groups;
    private final DrawdownGuard drawdown;
    private final GroupAccess access;
    private final GroupJson json;
    private final GroupAdmin admin;
    private final GroupMembers members;
    private final GroupOrderFlow orders;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    public GroupFlow(
        final EngineContext context, final Groups groups, final FanOutFlow fanOut, final DrawdownGuard drawdown, final FanOutJson fanOutJson)
    {
        this.context = context;
        this.groups = groups;
        this.drawdown = drawdown;
        this.access = new GroupAccess(context, groups);
        this.json = new GroupJson(context, drawdown);
        final MemberReader memberReader = new MemberReader(context.accounts(), context.instruments());
        this.admin = new GroupAdmin(context, groups, access, json, drawdown, memberReader, fanOut.fanOuts());
        this.members = new GroupMembers(context, access, json, drawdown, memberReader);
        this.orders = new GroupOrderFlow(context, groups, access, fanOut, drawdown, fanOutJson);
    }

    public Groups groups()
    {
        return groups;
    }

    /**
     * Set by the bot flow: whether a bot that is not stopped targets a group (such a group cannot be deleted), and what
     * the bots do when a group is deleted.
     */
    public void targetedByBot(final Predicate<Group> test, final Consumer<Group> onDeleted)
    {
        admin.targetedByBot(test, onDeleted);
    }

    public void apply(final CommandEvent event)
    {
        switch (event.type)
        {
            case CREATE_GROUP: admin.create(event); break;
            case UPDATE_GROUP: admin.update(event); break;
            case DELETE_GROUP: admin.delete(event); break;
            case ADD_GROUP_MEMBERS: members.add(event); break;
            case REMOVE_GROUP_MEMBER: members.remove(event); break;
            case PAUSE_GROUP:
            case RESUME_GROUP: admin.pauseOrResume(event); break;
            case GROUP_ORDER: orders.order(event); break;
            case GET_GROUP: get(event); break;
            case LIST_GROUPS: list(event); break;
            case GET_GROUP_ORDER: orders.getOrder(event); break;
            default: event.reject(ResultCode.VALIDATION_ERROR, "unsupported command", null);
        }
    }

    /** A removed account leaves every group it was a member of (each such group's drawdown mark restarts). */
    public void accountRemoved(final Account account, final long micros)
    {
        for (int i = 0; i < groups.count(); i++)
        {
            final Group group = groups.get(i);
            final int member = group.indexOf(account.index);
            if (member >= 0)
            {
                group.remove(member);
                group.updatedAtMicros = micros;
                drawdown.resetPeak(group);
            }
        }
    }

    /** After each quote batch: the drawdown guard of every group, in creation order. */
    public void afterQuotes(final CommandEvent event)
    {
        for (int i = 0; i < groups.count(); i++)
        {
            drawdown.check(groups.get(i), event.wallMicros());
        }
    }

    private void get(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Group group = groups.find(reader.readString(text));
        if (group == null || !access.visible(event.principal(), group))
        {
            event.reject(ResultCode.NOT_FOUND, "group not found", "group_id");
            return;
        }
        json.answer(event, group, ResultCode.OK);
    }

    /** Every visible group, or (GroupBodies.listPage) those from an offset, at most a limit, with both named. */
    private void list(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final boolean paged = reader.position() < event.frameLength();
        final int offset = paged ? reader.readInt() : 0;
        final int limit = paged ? reader.readInt() : Integer.MAX_VALUE;
        final JsonWriter out = context.beginJson(event).startObject().name("groups").startArray();
        int total = 0;
        for (int i = 0; i < groups.count(); i++)
        {
            if (access.visible(event.principal(), groups.get(i)))
            {
                if (total >= offset && total - offset < limit)
                {
                    json.writeGroup(out, groups.get(i));
                }
                total++;
            }
        }
        out.endArray().name("total").number(total);
        if (paged)
        {
            out.name("offset").number(offset).name("limit").number(limit);
        }
        out.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }
}
