package io.ordergate.gateway.orders;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.OrderView;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/** Decoders of the position routes' bodies (a close, a change of stops). Stateless. */
final class PositionRequests
{
    private PositionRequests()
    {
    }

    /** POST /api/v1/positions/{id}/close: an optional quantity. */
    public record ClosePosition(long positionId, boolean hasQuantity, long quantity) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.closePosition(writer, positionId, hasQuantity, quantity);
        }
    }

    /** Seed 002's whole close, scoped to its broker connection (an account) when one is named. */
    public record AccountClosePosition(long positionId, String accountId) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            if (accountId == null)
            {
                CommandBodies.closePosition(writer, positionId, false, 0);
            }
            else
            {
                CommandBodies.accountClose(writer, positionId, accountId);
            }
        }
    }

    public static ClosePosition closePosition(final RequestReader in, final byte[] body, final int length, final long positionId) throws BadRequest
    {
        if (length == 0)
        {
            return new ClosePosition(positionId, false, 0);
        }
        in.begin(body, length, false);
        long quantity = RequestReader.NULL;
        while (in.nextField())
        {
            final String name = in.fieldName();
            if (name.equals("quantity"))
            {
                quantity = in.positiveDecimal(name);
            }
            else
            {
                in.unknownField(name);
            }
        }
        in.finish();
        final boolean has = quantity != RequestReader.NULL;
        return new ClosePosition(positionId, has, has ? quantity : 0);
    }

    /** PATCH /api/v1/positions/{id}: absent leaves a level as it is, null removes it. */
    public record ModifyPosition(long positionId, int flags, long stopLoss, long takeProfit) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.modifyPosition(writer, positionId, flags, stopLoss, takeProfit);
        }
    }

    public static ModifyPosition modifyPosition(final RequestReader in, final byte[] body, final int length, final long positionId) throws BadRequest
    {
        in.begin(body, length, false);
        int flags = 0;
        long stopLoss = OrderView.NONE;
        long takeProfit = OrderView.NONE;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "stop_loss":
                    flags |= CommandBodies.MODIFY_STOP_LOSS;
                    final long sl = in.positiveDecimal(name);
                    stopLoss = sl == RequestReader.NULL || sl == RequestReader.BAD ? OrderView.NONE : sl;
                    break;
                case "take_profit":
                    flags |= CommandBodies.MODIFY_TAKE_PROFIT;
                    final long tp = in.positiveDecimal(name);
                    takeProfit = tp == RequestReader.NULL || tp == RequestReader.BAD ? OrderView.NONE : tp;
                    break;
                default:
                    in.unknownField(name);
            }
        }
        if (flags == 0)
        {
            in.fail(null, "give stop_loss and/or take_profit (null removes one)");
        }
        in.finish();
        return new ModifyPosition(positionId, flags, stopLoss, takeProfit);
    }

}
