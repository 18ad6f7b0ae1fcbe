package io.ordergate.mt5;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.Engine;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandType;

/**
 * The engine-thread half of the MT5 connector, plugged into an engine before replay: the executor registry, the
 * command queues, the tickets and the MT5 venue, with a handler for each executor command type.
 * <b>Not thread safe</b>: {@link #install} runs on the start-up thread; everything after on the engine thread.
 *
 * <pre>
 *   CREATE_EXECUTOR, EXECUTOR_HEARTBEAT, EXECUTOR_COMMAND, GET_EXECUTOR, LIST_EXECUTORS, EXECUTOR_SYNC ─► ExecutorFlow
 *   COMMAND_RESULT, RECOVER_ROUTED                                                                     ─► ReportFlow
 *   TRADE_REPORT                                                                                       ─► TradeReportFlow
 *   orders, closes, modifies, close-all of mt5 accounts (through the engine's Venue SPI)               ─► Mt5Venue
 * </pre>
 */
public final class Mt5Connector
{
    private final Executors executors;
    private final CommandQueue queue;
    private final Tickets tickets;
    private final Mt5Venue venue;

    private Mt5Connector(final Engine engine)
    {
        final EngineContext context = engine.context();
        executors = new Executors(context.config().engine().maxAccounts(), context.config().engine().maxAccounts());
        queue = new CommandQueue(new ExecutorCommands(context.config().engine().maxExecutorCommands()));
        tickets = new Tickets(context.config().engine().maxTickets(), context.config().engine().maxAccounts());
        final Mt5Book book = new Mt5Book(context, tickets);
        venue = new Mt5Venue(context, executors, queue, tickets, book);
        final ExecutorFlow executorFlow = new ExecutorFlow(context, executors, queue);
        final ReportFlow reportFlow = new ReportFlow(context, executors, queue, tickets, book);
        final TradeReportFlow tradeReports = new TradeReportFlow(context, executors, tickets, book);

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
