package io.ordergate.gateway.groups;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * {@code POST /api/v1/groups/{group_id}/orders} and seed 003's {@code POST /api/v1/trading/group/{group_id}/execute}:
 * API.md's order fields (with seed 003's {@code order_type}, {@code size}) plus {@code risk_percentage} and
 * {@code leverage} (margin-based sizing when no stop is given). Immutable once decoded.
 */
final class GroupOrderRequest implements RequestBody
{
    private final String groupId;
    private final SignalFields signal;
    private final String clientOrderId;

    private GroupOrderRequest(final String groupId, final SignalFields signal, final String clientOrderId)
    {
        this.groupId = groupId;
        this.signal = signal;
        this.clientOrderId = clientOrderId;
    }

    static GroupOrderRequest decode(final RequestReader in, final byte[] body, final int length, final String groupId) throws BadRequest
    {
        in.begin(body, length, false);
        String symbol = null;
        String side = null;
        String type = null;
        String timeInForce = null;
        String clientOrderId = null;
        long quantity = SignalFields.ABSENT;
        long size = SignalFields.ABSENT;
        long riskPercent = SignalFields.ABSENT;
        long leverage = SignalFields.ABSENT;
        long price = SignalFields.ABSENT;
        long stopLoss = SignalFields.ABSENT;
        long takeProfit = SignalFields.ABSENT;
        long stopLossPips = SignalFields.ABSENT;
        long takeProfitPips = SignalFields.ABSENT;
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "symbol": symbol = in.string(field, 32); break;
                case "side": side = in.string(field, 8); break;
                case "type":
                case "order_type": type = in.string(field, 16); break;
                case "time_in_force": timeInForce = in.string(field, 8); break;
                case "quantity": quantity = GroupRequests.decimal(in, field); break;
                case "size": size = GroupRequests.decimal(in, field); break;
                case "risk_percentage": riskPercent = GroupRequests.decimal(in, field); break;
                case "leverage": leverage = GroupRequests.decimal(in, field); break;
                case "price": price = GroupRequests.decimal(in, field); break;
                case "stop_loss": stopLoss = stopPrice(in, field); break;
                case "take_profit": takeProfit = stopPrice(in, field); break;
                case "stop_loss_pips": stopLossPips = GroupRequests.decimal(in, field); break;
                case "take_profit_pips": takeProfitPips = GroupRequests.decimal(in, field); break;
                case "client_order_id": clientOrderId = in.string(field, 64); break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        final SignalFields signal = new SignalFields();
        signal.symbol(required(symbol, "symbol"));
        signal.side(required(side, "side"), "side");
        signal.type(type, "type");
        if (timeInForce != null)
        {
            signal.timeInForce(timeInForce);
        }
        signal.quantity(quantity != SignalFields.ABSENT ? quantity : size, "quantity");
        signal.riskPercent(riskPercent, "risk_percentage");
        signal.leverage(leverage, "leverage");
        signal.price(price);
        signal.stops(stopLoss, takeProfit, stopLossPips, takeProfitPips);
        if (!signal.hasSize())
        {
            throw BadRequest.validation("quantity", "quantity or risk_percentage is required");
        }
        return new GroupOrderRequest(groupId, signal, clientOrderId == null ? "" : SignalFields.key(clientOrderId, "client_order_id"));
    }

    /**
     * A stop or target price: above 0, or left out / null for none. Seed 003's {@code "take_profit": 0} is the type
     * placeholder its body shows for every number (its {@code risk_percentage} and {@code leverage} are 0 there too),
     * not a "none": a 0 would reach each member as a target at zero and fail there, so it is refused here, once.
     */
    private static long stopPrice(final RequestReader in, final String field) throws BadRequest
    {
        final long value = GroupRequests.decimal(in, field);
        if (value != SignalFields.ABSENT && value <= 0)
        {
            in.fail(field, field + " must be a price above 0 (leave it out or null for none)");
            return SignalFields.ABSENT;
        }
        return value;
    }

    private static String required(final String value, final String field) throws BadRequest
    {
        if (value == null || value.isEmpty())
        {
            throw BadRequest.validation(field, field + " is required");
        }
        return value;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        GroupBodies.groupOrderHead(writer, groupId);
        signal.encode(writer);
        writer.putString(clientOrderId);
    }
}
