package io.ordergate.simulators.mt5;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.ordergate.simulators.SimulatorJson;

/**
 * The simulated terminal's broker side: positions by ticket, fills at the prices of its {@link PriceSource},
 * profit and balance, and the answer to every command type, with the trade reports a real terminal sends.
 *
 * <p><b>Not thread safe</b>: owned by the terminal's one thread ({@code og-sim-terminal}), or by the caller of
 * {@link SimulatedTerminal#handle} for a terminal that was never started. The trade count and the next ticket are
 * atomics only so tests may read them from another thread.
 */
final class SimulatedBroker
{
    private record Position(String symbol, boolean buy, BigDecimal lots, BigDecimal openPrice, BigDecimal sl, BigDecimal tp)
    {
    }

    private final String executorId;
    private final PriceSource prices;
    private final AtomicLong nextTicket = new AtomicLong(System.currentTimeMillis() / 10);
    private final Map<Long, Position> positions = new LinkedHashMap<>();
    private final AtomicInteger trades = new AtomicInteger();
    private final SimulatedHistory history = new SimulatedHistory();
    private boolean paused;
    /** Cash balance as a terminal reports it (realized profit booked in), or null when not told a starting one. */
    private BigDecimal balance;
    private volatile CloseCharges charges = CloseCharges.NONE;

    SimulatedBroker(final String executorId, final PriceSource prices)
    {
        this.executorId = executorId;
        this.prices = prices;
    }

    void charges(final CloseCharges closeCharges)
    {
        charges = closeCharges;
    }

    /** The deals of every trade, for SYNC_HISTORY. */
    SimulatedHistory history()
    {
        return history;
    }

    /** A new ticket (orders, deals and positions share the counter, as at a broker). */
    long nextTicket()
    {
        return nextTicket.incrementAndGet();
    }

    /** How many times the broker actually traded (opened, closed or modified). */
    int tradesDone()
    {
        return trades.get();
    }

    boolean paused()
    {
        return paused;
    }

    /** The cash balance, or null when not told a starting one. */
    BigDecimal balance()
    {
        return balance;
    }

    void balance(final BigDecimal startingBalance)
    {
        this.balance = startingBalance;
    }

    int openPositions()
    {
        return positions.size();
    }

    /** Tickets of the open positions, in opening order. */
    List<Long> openTickets()
    {
        return List.copyOf(positions.keySet());
    }

    /**
     * Takes back a snapshot written by {@link #snapshot}: the positions, next ticket (only ever raised), paused flag
     * and balance (when the snapshot has one).
     */
    @SuppressWarnings("unchecked")
    void restore(final Map<String, Object> state)
    {
        final BigDecimal next = SimulatorJson.decimal(state.get("nextTicket"));
        if (next != null && next.longValueExact() > nextTicket.get())
        {
            nextTicket.set(next.longValueExact());
        }
        paused = Boolean.TRUE.equals(state.get("paused"));
        if (state.get("balance") != null)
        {
            balance = SimulatorJson.decimal(state.get("balance"));
        }
        history.restore((List<Object>)state.getOrDefault("deals", List.of()));
        positions.clear();
        for (final Object item : (List<Object>)state.getOrDefault("positions", List.of()))
        {
            final Map<String, Object> p = (Map<String, Object>)item;
            positions.put(Long.parseLong(String.valueOf(p.get("ticket"))), new Position((String)p.get("symbol"), "BUY".equals(p.get("side")),
                SimulatorJson.decimal(p.get("lots")), SimulatorJson.decimal(p.get("openPrice")), SimulatorJson.decimal(p.get("sl")), SimulatorJson.decimal(p.get("tp"))));
        }
    }

    /** The state to keep on disk, naming the command that changed it and its result. */
    Map<String, Object> snapshot(final String commandId, final Map<String, Object> result)
    {
        final List<Object> open = new ArrayList<>();
        for (final Map.Entry<Long, Position> entry : positions.entrySet())
        {
            final Position position = entry.getValue();
            final Map<String, Object> p = new LinkedHashMap<>();
            p.put("ticket", Long.toString(entry.getKey()));
            p.put("symbol", position.symbol());
            p.put("side", position.buy() ? "BUY" : "SELL");
            p.put("lots", position.lots());
            p.put("openPrice", position.openPrice());
            p.put("sl", position.sl());
            p.put("tp", position.tp());
            open.add(p);
        }
        final Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("nextTicket", nextTicket.get());
        snapshot.put("paused", paused);
        snapshot.put("balance", balance);
        snapshot.put("positions", open);
        snapshot.put("deals", history.snapshot());
        snapshot.put("lastCommandId", commandId);
        snapshot.put("lastResult", result);
        return snapshot;
    }

    Map<String, Object> execute(final String type, final Map<String, Object> parameters, final List<Map<String, Object>> reports)
    {
        try
        {
            switch (type)
            {
                case "OPEN_POSITION": return open(parameters, reports);
                case "CLOSE_POSITION":
                {
                    final long ticket = Long.parseLong(String.valueOf(parameters.get("ticket")));
                    return close(ticket, SimulatorJson.decimal(parameters.get("lots")), reports);
                }
                case "MODIFY_POSITION": return modify(parameters);
                case "CLOSE_ALL_POSITIONS":
                case "STOP_ALL": return closeAll(reports, type.equals("STOP_ALL"));
                case "PAUSE": paused = true; return ok("trading paused", Map.of());
                case "RESUME": paused = false; return ok("trading resumed", Map.of());
                case "RESTART": return ok("restart acknowledged (simulated)", Map.of());
                case "GET_STATUS": return ok("status", Map.of("paused", paused, "openPositions", positions.size()));
                default: return failed("Unknown command");
            }
        }
        catch (final RuntimeException ex)
        {
            return failed("invalid parameters: " + ex.getMessage());
        }
    }

    private Map<String, Object> open(final Map<String, Object> parameters, final List<Map<String, Object>> reports)
    {
        if (paused)
        {
            return failed("trading is paused");
        }
        final String symbol = (String)parameters.get("symbol");
        final boolean buy = "BUY".equals(parameters.get("type"));
        final BigDecimal lots = SimulatorJson.decimal(parameters.get("lots"));
        final BigDecimal[] quote = symbol == null ? null : prices.bidAsk(symbol);
        if (quote == null || lots == null || lots.signum() <= 0)
        {
            return failed(quote == null ? "no price for " + symbol : "lots must be positive");
        }
        final BigDecimal price = buy ? quote[1] : quote[0];
        final long ticket = nextTicket.incrementAndGet();
        final BigDecimal sl = SimulatorJson.decimal(parameters.get("sl"));
        final BigDecimal tp = SimulatorJson.decimal(parameters.get("tp"));
        positions.put(ticket, new Position(symbol, buy, lots, price, sl, tp));
        trades.incrementAndGet();
        history.add(new SimulatedHistory.Deal(nextTicket.incrementAndGet(), ticket, symbol, buy, true, lots, price, System.currentTimeMillis(),
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));

        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("type", "trade");
        report.put("executorId", executorId);
        report.put("ticket", Long.toString(ticket));
        report.put("symbol", symbol);
        report.put("side", buy ? "BUY" : "SELL");
        report.put("lots", lots);
        report.put("openTime", Instant.now().toString());
        report.put("openPrice", price);
        report.put("stopLoss", sl == null ? BigDecimal.ZERO : sl);
        report.put("takeProfit", tp == null ? BigDecimal.ZERO : tp);
        report.put("magicNumber", parameters.getOrDefault("magicNumber", BigDecimal.ZERO));
        report.put("comment", "ordergate sim");
        // On the socket "type" names the message, so the trade's direction (seed 000's "type") travels as "side".
        reports.add(report);
        return ok("position opened", Map.of("ticket", Long.toString(ticket), "price", price, "lots", lots));
    }

    private Map<String, Object> close(final long ticket, final BigDecimal lots, final List<Map<String, Object>> reports)
    {
        return close(ticket, lots, reports, false);
    }

    /**
     * Closes the position, or {@code lots} of it. By command, a partial close is told in its result only; by hand
     * ({@code byHand}), a partial close is told in a partial-close trade report (closedLots, deal), as a real
     * executor reports a volume reduced in the terminal. A whole close always sends a close report.
     */
    Map<String, Object> close(final long ticket, final BigDecimal lots, final List<Map<String, Object>> reports, final boolean byHand)
    {
        final Position position = positions.get(ticket);
        if (position == null)
        {
            return failed("no open position with ticket " + ticket);
        }
        final BigDecimal[] quote = prices.bidAsk(position.symbol());
        if (quote == null)
        {
            return failed("no price for " + position.symbol());
        }
        final BigDecimal price = position.buy() ? quote[0] : quote[1];
        final BigDecimal closing = lots == null || lots.compareTo(position.lots()) >= 0 ? position.lots() : lots;
        final BigDecimal profit = price.subtract(position.openPrice()).multiply(closing).multiply(contractSize(position.symbol()))
            .multiply(position.buy() ? BigDecimal.ONE : BigDecimal.ONE.negate()).setScale(2, RoundingMode.HALF_EVEN);
        final BigDecimal commission = charges.commission(closing);
        final BigDecimal swap = charges.swap(closing);
        trades.incrementAndGet();
        if (balance != null)
        {
            balance = balance.add(profit).add(commission).add(swap);
        }
        final long deal = nextTicket.incrementAndGet();
        history.add(new SimulatedHistory.Deal(deal, ticket, position.symbol(), !position.buy(), false, closing, price, System.currentTimeMillis(),
            profit, commission, swap));
        final boolean partial = closing.compareTo(position.lots()) < 0;
        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("type", "trade");
        report.put("executorId", executorId);
        report.put("ticket", Long.toString(ticket));
        report.put("closePrice", price);
        report.put("commission", commission);
        report.put("swap", swap);
        report.put("profit", profit);
        if (partial)
        {
            positions.put(ticket, new Position(position.symbol(), position.buy(), position.lots().subtract(closing), position.openPrice(),
                position.sl(), position.tp()));
            report.put("closedLots", closing);
            report.put("deal", Long.toString(deal));
            report.put("lots", position.lots().subtract(closing));
            if (byHand)
            {
                reports.add(report);
            }
        }
        else
        {
            positions.remove(ticket);
            report.put("closeTime", Instant.now().toString());
            reports.add(report);
        }
        return ok("position closed", Map.of("ticket", Long.toString(ticket), "price", price, "profit", profit, "deal", Long.toString(deal),
            "partial", partial));
    }

    /** A position grown by hand (a netting account adding to it): the open report tells its volume and average price. */
    Map<String, Object> grow(final long ticket, final BigDecimal lots, final List<Map<String, Object>> reports)
    {
        final Position position = positions.get(ticket);
        final BigDecimal[] quote = position == null ? null : prices.bidAsk(position.symbol());
        if (quote == null)
        {
            return failed("no open position with ticket " + ticket + " or no price");
        }
        final BigDecimal price = position.buy() ? quote[1] : quote[0];
        final BigDecimal total = position.lots().add(lots);
        final BigDecimal average = position.openPrice().multiply(position.lots()).add(price.multiply(lots))
            .divide(total, 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        positions.put(ticket, new Position(position.symbol(), position.buy(), total, average, position.sl(), position.tp()));
        trades.incrementAndGet();
        history.add(new SimulatedHistory.Deal(nextTicket.incrementAndGet(), ticket, position.symbol(), position.buy(), true, lots, price,
            System.currentTimeMillis(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("type", "trade");
        report.put("executorId", executorId);
        report.put("ticket", Long.toString(ticket));
        report.put("symbol", position.symbol());
        report.put("side", position.buy() ? "BUY" : "SELL");
        report.put("lots", total);
        report.put("openPrice", average);
        reports.add(report);
        return ok("position grown", Map.of("ticket", Long.toString(ticket), "lots", total));
    }

    /** Profit of every open position at the current prices (a position without a price counts 0). */
    BigDecimal unrealizedProfit()
    {
        BigDecimal total = BigDecimal.ZERO;
        for (final Position position : positions.values())
        {
            final BigDecimal[] quote = prices.bidAsk(position.symbol());
            if (quote != null)
            {
                final BigDecimal price = position.buy() ? quote[0] : quote[1];
                total = total.add(price.subtract(position.openPrice()).multiply(position.lots()).multiply(contractSize(position.symbol()))
                    .multiply(position.buy() ? BigDecimal.ONE : BigDecimal.ONE.negate()));
            }
        }
        return total.setScale(2, RoundingMode.HALF_EVEN);
    }

    private Map<String, Object> modify(final Map<String, Object> parameters)
    {
        final long ticket = Long.parseLong(String.valueOf(parameters.get("ticket")));
        final Position position = positions.get(ticket);
        final BigDecimal sl = SimulatorJson.decimal(parameters.get("sl"));
        final String why = position == null ? "no open position with ticket " + ticket : TerminalStops.refusal(prices, position.symbol(), position.buy(), sl);
        if (why != null)
        {
            return failed(why);  // a terminal's checks: the ticket, then the stop (TerminalStops)
        }
        positions.put(ticket, new Position(position.symbol(), position.buy(), position.lots(), position.openPrice(), sl,
            SimulatorJson.decimal(parameters.get("tp"))));
        trades.incrementAndGet();
        return ok("position modified", Map.of("ticket", Long.toString(ticket)));
    }

    private Map<String, Object> closeAll(final List<Map<String, Object>> reports, final boolean stop)
    {
        int closed = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (final Long ticket : new ArrayList<>(positions.keySet()))
        {
            final Map<String, Object> result = close(ticket, null, reports);
            if (Boolean.TRUE.equals(result.get("success")))
            {
                closed++;
                @SuppressWarnings("unchecked")
                final Map<String, Object> details = (Map<String, Object>)result.get("details");
                total = total.add((BigDecimal)details.get("profit"));
            }
        }
        if (stop)
        {
            paused = true;
        }
        return ok("All positions closed successfully", Map.of("closedPositions", closed, "totalProfit", total));
    }

    private static BigDecimal contractSize(final String symbol)
    {
        if (symbol.startsWith("XAU"))
        {
            return BigDecimal.valueOf(100);
        }
        if (symbol.startsWith("BTC") || symbol.startsWith("ETH"))
        {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(100_000);
    }

    private static Map<String, Object> ok(final String message, final Map<String, Object> details)
    {
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", Boolean.TRUE);
        result.put("message", message);
        result.put("details", details);
        return result;
    }

    private static Map<String, Object> failed(final String message)
    {
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", Boolean.FALSE);
        result.put("message", message);
        return result;
    }
}
