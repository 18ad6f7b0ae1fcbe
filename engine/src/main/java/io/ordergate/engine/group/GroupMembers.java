package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * <b>Not thread safe</b>: owned by the engine thread. Admin commands, so the bulk answer may allocate.
 * Adds members to a group (one, or in bulk with an outcome per account) and removes one; each change restarts the
 * group's drawdown high-water mark.
 */
final class GroupMembers
{
    private final EngineContext context;
    private final GroupAccess access;
    private final GroupJson json;
    private final DrawdownGuard drawdown;
    private final MemberReader members;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    GroupMembers(
        final EngineContext context, final GroupAccess access, final GroupJson json, final DrawdownGuard drawdown, final MemberReader members)
    {
        this.context = context;
        this.access = access;
        this.json = json;
        this.drawdown = drawdown;
        this.members = members;
    }

    void add(final CommandEvent event)
    {
        final Group group = access.adminGroup(event, reader, text);
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
            json.answer(event, group, ResultCode.CREATED);
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

    void remove(final CommandEvent event)
    {
        final Group group = access.adminGroup(event, reader, text);
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
        json.answer(event, group, ResultCode.OK);
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
}
