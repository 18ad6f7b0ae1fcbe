package io.ordergate.gateway.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;

/**
 * Decodes the JSON of the group and bot routes into command bodies ({@link GroupBodies}). Admin paths: allocates
 * freely. Stateless: safe from any thread.
 */
public final class GroupRequests
{
    private GroupRequests()
    {
    }

    /** POST /api/v1/groups and PATCH /api/v1/groups/{id} (path id wins; create needs one). */
    public static RequestBody group(final Map<String, Object> body, final String pathId, final boolean create) throws BadRequest
    {
        final String groupId = pathId != null ? pathId : JsonTree.id(body, "group_id");
        if (groupId == null)
        {
            throw BadRequest.validation("group_id", "group_id is required");
        }
        int mask = 0;
        final String name = JsonTree.string(body, "name", 128);
        final String description = JsonTree.string(body, "description", 1024);
        mask |= name != null ? GroupBodies.SET_NAME : 0;
        mask |= description != null ? GroupBodies.SET_DESCRIPTION : 0;
        final Map<String, Object> risk = JsonTree.objectField(body, "risk");
        long maxDrawdown = risk != null ? JsonTree.decimal(risk, "max_drawdown_pct") : JsonTree.ABSENT;
        if (maxDrawdown == JsonTree.ABSENT)
        {
            maxDrawdown = JsonTree.decimal(body, "max_drawdown");  // seed 003's top-level name
        }
        long riskLimit = risk != null ? JsonTree.decimal(risk, "risk_limit") : JsonTree.ABSENT;
        if (riskLimit == JsonTree.ABSENT)
        {
            riskLimit = JsonTree.decimal(body, "risk_limit");
        }
        mask |= maxDrawdown != JsonTree.ABSENT ? GroupBodies.SET_MAX_DRAWDOWN : 0;
        mask |= riskLimit != JsonTree.ABSENT ? GroupBodies.SET_RISK_LIMIT : 0;
        final List<GroupBodies.Member> members = new ArrayList<>();
        final List<Object> memberList = JsonTree.list(body, "members");
        final List<Object> accountList = JsonTree.list(body, "accounts");
        if (memberList != null)
        {
            for (final Object item : memberList)
            {
                if (!(item instanceof Map))
                {
                    throw BadRequest.validation("members", "each member must be an object");
                }
                @SuppressWarnings("unchecked")
                final Map<String, Object> member = (Map<String, Object>)item;
                members.add(member(member, null));
            }
            mask |= GroupBodies.SET_MEMBERS;
        }
        else if (accountList != null)
        {
            for (final Object item : accountList)
            {
                members.add(defaultMember(item, "accounts"));
            }
            mask |= GroupBodies.SET_MEMBERS;
        }
        final int finalMask = mask;
        final long drawdown = maxDrawdown == JsonTree.ABSENT ? 0 : maxDrawdown;
        final long limit = riskLimit == JsonTree.ABSENT ? 0 : riskLimit;
        final String groupName = name == null ? "" : name;
        final String groupDescription = description == null ? "" : description;
        return writer -> GroupBodies.group(writer, groupId, finalMask, groupName, groupDescription, drawdown, limit, members);
    }

    /** One member object; {@code pathAccountId} (single add) wins over the body's account_id. */
    public static GroupBodies.Member member(final Map<String, Object> member, final String pathAccountId) throws BadRequest
    {
        final String accountId = pathAccountId != null ? pathAccountId : JsonTree.id(member, "account_id");
        if (accountId == null)
        {
            throw BadRequest.validation("account_id", "each member needs an account_id");
        }
        int mode = GroupBodies.SIZING_DEFAULT;
        long value = 0;
        final Map<String, Object> sizing = JsonTree.objectField(member, "sizing");
        if (sizing != null)
        {
            final String modeName = JsonTree.string(sizing, "mode", 32);
            mode = modeName == null ? GroupBodies.SIZING_MULTIPLIER : switch (modeName)
            {
                case "fixed" -> GroupBodies.SIZING_FIXED;
                case "multiplier" -> GroupBodies.SIZING_MULTIPLIER;
                case "risk_percent" -> GroupBodies.SIZING_RISK_PERCENT;
                case "equity_ratio" -> GroupBodies.SIZING_EQUITY_RATIO;
                default -> throw BadRequest.validation("sizing.mode", "sizing.mode must be fixed, multiplier, risk_percent or equity_ratio");
            };
            value = JsonTree.decimal(sizing, "value");
            if (value == JsonTree.ABSENT)
            {
                if (mode != GroupBodies.SIZING_MULTIPLIER)
                {
                    throw BadRequest.validation("sizing.value", "sizing.value is required");
                }
                value = NewOrderBody.WIRE_DIGITS == 8 ? 100_000_000L : 0;
            }
            if (value <= 0)
            {
                throw BadRequest.validation("sizing.value", "sizing.value must be greater than 0");
            }
        }
        final String suffix = JsonTree.string(member, "symbol_suffix", 16);
        final Map<String, Object> map = JsonTree.objectField(member, "symbol_map");
        final List<String[]> entries = new ArrayList<>();
        if (map != null)
        {
            for (final Map.Entry<String, Object> entry : map.entrySet())
            {
                if (!(entry.getValue() instanceof String) || ((String)entry.getValue()).isEmpty() || ((String)entry.getValue()).length() > 32)
                {
                    throw BadRequest.validation("symbol_map", "symbol_map values must be venue symbols (1 to 32 characters)");
                }
                entries.add(new String[] {entry.getKey(), (String)entry.getValue()});
            }
        }
        return new GroupBodies.Member(accountId, mode, value, suffix == null ? "" : suffix, entries);
    }

    static GroupBodies.Member defaultMember(final Object item, final String field) throws BadRequest
    {
        if (!(item instanceof String) || !io.ordergate.gateway.json.RequestReader.isId((String)item, 64))
        {
            throw BadRequest.validation(field, field + " must be a list of account ids");
        }
        return new GroupBodies.Member((String)item, GroupBodies.SIZING_DEFAULT, 0, "", List.of());
    }

    /** POST /api/v1/groups/{id}/accounts {"account_ids": [...]} (bulk, default sizing multiplier 1). */
    public static RequestBody bulkAdd(final Map<String, Object> body, final String groupId) throws BadRequest
    {
        final List<Object> ids = JsonTree.list(body, "account_ids");
        if (ids == null || ids.isEmpty())
        {
            throw BadRequest.validation("account_ids", "account_ids must be a non-empty list");
        }
        final List<GroupBodies.Member> members = new ArrayList<>();
        for (final Object item : ids)
        {
            members.add(item instanceof Map ? member(castMap(item), null) : defaultMember(item, "account_ids"));
        }
        return writer -> GroupBodies.addMembers(writer, groupId, true, members);
    }

    /** POST /api/v1/groups/{id}/accounts/{account_id} (body: a member, may be empty). */
    public static RequestBody singleAdd(final Map<String, Object> body, final String groupId, final String accountId) throws BadRequest
    {
        final GroupBodies.Member member = member(body, accountId);
        return writer -> GroupBodies.addMembers(writer, groupId, false, List.of(member));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(final Object item)
    {
        return (Map<String, Object>)item;
    }

    /** The order fields of a group order (API.md's single order fields, plus risk_percentage). */
    public static RequestBody groupOrder(final Map<String, Object> body, final String groupId) throws BadRequest
    {
        final SignalFields signal = SignalFields.fromOrderJson(body);
        final String clientOrderId = JsonTree.string(body, "client_order_id", 64);
        return writer ->
        {
            GroupBodies.groupOrderHead(writer, groupId);
            signal.encode(writer);
            writer.putString(clientOrderId == null ? "" : clientOrderId);
        };
    }

    /** The order part of a group order or webhook signal, checked. */
    public static final class SignalFields
    {
        String symbol = "";
        Side side;
        OrderType type = OrderType.MARKET;
        TimeInForce timeInForce;
        int flags;
        long quantity;
        long price;
        long stopLoss;
        long takeProfit;
        long stopLossPips;
        long takeProfitPips;
        long riskPercent;

        static SignalFields fromOrderJson(final Map<String, Object> body) throws BadRequest
        {
            final SignalFields s = new SignalFields();
            s.symbol = required(JsonTree.string(body, "symbol", 32), "symbol");
            s.side(required(JsonTree.string(body, "side", 8), "side"), "side");
            final String type = JsonTree.string(body, "type", 16) != null ? JsonTree.string(body, "type", 16) : JsonTree.string(body, "order_type", 16);
            s.type(type);
            final String tif = JsonTree.string(body, "time_in_force", 8);
            if (tif != null)
            {
                s.timeInForce = switch (tif.toLowerCase())
                {
                    case "gtc" -> TimeInForce.GTC;
                    case "ioc" -> TimeInForce.IOC;
                    case "fok" -> TimeInForce.FOK;
                    default -> throw BadRequest.validation("time_in_force", "time_in_force must be gtc, ioc or fok");
                };
            }
            long quantity = JsonTree.decimal(body, "quantity");
            if (quantity == JsonTree.ABSENT)
            {
                quantity = JsonTree.decimal(body, "size");
            }
            s.quantity(quantity, "quantity");
            s.riskPercent(JsonTree.decimal(body, "risk_percentage"), "risk_percentage");
            s.price(JsonTree.decimal(body, "price"));
            s.stops(JsonTree.decimal(body, "stop_loss"), JsonTree.decimal(body, "take_profit"),
                JsonTree.decimal(body, "stop_loss_pips"), JsonTree.decimal(body, "take_profit_pips"));
            if ((s.flags & (GroupBodies.HAS_QUANTITY | GroupBodies.HAS_RISK_PERCENT)) == 0)
            {
                throw BadRequest.validation("quantity", "quantity or risk_percentage is required");
            }
            return s;
        }

        static String required(final String value, final String field) throws BadRequest
        {
            if (value == null || value.isEmpty())
            {
                throw BadRequest.validation(field, field + " is required");
            }
            return value;
        }

        void side(final String text, final String field) throws BadRequest
        {
            side = switch (text.toLowerCase())
            {
                case "buy", "long" -> Side.BUY;
                case "sell", "short" -> Side.SELL;
                default -> throw BadRequest.validation(field, field + " must be buy or sell");
            };
        }

        void type(final String text) throws BadRequest
        {
            if (text == null || text.isEmpty())
            {
                return;
            }
            type = switch (text.toLowerCase())
            {
                case "market" -> OrderType.MARKET;
                case "limit" -> OrderType.LIMIT;
                case "stop" -> OrderType.STOP;
                default -> throw BadRequest.validation("type", "type must be market, limit or stop");
            };
        }

        void quantity(final long value, final String field) throws BadRequest
        {
            if (value == JsonTree.ABSENT)
            {
                return;
            }
            if (value <= 0)
            {
                throw BadRequest.validation(field, field + " must be greater than 0");
            }
            quantity = value;
            flags |= GroupBodies.HAS_QUANTITY;
        }

        void riskPercent(final long value, final String field) throws BadRequest
        {
            if (value == JsonTree.ABSENT)
            {
                return;
            }
            if (value <= 0 || value > 100_00000000L)
            {
                throw BadRequest.validation(field, field + " must be above 0 and at most 100");
            }
            riskPercent = value;
            flags |= GroupBodies.HAS_RISK_PERCENT;
        }

        void price(final long value)
        {
            if (value != JsonTree.ABSENT)
            {
                price = value;
                flags |= NewOrderBody.HAS_PRICE;
            }
        }

        void stops(final long sl, final long tp, final long slPips, final long tpPips) throws BadRequest
        {
            if (sl != JsonTree.ABSENT && slPips != JsonTree.ABSENT || tp != JsonTree.ABSENT && tpPips != JsonTree.ABSENT)
            {
                throw BadRequest.validation("stop_loss", "give a stop as a price or in pips, not both");
            }
            if (sl != JsonTree.ABSENT)
            {
                stopLoss = sl;
                flags |= NewOrderBody.HAS_STOP_LOSS;
            }
            if (tp != JsonTree.ABSENT)
            {
                takeProfit = tp;
                flags |= NewOrderBody.HAS_TAKE_PROFIT;
            }
            if (slPips != JsonTree.ABSENT)
            {
                stopLossPips = slPips;
                flags |= NewOrderBody.HAS_STOP_LOSS_PIPS;
            }
            if (tpPips != JsonTree.ABSENT)
            {
                takeProfitPips = tpPips;
                flags |= NewOrderBody.HAS_TAKE_PROFIT_PIPS;
            }
        }

        void encode(final io.ordergate.engine.command.BodyWriter writer)
        {
            GroupBodies.signal(writer, symbol, side, type, timeInForce, flags, quantity, price, stopLoss, takeProfit,
                stopLossPips, takeProfitPips, riskPercent);
        }
    }
}
