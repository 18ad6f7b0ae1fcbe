package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.view.JsonWriter;

/**
 * Group commands: create, update, delete, members, pause/resume, group orders and the reads. Admin commands may
 * allocate (names, member tables); a group order allocates nothing per child.
 * <b>Not thread safe</b>: engine thread.
 */
public final class GroupFlow
{
    private final EngineContext context;
    private final Groups groups;
    private final FanOutFlow fanOut;
    private final DrawdownGuard drawdown;
    private final FanOutJson fanOutJson;
    private final GroupJson json;
    private final MemberReader members;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView clientOrderId = new AsciiView();
    private final Signal signal = new Signal();
    /** Scratch for the members of a create or update, so an invalid command changes nothing. */
    private Member[] pending = new Member[16];

    public GroupFlow(
        final EngineContext context, final Groups groups, final FanOutFlow fanOut, final DrawdownGuard drawdown, final FanOutJson fanOutJson)
    {
        this.context = context;
        this.groups = groups;
        this.fanOut = fanOut;
        this.drawdown = drawdown;
        this.fanOutJson = fanOutJson;
        this.json = new GroupJson(context, drawdown);
        this.members = new MemberReader(context.accounts(), context.instruments());
    }

    public Groups groups()
    {
        return groups;
    }

    public void apply(final CommandEvent event)
    {
        switch (event.type)
        {
            case CREATE_GROUP: create(event); break;
            case UPDATE_GROUP: update(event); break;
            case DELETE_GROUP: delete(event); break;
            case ADD_GROUP_MEMBERS: addMembers(event); break;
            case REMOVE_GROUP_MEMBER: removeMember(event); break;
            case PAUSE_GROUP:
            case RESUME_GROUP: pauseOrResume(event); break;
            case GROUP_ORDER: order(event); break;
            case GET_GROUP: get(event); break;
            case LIST_GROUPS: list(event); break;
            case GET_GROUP_ORDER: getOrder(event); break;
            default: event.reject(ResultCode.VALIDATION_ERROR, "unsupported command", null);
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

    private void create(final CommandEvent event)
    {
        if (!admin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        reader.readString(text);
        if (text.isEmpty())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "group_id is required", "group_id");
            return;
        }
        if (groups.find(text) != null)
        {
            event.reject(ResultCode.CONFLICT, "a group with this group_id exists", "group_id");
            return;
        }
        if (groups.isFull())
        {
            event.reject(ResultCode.CONFLICT, "the group table is full (engine.max_groups)", null);
            return;
        }
        final String id = text.toString();
        final int mask = reader.readInt();
        final String name = reader.readString(text).toString();
        final String description = reader.readString(text).toString();
        final long maxDrawdown = reader.readLong();
        final long riskLimit = reader.readLong();
        final int count = readMembers(event);
        if (count < 0 || !validRisk(event, maxDrawdown, riskLimit))
        {
            return;
        }
        final Group group = new Group(id, count, event.wallMicros());
        group.name = name.isEmpty() ? id : name;
        group.description = description;
        group.maxDrawdownPct = (mask & GroupBodies.SET_MAX_DRAWDOWN) != 0 ? maxDrawdown : 0;
        group.riskLimitPct = (mask & GroupBodies.SET_RISK_LIMIT) != 0 ? riskLimit : 0;
        for (int i = 0; i < count; i++)
        {
            group.add(pending[i]);
        }
        groups.add(group);
        drawdown.resetPeak(group);
        answerGroup(event, group, ResultCode.CREATED);
    }

    private void update(final CommandEvent event)
    {
        final Group group = adminGroup(event);
        if (group == null)
        {
            return;
        }
        final int mask = reader.readInt();
        final String name = reader.readString(text).toString();
        final String description = reader.readString(text).toString();
        final long maxDrawdown = reader.readLong();
        final long riskLimit = reader.readLong();
        final int count = readMembers(event);
        if (count < 0 || !validRisk(event, maxDrawdown, riskLimit))
        {
            return;
        }
        if ((mask & GroupBodies.SET_NAME) != 0 && !name.isEmpty())
        {
            group.name = name;
        }
        if ((mask & GroupBodies.SET_DESCRIPTION) != 0)
        {
            group.description = description;
        }
        if ((mask & GroupBodies.SET_MAX_DRAWDOWN) != 0)
        {
            group.maxDrawdownPct = maxDrawdown;
        }
        if ((mask & GroupBodies.SET_RISK_LIMIT) != 0)
        {
            group.riskLimitPct = riskLimit;
        }
        if ((mask & GroupBodies.SET_MEMBERS) != 0)
        {
            group.clearMembers();
            for (int i = 0; i < count; i++)
            {
                group.add(pending[i]);
            }
            drawdown.resetPeak(group);
        }
        group.updatedAtMicros = event.wallMicros();
        answerGroup(event, group, ResultCode.OK);
    }

    private void delete(final CommandEvent event)
    {
        final Group group = adminGroup(event);
        if (group == null)
        {
            return;
        }
        if (targetedByBot != null && targetedByBot.test(group))
        {
            event.reject(ResultCode.CONFLICT, "a bot targets this group: point the bot elsewhere or stop it first", "group_id");
            return;
        }
        groups.remove(group);
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(true);
        out.name("message").string("Group deleted successfully");
        out.name("data").startObject().name("group_id").string(group.id).endObject();
        out.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** Set by the bot flow: whether a bot targets a group (a targeted group cannot be deleted). */
    private java.util.function.Predicate<Group> targetedByBot;

    public void targetedByBot(final java.util.function.Predicate<Group> test)
    {
        this.targetedByBot = test;
    }

    private void addMembers(final CommandEvent event)
    {
        final Group group = adminGroup(event);
        if (group == null)
        {
            return;
        }
        final boolean bulk = reader.readBoolean();
        final int count = reader.readInt();
        if (!bulk)
        {
            final Member member = members.read(reader);
            if (member == null)
            {
                event.reject("unknown account".equals(members.error) ? ResultCode.NOT_FOUND : ResultCode.VALIDATION_ERROR,
                    "unknown account".equals(members.error) ? "account not found" : members.error, "account_id");
                return;
            }
            if (group.indexOf(member.account.index) >= 0)
            {
                event.reject(ResultCode.CONFLICT, "the account is already a member of the group", "account_id");
                return;
            }
            group.add(member);
            group.updatedAtMicros = event.wallMicros();
            drawdown.resetPeak(group);
            answerGroup(event, group, ResultCode.CREATED);
            return;
        }
        // Admin path: the outcome per requested id is kept in small arrays, then written as seed 003's answer.
        final String[] ids = new String[count];
        final String[] errors = new String[count];
        int added = 0;
        for (int i = 0; i < count; i++)
        {
            final Member member = members.read(reader);
            ids[i] = members.accountId;
            if (member == null)
            {
                errors[i] = members.error;
            }
            else if (group.indexOf(member.account.index) >= 0)
            {
                errors[i] = "already a member of the group";
            }
            else
            {
                group.add(member);
                added++;
            }
        }
        if (added > 0)
        {
            group.updatedAtMicros = event.wallMicros();
            drawdown.resetPeak(group);
        }
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(true);
        out.name("message").string("Bulk account addition completed");
        out.name("data").startObject().name("results").startObject().name("success").startArray();
        for (int i = 0; i < count; i++)
        {
            if (errors[i] == null)
            {
                out.string(ids[i]);
            }
        }
        out.endArray().name("failed").startArray();
        for (int i = 0; i < count; i++)
        {
            if (errors[i] != null)
            {
                out.startObject().name("account_id").string(ids[i]).name("error").string(errors[i]).endObject();
            }
        }
        out.endArray().endObject();
        out.name("group");
        json.writeGroup(out, group);
        out.endObject().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private void removeMember(final CommandEvent event)
    {
        final Group group = adminGroup(event);
        if (group == null)
        {
            return;
        }
        final int index = indexOfAccount(group, reader.readString(text));
        if (index < 0)
        {
            event.reject(ResultCode.NOT_FOUND, "the account is not a member of the group", "account_id");
            return;
        }
        group.remove(index);
        group.updatedAtMicros = event.wallMicros();
        drawdown.resetPeak(group);
        answerGroup(event, group, ResultCode.OK);
    }

    private void pauseOrResume(final CommandEvent event)
    {
        final Group group = adminGroup(event);
        if (group == null)
        {
            return;
        }
        if (event.type == CommandType.PAUSE_GROUP)
        {
            group.paused = true;
            group.pauseReason = "manual";
        }
        else
        {
            group.paused = false;
            group.pauseReason = null;
            drawdown.resetPeak(group);
        }
        group.updatedAtMicros = event.wallMicros();
        answerGroup(event, group, ResultCode.OK);
    }

    private void order(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Group group = groups.find(reader.readString(text));
        signal.decode(reader);
        reader.readString(clientOrderId);
        final Principals principals = context.principals();
        if (group == null || !visible(event.principal(), group))
        {
            event.reject(ResultCode.NOT_FOUND, "group not found", "group_id");
            return;
        }
        if (!principals.canTrade(event.principal()))
        {
            event.reject(ResultCode.FORBIDDEN, "this API key may not trade", null);
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

    private void get(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Group group = groups.find(reader.readString(text));
        if (group == null || !visible(event.principal(), group))
        {
            event.reject(ResultCode.NOT_FOUND, "group not found", "group_id");
            return;
        }
        answerGroup(event, group, ResultCode.OK);
    }

    private void list(final CommandEvent event)
    {
        final JsonWriter out = context.beginJson(event).startObject().name("groups").startArray();
        int total = 0;
        for (int i = 0; i < groups.count(); i++)
        {
            if (visible(event.principal(), groups.get(i)))
            {
                json.writeGroup(out, groups.get(i));
                total++;
            }
        }
        out.endArray().name("total").number(total).endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private void getOrder(final CommandEvent event)
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

    // ---- helpers ----

    /** Reads the member list of a create/update into {@link #pending}; rejects and answers -1 when one is invalid. */
    private int readMembers(final CommandEvent event)
    {
        final int count = reader.readInt();
        if (pending.length < count)
        {
            pending = new Member[count];
        }
        for (int i = 0; i < count; i++)
        {
            final Member member = members.read(reader);
            if (member == null)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "members[" + i + "] (" + members.accountId + "): " + members.error, "members");
                return -1;
            }
            for (int j = 0; j < i; j++)
            {
                if (pending[j].account == member.account)
                {
                    event.reject(ResultCode.VALIDATION_ERROR, "members names account " + member.account.id + " twice", "members");
                    return -1;
                }
            }
            pending[i] = member;
        }
        return count;
    }

    private static boolean validRisk(final CommandEvent event, final long maxDrawdown, final long riskLimit)
    {
        final long hundred = 100 * io.ordergate.fixed.FixedPoint.pow10(io.ordergate.engine.command.NewOrderBody.WIRE_DIGITS);
        if (maxDrawdown < 0 || maxDrawdown > hundred)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "max_drawdown_pct must be between 0 and 100", "max_drawdown_pct");
            return false;
        }
        if (riskLimit < 0 || riskLimit > hundred)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "risk_limit must be between 0 and 100", "risk_limit");
            return false;
        }
        return true;
    }

    private int indexOfAccount(final Group group, final AsciiView accountId)
    {
        for (int i = 0; i < group.memberCount(); i++)
        {
            if (accountId.contentEquals(group.member(i).account.idBytes))
            {
                return i;
            }
        }
        return -1;
    }

    private boolean admin(final CommandEvent event)
    {
        if (!context.principals().isAdmin(event.principal()))
        {
            event.reject(ResultCode.FORBIDDEN, "admin scope required", null);
            return false;
        }
        return true;
    }

    /** Reads the group id at the start of the body; rejects and answers null unless admin and found. */
    private Group adminGroup(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Group group = groups.find(reader.readString(text));
        if (!admin(event))
        {
            return null;
        }
        if (group == null)
        {
            event.reject(ResultCode.NOT_FOUND, "group not found", "group_id");
            return null;
        }
        return group;
    }

    /** A group is visible to a principal that may see every member (admins see all). */
    boolean visible(final int principal, final Group group)
    {
        final Principals principals = context.principals();
        if (principals.isAdmin(principal))
        {
            return true;
        }
        for (int i = 0; i < group.memberCount(); i++)
        {
            if (!principals.canAccess(principal, group.member(i).account.index))
            {
                return false;
            }
        }
        return group.memberCount() > 0;
    }

    private void answerGroup(final CommandEvent event, final Group group, final ResultCode code)
    {
        json.writeGroup(context.beginJson(event), group);
        context.endJson(event);
        event.result = code;
    }
}
