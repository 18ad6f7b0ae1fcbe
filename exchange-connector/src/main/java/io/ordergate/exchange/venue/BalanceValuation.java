package io.ordergate.exchange.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.Money;

/**
 * What an exchange account's assets are worth in the account's currency: the currency itself and the stablecoins
 * pegged to it one for one, every other asset at the bid of the instrument that prices it in one of those
 * ({@code BTCUSDT} for BTC in a USD account). Assets nothing prices are left out and named. Deterministic: the quotes
 * are the engine's at this point of the journal. <b>Not thread safe</b>: engine thread; admin paths (allocates).
 */
final class BalanceValuation
{
    /** The worth in money units, and the assets left out. */
    record Worth(long money, List<String> unvalued)
    {
    }

    private static final Set<String> USD_PEGGED = Set.of("USD", "USDT", "USDC", "BUSD", "FDUSD", "TUSD");

    private final EngineContext context;

    BalanceValuation(final EngineContext context)
    {
        this.context = context;
    }

    Worth worth(final Account account, final Map<String, long[]> balances)
    {
        long money = 0;
        final List<String> unvalued = new ArrayList<>();
        for (final Map.Entry<String, long[]> balance : balances.entrySet())
        {
            final long amount = balance.getValue()[0] + balance.getValue()[1];
            if (amount == 0)
            {
                continue;
            }
            if (isCash(account, balance.getKey()))
            {
                money += FixedPoint.rescale(amount, ExchangeBodies.EXCHANGE_DIGITS, Money.DIGITS);
                continue;
            }
            final Instrument pricing = pricing(account, balance.getKey());
            if (pricing == null)
            {
                unvalued.add(balance.getKey());
                continue;
            }
            // amount (8 digits) x bid (price digits) -> money (2 digits)
            money += FixedPoint.mulDiv(amount, pricing.bid, FixedPoint.pow10(ExchangeBodies.EXCHANGE_DIGITS + pricing.priceDigits - Money.DIGITS));
        }
        return new Worth(money, unvalued);
    }

    private static boolean isCash(final Account account, final String asset)
    {
        return asset.equals(account.currency) || ("USD".equals(account.currency) && USD_PEGGED.contains(asset));
    }

    /** The quoted instrument pricing an asset in the account's cash: {@code <asset><cash>} for each cash asset. */
    private Instrument pricing(final Account account, final String asset)
    {
        final List<String> cash = "USD".equals(account.currency) ? List.of("USDT", "USDC", "USD", "FDUSD", "BUSD", "TUSD") : List.of(account.currency);
        for (final String quote : cash)
        {
            final Instrument instrument = context.instruments().find(asset + quote);
            if (instrument != null && instrument.hasQuote())
            {
                return instrument;
            }
        }
        return null;
    }
}
