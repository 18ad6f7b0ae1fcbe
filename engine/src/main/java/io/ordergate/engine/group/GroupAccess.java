package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;

/**
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 * Who may touch a group: admins change groups; a group is visible to a principal that may see every member.
 */
final class GroupAccess
{
    private final EngineContext context;
    private final Groups groups;

    GroupAccess(final EngineContext context, final Groups groups)
    {
        this.context = context;
        this.groups = groups;
    }

    /**
     * Reads the group id at the start of the body into {@code text}, leaving {@code reader} after it; rejects and
     * answers null unless admin and found.
     */
    Group adminGroup(final CommandEvent event, final BodyReader reader, final AsciiView text)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Group group = groups.find(reader.readString(text));
        if (!context.principals().requireAdmin(event))
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
}
