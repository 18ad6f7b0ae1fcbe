package io.ordergate.simulators.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/v3/myTrades}: an account's fills in one symbol, as Binance documents the route. {@code orderId}
 * narrows them to one order's; {@code fromId} lists from that trade id on, oldest first; otherwise the most recent
 * {@code limit} (500 by default, at most 1000); {@code startTime} and {@code endTime} bound the fill time (at most
 * 24 hours apart). Ascending by trade id, like Binance. Called under the {@link SpotMarket}'s lock.
 */
final class AccountTrades
{
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;
    private static final long MAX_SPAN_MILLIS = 24 * 60 * 60 * 1000L;

    private AccountTrades()
    {
    }

    static List<Object> list(final SpotMarket market, final SpotAccount account, final Params params)
    {
        final String symbol = params.mandatory("symbol");
        market.rules(symbol);  // an unknown symbol is -1121, as on every symbol route
        final long orderId = params.optionalLong("orderId", -1);
        final long fromId = params.optionalLong("fromId", -1);
        final long startTime = params.optionalLong("startTime", -1);
        final long endTime = params.optionalLong("endTime", -1);
        final long limit = params.optionalLong("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT)
        {
            throw ExchangeError.badRequest(-1100, "Illegal characters found in parameter 'limit'; legal range is '1-" + MAX_LIMIT + "'.");
        }
        if (startTime >= 0 && endTime >= 0 && endTime - startTime > MAX_SPAN_MILLIS)
        {
            throw ExchangeError.badRequest(-1127, "More than 24 hours between startTime and endTime.");
        }
        final List<SpotAnswers.AccountTrade> found = new ArrayList<>();
        for (final SpotOrder order : market.orders(account))
        {
            if (!order.rules.symbol().equals(symbol) || orderId >= 0 && order.orderId != orderId)
            {
                continue;
            }
            for (final SpotAnswers.AccountTrade trade : order.trades)
            {
                if ((fromId < 0 || trade.fill().tradeId() >= fromId) && (startTime < 0 || trade.time() >= startTime)
                    && (endTime < 0 || trade.time() <= endTime))
                {
                    found.add(trade);
                }
            }
        }
        found.sort(Comparator.comparingLong(trade -> trade.fill().tradeId()));
        // from an id: the first ones from it; otherwise the most recent ones
        final int from = fromId >= 0 ? 0 : Math.max(0, found.size() - (int)limit);
        final int to = fromId >= 0 ? Math.min(found.size(), (int)limit) : found.size();
        final List<Object> answer = new ArrayList<>();
        for (final SpotAnswers.AccountTrade trade : found.subList(from, to))
        {
            answer.add(SpotAnswers.accountTrade(trade));
        }
        return answer;
    }
}
