package io.ordergate.mt5;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.Engine;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandType;
import io.ordergate.mt5.ea.EaRoom;

/**
 * The engine-thread half of the MT5 connector, plugged into an engine before replay: the executor registry, the
 * command queues, the tickets and the MT5 venue, with a handler for each executor command type.
 * <b>Not thread safe</b>: {@link #install} runs on the start-up thread; everything after on the engine thread.
 *
 * <pre>
 *   CREATE_EXECUTOR, EXECUTOR_HEARTBEAT, EXECUTOR_COMMAND, GET_EXECUTOR, LIST_EXECUTORS, EXECUTOR_SYNC ─► ExecutorFlow
 *   COMMAND_RESULT, RECOVER_ROUTED                                                                     ─► ReportFlow
 *   TRADE_REPORT                                                                                       ─► TradeReportFlow
 *   INVESTOR_CONNECT, _TEST, _SYNC, _DISCONNECT, INVESTOR_STATUS, INVESTOR_OUTCOME                     ─► InvestorFlow
 *   results of CONNECT_INVESTOR, TEST_CONNECTION, SYNC_HISTORY (seed 004)                              ─► InvestorResults
 *   orders, closes, modifies, close-all of mt5 accounts (through the engine's Venue SPI)               ─► Mt5Venue
 * </pre>
 */
public final class Mt5Connector
{
    /**
     * The magic number of every position the gateway opens (in each OPEN_POSITION's parameters): a trade report that
     * carries it is about a command the gateway sent, which no rate limit may refuse.
     */
    public static final long MAGIC_NUMBER = Mt5Venue.MAGIC_NUMBER;

    private final Executors executors;
    private final CommandQueue queue;
    private final Tickets tickets;
    private final Mt5Venue venue;
    /** Seed-004 operations remembered at once (a waiting request always finds its own: a slot is reused once done). */
    private static final int INVESTOR_OPS = 256;

    private Mt5Connector(final Engine engine)
    {
        final EngineContext context = engine.context();
        executors = new Executors(context.config().engine().maxAccounts(), context.config().engine().maxAccounts());
        queue = new CommandQueue(new ExecutorCommands(context.config().engine().maxExecutorCommands()), context.orders());
        final CommandAdmission admission = new CommandAdmission(queue, context.config().executors());
        tickets = new Tickets(context.config().engine().maxTickets(), context.config().engine().maxAccounts());
        final Mt5Book book = new Mt5Book(context, tickets);
        final InvestorLink[] links = new InvestorLink[context.config().engine().maxAccounts()];
        for (int i = 0; i < links.length; i++)
        {
            links[i] = new InvestorLink(i);
        }
        final InvestorOps ops = new InvestorOps(INVESTOR_OPS);
        final HistoryDeals deals = new HistoryDeals(context, tickets, context.config().executors().maxSyncedDeals(),
            context.config().executors().maxForgottenTickets());
        tickets.markForgottenIn(deals);
        final ConnectorRooms rooms = new ConnectorRooms(links, ops, deals, EaRoom.install(engine, executors));
        venue = new Mt5Venue(context, executors, queue, tickets, book, rooms, admission);
        final ExecutorFlow executorFlow = new ExecutorFlow(context, executors, queue, admission);
        final ReportFlow reportFlow = new ReportFlow(context, executors, queue, tickets, book);
        final TradeReportFlow tradeReports = new TradeReportFlow(context, executors, tickets, book, new DealLessParts(queue.commands()));
        final InvestorFlow investor = new InvestorFlow(context, executors, queue, links, ops, admission);
        reportFlow.investorResults(new InvestorResults(context, links, ops, deals, investor));

        engine.registerVenue(VenueKind.MT5, venue);
        engine.handle(CommandType.CREATE_EXECUTOR, executorFlow::create);
        engine.handle(CommandType.EXECUTOR_HEARTBEAT, executorFlow::heartbeat);
        engine.handle(CommandType.EXECUTOR_COMMAND, executorFlow::command);
        engine.handle(CommandType.GET_EXECUTOR, executorFlow::get);
        engine.handle(CommandType.LIST_EXECUTORS, executorFlow::list);
        engine.handle(CommandType.EXECUTOR_SYNC, executorFlow::sync);
        engine.handle(CommandType.COMMAND_RESULT, reportFlow::commandResult);
        engine.handle(CommandType.TRADE_REPORT, tradeReports::tradeReport);
        engine.handle(CommandType.RECOVER_ROUTED, reportFlow::recoverRouted);
        engine.handle(CommandType.INVESTOR_CONNECT, investor::connect);
        engine.handle(CommandType.INVESTOR_TEST, investor::test);
        engine.handle(CommandType.INVESTOR_SYNC, investor::sync);
        engine.handle(CommandType.INVESTOR_DISCONNECT, investor::disconnect);
        engine.handle(CommandType.INVESTOR_STATUS, investor::status);
        engine.handle(CommandType.INVESTOR_OUTCOME, investor::outcome);
    }

    /** Plugs the connector into the engine; call before replay so replay rebuilds the executors and their queues. */
    public static Mt5Connector install(final Engine engine)
    {
        return new Mt5Connector(engine);
    }

    /** For tests and start-up checks on the owning thread only. */
    public Executors executors()
    {
        return executors;
    }

    public ExecutorCommands commands()
    {
        return queue.commands();
    }

    public Tickets tickets()
    {
        return tickets;
    }
}
