package io.ordergate.gateway.groups;

import java.util.ArrayList;
import java.util.List;

import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;

/**
 * One group member as sent ({@code {"account_id", "sizing": {"mode", "value"}, "symbol_suffix", "symbol_map"}}),
 * read first and checked after ({@link #toMember}). <b>Not thread safe</b>: one per member of one request.
 */
final class MemberFields
{
    private static final int MAX_VENUE_SYMBOL = 32;

    private String accountId;
    private boolean sized;
    private String mode;
    private long value = SignalFields.ABSENT;
    private String symbolSuffix;
    private final List<String[]> symbolMap = new ArrayList<>();
    private boolean badSymbolMap;

    static MemberFields ofAccount(final String accountId)
    {
        final MemberFields member = new MemberFields();
        member.accountId = accountId;
        return member;
    }

    /** Reads the member object the reader is at. */
    static MemberFields read(final RequestReader in) throws BadRequest
    {
        final MemberFields member = new MemberFields();
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "account_id": member.accountId = in.id(field, Ids.MAX_LENGTH); break;
                case "sizing": member.readSizing(in); break;
                case "symbol_suffix": member.symbolSuffix = in.string(field, 16); break;
                case "symbol_map": member.readSymbolMap(in); break;
                default: in.unknownField(field);
            }
        }
        return member;
    }

    private void readSizing(final RequestReader in) throws BadRequest
    {
        if (in.isNull() || !in.expectObject("sizing"))
        {
            return;
        }
        sized = true;
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "mode": mode = in.string("sizing.mode", 32); break;
                case "value": value = GroupRequests.decimal(in, "sizing.value"); break;
                default: in.unknownField(field);
            }
        }
    }

    private void readSymbolMap(final RequestReader in) throws BadRequest
    {
        if (in.isNull() || !in.expectObject("symbol_map"))
        {
            return;
        }
        while (in.nextField())
        {
            final String symbol = in.fieldName();
            final String venueSymbol = in.string("symbol_map", MAX_VENUE_SYMBOL);
            if (venueSymbol == null || venueSymbol.isEmpty())
            {
                badSymbolMap = true;
            }
            symbolMap.add(new String[] {symbol, venueSymbol});
        }
    }

    /** The member, checked; {@code pathAccountId} (a single add) wins over the body's account_id. */
    GroupBodies.Member toMember(final String pathAccountId) throws BadRequest
    {
        final String id = pathAccountId != null ? pathAccountId : accountId;
        if (id == null || id.isEmpty())
        {
            throw BadRequest.validation("account_id", "each member needs an account_id");
        }
        if (badSymbolMap)
        {
            throw BadRequest.validation("symbol_map", "symbol_map values must be venue symbols (1 to 32 characters)");
        }
        int sizingMode = GroupBodies.SIZING_DEFAULT;
        long sizingValue = 0;
        if (sized)
        {
            sizingMode = mode == null ? GroupBodies.SIZING_MULTIPLIER : switch (mode.toLowerCase(java.util.Locale.ROOT))
            {
                case "fixed" -> GroupBodies.SIZING_FIXED;
                case "multiplier" -> GroupBodies.SIZING_MULTIPLIER;
                case "risk_percent" -> GroupBodies.SIZING_RISK_PERCENT;
                case "equity_ratio" -> GroupBodies.SIZING_EQUITY_RATIO;
                default -> throw BadRequest.validation("sizing.mode", "sizing.mode must be fixed, multiplier, risk_percent or equity_ratio");
            };
            sizingValue = value;
            if (sizingValue == SignalFields.ABSENT)
            {
                if (sizingMode != GroupBodies.SIZING_MULTIPLIER)
                {
                    throw BadRequest.validation("sizing.value", "sizing.value is required");
                }
                sizingValue = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);  // a multiplier of 1
            }
            if (sizingValue <= 0)
            {
                throw BadRequest.validation("sizing.value", "sizing.value must be greater than 0");
            }
        }
        return new GroupBodies.Member(id, sizingMode, sizingValue, symbolSuffix == null ? "" : symbolSuffix, symbolMap);
    }
}
