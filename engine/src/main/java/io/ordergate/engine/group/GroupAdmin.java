package io.ordergate.engine.group;

import java.util.function.Consumer;
import java.util.function.Predicate;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.FixedPoint;

/**
 * <b>Not thread safe</b>: owned by the engine thread. Admin commands, so they may allocate (names, member tables).
 * A group's life: create, update, delete, pause and resume. Members one at a time are {@link GroupMembers}.
 */
final class GroupAdmin
{
    private final EngineContext context;
    private final Groups groups;
    private final GroupAccess access;
    private final GroupJson json;
    private final DrawdownGuard drawdown;
    private final MemberReader members;
    private final FanOuts fanOuts;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    /** Scratch for the members of a create or update, so an invalid command changes nothing. */
    private Member[] pending = new Member[16];
    // The rest of a create or update body, read by readSettings: admin path, so the strings are new each time.
    private int mask;
    private String name;
    private String description;
    private long maxDrawdown;
    private long riskLimit;
    private int memberCount;
    /** Set by the bot flow: whether a bot that is not stopped targets a group (such a group cannot be deleted). */
    private Predicate<Group> targetedByBot;
    /** Set by the bot flow: a deleted group's stopped bots forget it. */
    private Consumer<Group> deleted;
    private long targetRoi;

    GroupAdmin(
        final EngineContext context, final Groups groups, final GroupAccess access, final GroupJson json, final DrawdownGuard drawdown,
        final MemberReader members, final FanOuts fanOuts)
    {
        this.context = context;
        this.groups = groups;
        this.access = access;
        this.json = json;
        this.drawdown = drawdown;
        this.members = members;
        this.fanOuts = fanOuts;
    }

    void targetedByBot(final Predicate<Group> test, final Consumer<Group> onDeleted)
    {
        this.targetedByBot = test;
        this.deleted = onDeleted;
    }

    void create(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
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
        if (!readSettings(event))
        {
            return;
        }
        final Group group = new Group(id, memberCount, event.wallMicros());
        group.name = name.isEmpty() ? id : name;
        group.description = description;
        group.maxDrawdownPct = (mask & GroupBodies.SET_MAX_DRAWDOWN) != 0 ? maxDrawdown : 0;
        group.riskLimitPct = (mask & GroupBodies.SET_RISK_LIMIT) != 0 ? riskLimit : 0;
        group.targetMonthlyRoiPct = (mask & GroupBodies.SET_TARGET_ROI) != 0 ? targetRoi : Group.NO_TARGET;
        for (int i = 0; i < memberCount; i++)
        {
            group.add(pending[i]);
        }
        groups.add(group);
        drawdown.resetPeak(group);
        json.answer(event, group, ResultCode.CREATED);
    }

    void update(final CommandEvent event)
    {
        final Group group = access.adminGroup(event, reader, text);
        if (group == null)
        {
            return;
        }
        if (!readSettings(event))
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
        if ((mask & GroupBodies.SET_TARGET_ROI) != 0)
        {
            group.targetMonthlyRoiPct = targetRoi;
        }
        if ((mask & GroupBodies.SET_MEMBERS) != 0)
        {
            group.clearMembers();
            for (int i = 0; i < memberCount; i++)
            {
                group.add(pending[i]);
            }
            drawdown.resetPeak(group);
        }
        group.updatedAtMicros = event.wallMicros();
        json.answer(event, group, ResultCode.OK);
    }

    void delete(final CommandEvent event)
    {
        final Group group = access.adminGroup(event, reader, text);
        if (group == null)
        {
            return;
        }
        if (targetedByBot != null && targetedByBot.test(group))
        {
            event.reject(ResultCode.CONFLICT, "a bot that is not stopped targets this group: point the bot elsewhere or stop it first",
                "group_id");
            return;
        }
        groups.remove(group);
        if (GroupBodies.deleteRules(reader, event.frameLength()) == GroupBodies.DELETE_RULES_KEYS_RETIRED)
        {
            fanOuts.retireOwner(FanOut.KIND_GROUP_ORDER, group.id);
        }
        if (deleted != null)
        {
            deleted.accept(group);
        }
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(true);
        out.name("message").string("Group deleted successfully");
        out.name("data").startObject().name("group_id").string(group.id).endObject();
        out.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    void pauseOrResume(final CommandEvent event)
    {
        final Group group = access.adminGroup(event, reader, text);
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
        json.answer(event, group, ResultCode.OK);
    }


    /**
     * Reads the settings of a create or update body (mask, name, description, risk, members) into the fields above;
     * rejects and answers false when a member or a risk value is invalid.
     */
    private boolean readSettings(final CommandEvent event)
    {
        mask = reader.readInt();
        name = reader.readString(text).toString();
        description = reader.readString(text).toString();
        maxDrawdown = reader.readLong();
        riskLimit = reader.readLong();
        memberCount = readMembers(event);
        // Seed 003's target_monthly_roi follows the members when given (absent in commands journaled before it).
        targetRoi = memberCount >= 0 && (mask & GroupBodies.SET_TARGET_ROI) != 0 ? reader.readLong() : 0;
        return memberCount >= 0 && validRisk(event, maxDrawdown, riskLimit);
    }

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
        final long hundred = 100 * FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);
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
}
