package io.ordergate.exchange.venue;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.Engine;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandType;

/**
 * The engine-thread half of the exchange connector, plugged into an engine before replay: the exchange venue for
 * {@code binance} accounts and a handler for each exchange command. The I/O half (the dialect, the client, the
 * sessions) lives in {@code io.ordergate.exchange.client}, on the connector's own threads.
 * <b>Not thread safe</b>: {@link #install} on the start-up thread; everything after on the engine thread.
 *
 * <pre>
 *   orders and cancels of binance accounts (the Venue SPI)   ─► ExchangeVenue ─► outbox ─► the connector's I/O
 *   EXCHANGE_CREATE_ACCOUNT, EXCHANGE_CREDENTIALS, EXCHANGE_BALANCES,
 *   EXCHANGE_FUTURES_SETTINGS, EXCHANGE_SETTINGS_REPORT        ─► ExchangeAccountFlow
 *   EXCHANGE_CREATE_EXPERT                                     ─► ExchangeExpertCreation (ExchangeAccountFlow, then ExpertRoom)
 *   EXCHANGE_POSITIONS                                         ─► ExchangePositionFlow
 *   EXCHANGE_REPORT, EXCHANGE_RECOVER                         ─► ExchangeFlow
 * </pre>
 */
public final class ExchangeConnector
{
    private ExchangeConnector(final Engine engine)
    {
        final EngineContext context = engine.context();
        final ExchangeAccounts accounts = new ExchangeAccounts(context.config().engine().maxAccounts());
        final ExchangeVenue venue = new ExchangeVenue(context, accounts);
        final ExchangeFlow flow = new ExchangeFlow(context, accounts, venue);
        final ExchangeAccountFlow accountFlow = new ExchangeAccountFlow(context, engine.accountAdmin(), accounts, venue);
        engine.registerVenue(VenueKind.BINANCE, venue);
        engine.registerVenue(VenueKind.OKX, venue);  // one venue, the dialect chosen per account by the connector's I/O
        engine.handle(CommandType.EXCHANGE_CREATE_ACCOUNT, accountFlow::create);
        engine.handle(CommandType.EXCHANGE_CREATE_EXPERT, new ExchangeExpertCreation(accountFlow, engine.experts(), engine.accountRemoval())::create);
        engine.handle(CommandType.EXCHANGE_CREDENTIALS, accountFlow::credentials);
        engine.handle(CommandType.EXCHANGE_BALANCES, accountFlow::balances);
        engine.handle(CommandType.EXCHANGE_SYNC_REQUEST, accountFlow::syncRequest);
        engine.handle(CommandType.EXCHANGE_FUTURES_SETTINGS, accountFlow::futuresSettings);
        engine.handle(CommandType.EXCHANGE_SETTINGS_REPORT, accountFlow::settingsReport);
        engine.handle(CommandType.EXCHANGE_REPORT, flow::report);
        engine.handle(CommandType.EXCHANGE_RECOVER, flow::recover);
        engine.handle(CommandType.EXCHANGE_POSITIONS, new ExchangePositionFlow(context, accounts, venue.workingOrders())::positions);
    }

    public static ExchangeConnector install(final Engine engine)
    {
        return new ExchangeConnector(engine);
    }
}
