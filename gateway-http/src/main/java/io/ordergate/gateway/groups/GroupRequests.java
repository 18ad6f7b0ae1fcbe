package io.ordergate.gateway.groups;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.group.Group;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * Decoders of the group routes' bodies into command bodies ({@link GroupBodies}): a group (create or change), its
 * members, a group order. Each reads the whole body first (so a body that is not JSON is INVALID_JSON whatever came
 * before), then checks what it read. Admin paths: allocates freely. Stateless.
 */
final class GroupRequests
{
    private static final int OBJECTS = 1;
    private static final int IDS = 2;

    private GroupRequests()
    {
    }

    /**
     * POST /api/v1/groups and PATCH /api/v1/groups/{group_id} (the path's id wins; a creation needs one, or with
     * {@code makeId} — seed 003's {@code POST /groups/}, which names groups only — one is made).
     */
    static RequestBody group(final RequestReader in, final byte[] body, final int length, final String pathId, final boolean makeId)
        throws BadRequest
    {
        in.begin(body, length, false);
        String groupId = null;
        String name = null;
        String description = null;
        long drawdownPct = SignalFields.ABSENT;
        long riskLimitPct = SignalFields.ABSENT;
        long seedDrawdown = SignalFields.ABSENT;
        long seedRiskLimit = SignalFields.ABSENT;
        long targetRoi = SignalFields.ABSENT;
        boolean targetGiven = false;
        List<MemberFields> memberObjects = null;
        List<MemberFields> accountIds = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "group_id": groupId = in.id(field, Ids.MAX_LENGTH); break;
                case "name": name = in.string(field, 128); break;
                case "description": description = in.string(field, 1024); break;
                case "risk":
                    if (!in.isNull() && in.expectObject(field))
                    {
                        while (in.nextField())
                        {
                            final String limit = in.fieldName();
                            switch (limit)
                            {
                                case "max_drawdown_pct": drawdownPct = decimal(in, "risk.max_drawdown_pct"); break;
                                case "risk_limit": riskLimitPct = decimal(in, "risk.risk_limit"); break;
                                default: in.unknownField(limit);
                            }
                        }
                    }
                    break;
                case "max_drawdown": seedDrawdown = decimal(in, field); break;  // seed 003's names, at the top
                case "risk_limit": seedRiskLimit = decimal(in, field); break;
                case "target_monthly_roi":  // seed 003's, reported against the return; null removes it (0 is a target)
                    targetRoi = in.decimal(field);
                    targetGiven = targetRoi != RequestReader.BAD;
                    targetRoi = targetRoi == RequestReader.NULL ? Group.NO_TARGET : targetRoi;
                    break;
                case "members": memberObjects = memberList(in, field, OBJECTS); break;
                case "accounts": accountIds = memberList(in, field, IDS); break;  // seed 003: account ids, default sizing
                default: in.unknownField(field);
            }
        }
        in.finish();
        final List<MemberFields> members = memberObjects != null ? memberObjects : accountIds;
        final String id = pathId != null ? pathId : groupId != null ? groupId
            : makeId ? "grp_" + Secrets.newKey().substring(Secrets.KEY_PREFIX.length(), Secrets.KEY_PREFIX.length() + 12) : null;
        if (id == null)
        {
            throw BadRequest.validation("group_id", "group_id is required");
        }
        final long drawdown = drawdownPct != SignalFields.ABSENT ? drawdownPct : seedDrawdown;
        final long riskLimit = riskLimitPct != SignalFields.ABSENT ? riskLimitPct : seedRiskLimit;
        final int mask = (name != null ? GroupBodies.SET_NAME : 0) | (description != null ? GroupBodies.SET_DESCRIPTION : 0)
            | (drawdown != SignalFields.ABSENT ? GroupBodies.SET_MAX_DRAWDOWN : 0) | (riskLimit != SignalFields.ABSENT ? GroupBodies.SET_RISK_LIMIT : 0)
            | (members != null ? GroupBodies.SET_MEMBERS : 0) | (targetGiven ? GroupBodies.SET_TARGET_ROI : 0);
        final List<GroupBodies.Member> checked = members(members, null);
        final String groupName = name == null ? "" : name;
        final String groupDescription = description == null ? "" : description;
        final long finalDrawdown = drawdown == SignalFields.ABSENT ? 0 : drawdown;
        final long finalRiskLimit = riskLimit == SignalFields.ABSENT ? 0 : riskLimit;
        final long finalTargetRoi = targetGiven ? targetRoi : Group.NO_TARGET;
        return writer -> GroupBodies.group(writer, id, mask, groupName, groupDescription, finalDrawdown, finalRiskLimit, checked, finalTargetRoi);
    }

    /** POST /api/v1/groups/{group_id}/accounts {"account_ids": [ids or member objects]} (default sizing multiplier 1). */
    static RequestBody bulkAdd(final RequestReader in, final byte[] body, final int length, final String groupId) throws BadRequest
    {
        in.begin(body, length, false);
        List<MemberFields> members = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (field.equals("account_ids"))
            {
                members = memberList(in, field, OBJECTS | IDS);
            }
            else
            {
                in.unknownField(field);
            }
        }
        in.finish();
        if (members == null || members.isEmpty())
        {
            throw BadRequest.validation("account_ids", "account_ids must be a non-empty list");
        }
        final List<GroupBodies.Member> checked = members(members, null);
        return writer -> GroupBodies.addMembers(writer, groupId, true, checked);
    }

    /** POST /api/v1/groups/{group_id}/accounts/{account_id}: the body is a member (may be empty). */
    static RequestBody singleAdd(final RequestReader in, final byte[] body, final int length, final String groupId, final String accountId)
        throws BadRequest
    {
        MemberFields member = new MemberFields();
        if (length > 0)
        {
            in.begin(body, length, false);
            member = MemberFields.read(in);
            in.finish();
        }
        final GroupBodies.Member checked = member.toMember(accountId);
        return writer -> GroupBodies.addMembers(writer, groupId, false, List.of(checked));
    }

    /** A list of member objects ({@link #OBJECTS}) or account ids ({@link #IDS}) or either; null for JSON null. */
    private static List<MemberFields> memberList(final RequestReader in, final String field, final int allowed) throws BadRequest
    {
        if (in.isNull() || !in.expectArray(field))
        {
            return null;
        }
        final List<MemberFields> members = new ArrayList<>();
        while (in.nextElement())
        {
            if ((allowed & OBJECTS) != 0 && in.token() == JsonToken.START_OBJECT)
            {
                members.add(MemberFields.read(in));
            }
            else if ((allowed & IDS) == 0)
            {
                in.fail(field, "each member must be an object");
                in.ignore();
            }
            else
            {
                final String accountId = in.id(field, Ids.MAX_LENGTH);
                members.add(MemberFields.ofAccount(accountId == null ? "" : accountId));
            }
        }
        return members;
    }

    private static List<GroupBodies.Member> members(final List<MemberFields> members, final String pathAccountId) throws BadRequest
    {
        final List<GroupBodies.Member> checked = new ArrayList<>();
        if (members != null)
        {
            for (final MemberFields member : members)
            {
                checked.add(member.toMember(pathAccountId));
            }
        }
        return checked;
    }

    /** A decimal, {@link SignalFields#ABSENT} for null (a wrong one is recorded). */
    static long decimal(final RequestReader in, final String field) throws BadRequest
    {
        final long value = in.decimal(field);
        return value == RequestReader.NULL || value == RequestReader.BAD ? SignalFields.ABSENT : value;
    }
}
