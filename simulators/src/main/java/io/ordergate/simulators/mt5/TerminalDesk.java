package io.ordergate.simulators.mt5;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import io.ordergate.simulators.SimulatorJson;

/**
 * The simulated terminal's command desk: each command the gateway pushes is answered once, by the broker (orders,
 * control), the investor side (seed 004) or the EA agent (seed 002 jobs), its first result remembered (and kept on disk
 * before it is sent) so a re-delivered id gets the same answer; then the trade reports it caused. Trades made by hand
 * in the terminal go through here too. <b>Not thread safe</b>: the terminal's one thread, except {@link #byHand} and
 * {@link #holdResults}, which hand their work to it.
 */
final class TerminalDesk
{
    private final SimulatedBroker broker;
    private final SimulatedInvestor investor;
    private final FirstResults results;
    private final ScheduledExecutorService thread;
    private final Consumer<String> sender;
    private final List<String> held = new ArrayList<>();
    private volatile boolean holdResults;

    TerminalDesk(final SimulatedBroker broker, final SimulatedInvestor investor, final FirstResults results, final ScheduledExecutorService thread,
        final Consumer<String> sender)
    {
        this.broker = broker;
        this.investor = investor;
        this.results = results;
        this.thread = thread;
        this.sender = sender;
    }

    @SuppressWarnings("unchecked")
    void command(final Map<String, Object> command)
    {
        final String id = (String)command.get("id");
        Map<String, Object> result = results.get(id);
        final List<Map<String, Object>> reports = new ArrayList<>();
        if (result == null)
        {
            final int tradesBefore = broker.tradesDone();
            final boolean pausedBefore = broker.paused();
            final Object parameters = command.get("parameters");
            final String type = (String)command.get("command");
            final Map<String, Object> values = parameters instanceof Map ? (Map<String, Object>)parameters : Map.of();
            final Map<String, Object> executed = SimulatedInvestor.COMMANDS.contains(type) ? investor.execute(type, values)
                : broker.execute(type, values, reports);
            final boolean changed = broker.tradesDone() != tradesBefore || broker.paused() != pausedBefore;
            results.remember(id, executed, changed ? () -> broker.snapshot(id, executed) : null);
            result = executed;
        }
        final Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "command_result");
        message.put("commandId", id);
        message.put("status", Boolean.TRUE.equals(result.get("success")) ? "executed" : "failed");
        message.put("result", result);
        final String resultText = SimulatorJson.write(message);
        if (holdResults)
        {
            held.add(resultText);
        }
        else
        {
            sender.accept(resultText);
        }
        for (final Map<String, Object> report : reports)
        {
            sender.accept(SimulatorJson.write(report));
        }
    }

    /** While held, results are computed (and remembered) but not sent. */
    void holdResults(final boolean hold)
    {
        holdResults = hold;
        if (!hold)
        {
            thread.execute(() ->
            {
                final List<String> pending = new ArrayList<>(held);
                held.clear();
                pending.forEach(sender);
            });
        }
    }

    /** A trade made by hand in the terminal, on the terminal's thread: kept on disk, then its reports sent. Bounded wait. */
    void byHand(final Function<List<Map<String, Object>>, Map<String, Object>> trade)
    {
        try
        {
            thread.submit(() ->
            {
                final List<Map<String, Object>> reports = new ArrayList<>();
                final Map<String, Object> result = trade.apply(reports);
                if (!Boolean.TRUE.equals(result.get("success")))
                {
                    throw new IllegalStateException(String.valueOf(result.get("message")));
                }
                results.saveState(() -> broker.snapshot("by-hand", result));
                reports.forEach(report -> sender.accept(SimulatorJson.write(report)));
                return null;
            }).get(5, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            if (ex instanceof InterruptedException)
            {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the trade by hand failed: " + ex.getMessage(), ex);
        }
    }
}
