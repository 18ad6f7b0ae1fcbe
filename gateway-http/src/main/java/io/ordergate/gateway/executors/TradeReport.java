package io.ordergate.gateway.executors;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.Side;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;

/**
 * Immutable; parsing allocates. An executor's report of a trade opened or closed in its
 * terminal ({@code POST /api/trade} or a WebSocket {@code {"type": "trade"}}), as the command body it travels as:
 * seed 000's camelCase fields, unknown ones ignored.
 */
public record TradeReport(String executorId, int kind, int flags, long ticket, String symbol, int side, long lots, long openPrice,
    long stopLoss, long takeProfit, long magic, long closePrice, long commission, long swap, long profit, String comment, long closedLots,
    long deal) implements RequestBody
{
    /**
     * POST /api/trade or a WebSocket {"type": "trade", ...}: an open report (which for a known ticket also gives its volume
     * and average price now), a partial-close report ({@code closedLots} and {@code deal}, with closePrice and the
     * partial's money; {@code lots} is then what is left), or a close report (closeTime/closePrice/profit).
     */
    public static TradeReport parse(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String executorId = null;
        int flags = 0;
        boolean close = false;
        long ticket = -1;
        String symbol = "";
        int side = 0;
        long lots = 0;
        long openPrice = 0;
        long stopLoss = 0;
        long takeProfit = 0;
        long magic = 0;
        long closePrice = 0;
        long commission = 0;
        long swap = 0;
        long profit = 0;
        String comment = "";
        long closedLots = 0;
        long deal = 0;
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            switch (field)
            {
                case "executorId": executorId = SeedFields.id(in, field); break;
                case "ticket": ticket = SeedFields.ticket(in, field); break;
                case "symbol": symbol = orEmpty(SeedFields.text(in, field)); break;
                case "type":
                case "side":
                    final String type = orEmpty(SeedFields.text(in, field));
                    if (field.equals("type") && type.equals("trade"))
                    {
                        break;  // a WebSocket message's type; the direction then comes as "side"
                    }
                    side = "BUY".equalsIgnoreCase(type) ? Side.BUY.code() : "SELL".equalsIgnoreCase(type) ? Side.SELL.code() : -1;
                    if (side < 0)
                    {
                        in.fail(field, "type must be BUY or SELL");
                    }
                    break;
                case "lots": lots = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_LOTS; break;
                case "openPrice": openPrice = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_OPEN_PRICE; break;
                case "stopLoss": stopLoss = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_STOP_LOSS; break;
                case "takeProfit": takeProfit = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_TAKE_PROFIT; break;
                case "magicNumber": magic = SeedFields.whole(in, field); flags |= ExecutorBodies.TRADE_MAGIC; break;
                case "comment": comment = orEmpty(SeedFields.text(in, field)); break;
                case "closeTime": close = true; in.ignore(); break;
                case "closePrice": close = true; closePrice = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_CLOSE_PRICE; break;
                case "commission": commission = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_COMMISSION; break;
                case "swap": swap = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_SWAP; break;
                case "profit": close = true; profit = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_PROFIT; break;
                case "closedLots": closedLots = SeedFields.decimal(in, field); break;
                case "deal": deal = SeedFields.ticket(in, field); break;
                default: in.ignore();  // strategyId, openTime, pips...
            }
        }
        in.finish();
        if (executorId == null)
        {
            throw BadRequest.validation("executorId", "executorId is required");
        }
        if (ticket < 0)
        {
            throw BadRequest.validation("ticket", "ticket is required");
        }
        if (closedLots != 0)
        {
            if (closedLots < 0)
            {
                throw BadRequest.validation("closedLots", "closedLots must be positive");
            }
            if (deal == 0)
            {
                throw BadRequest.validation("deal", "a partial-close report (closedLots) needs the deal ticket of the partial close");
            }
            return new TradeReport(executorId, ExecutorBodies.TRADE_PARTIAL, flags, ticket, symbol, side, lots, openPrice, stopLoss, takeProfit,
                magic, closePrice, commission, swap, profit, comment, closedLots, deal);
        }
        if (!close && (symbol.isEmpty() || side == 0 || (flags & ExecutorBodies.TRADE_LOTS) == 0 || (flags & ExecutorBodies.TRADE_OPEN_PRICE) == 0))
        {
            throw BadRequest.validation(null, "a trade open report needs symbol, type, lots and openPrice");
        }
        return new TradeReport(executorId, close ? ExecutorBodies.TRADE_CLOSE : ExecutorBodies.TRADE_OPEN, flags, ticket, symbol, side, lots,
            openPrice, stopLoss, takeProfit, magic, closePrice, commission, swap, profit, comment, 0, 0);
    }

    private static String orEmpty(final String text)
    {
        return text == null ? "" : text;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        ExecutorBodies.tradeReport(writer, executorId, kind, flags, ticket, symbol, side, lots, openPrice, stopLoss, takeProfit,
            magic, closePrice, commission, swap, profit, comment, closedLots, deal);
    }
}
