package io.ordergate.engine;

import java.util.HashMap;
import java.util.Map;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.venue.paper.PaperVenue;

/**
 * A futures exchange as the engine sees one, for scenarios: it fills market orders at the gateway's quotes like the paper
 * venue (booked on the engine's net positions, as the exchange venue's fills are) and holds each symbol at the leverage a
 * scenario set for it ({@code futures-leverage BTCUSD 10}), the way an exchange account holds a symbol at the leverage
 * an expert asked for, whatever the account's own.
 */
final class FuturesLeverageVenue implements Venue
{
    private final PaperVenue fills;
    private final Map<String, Integer> leverageBySymbol = new HashMap<>();

    FuturesLeverageVenue(final EngineContext context)
    {
        this.fills = new PaperVenue(context);
    }

    void leverage(final String symbol, final int leverage)
    {
        leverageBySymbol.put(symbol, leverage);
    }

    @Override
    public ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
    {
        return fills.route(order, account, instrument, event);
    }

    @Override
    public int positionLeverage(final Account account, final Instrument instrument)
    {
        return leverageBySymbol.getOrDefault(instrument.symbol, account.leverage);
    }
}
