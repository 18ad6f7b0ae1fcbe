package io.ordergate.mt5.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A simulated MT5 terminal with its executor: a real executor over the network that speaks seed 000 on the
 * gateway's WebSocket ({@code GET /api/executor/{id}/stream}). It keeps positions by ticket, fills at the prices
 * of its {@link PriceSource}, answers every command type, reports trades, answers a command id it has seen with
 * its FIRST result instead of trading again, heartbeats, and reconnects with backoff when the gateway goes away.
 *
 * <p>Threads: one, {@code og-sim-terminal}, does everything (connect, heartbeat, commands, sends), so the
 * terminal's state needs no locks; the WebSocket's listener only hands messages to it. Every wait is bounded.
 *
 * <p>Memory: by default only in this process. With {@link #persistTo} (standalone: {@code --state-dir DIR}) its
 * first results and its positions are kept in files ({@link TerminalStore}): each result is on disk before it is
 * sent, so a terminal killed with its process and started again still answers a re-delivered command id with
 * its first result instead of trading again, and can still close the tickets it opened.
 *
 * <p>Run standalone: {@code java -cp ordergate.jar io.ordergate.mt5.sim.SimulatedTerminal --url http://127.0.0.1:8080
 * --executor-id ID [--state-dir DIR]} with {@code ORDERGATE_EXECUTOR_KEY}/{@code ORDERGATE_EXECUTOR_SECRET} and, for prices,
 * {@code ORDERGATE_QUOTE_KEY}/{@code ORDERGATE_QUOTE_SECRET} (a read-scoped API key of the account).
 */
public final class SimulatedTerminal implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(SimulatedTerminal.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final long SEND_TIMEOUT_SECONDS = 5;

    /** Where and who: the gateway's base URL and the executor's credentials. */
    public record Settings(URI baseUrl, String executorId, String apiKey, String apiSecret, int heartbeatSeconds)
    {
        @Override
        public String toString()
        {
            return "Settings{" + baseUrl + ", executor " + executorId + "}";  // never the secret
        }
    }

    private record Position(String symbol, boolean buy, BigDecimal lots, BigDecimal openPrice, BigDecimal sl, BigDecimal tp)
    {
    }

    private final Settings settings;
    private final PriceSource prices;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "og-sim-terminal");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong nextTicket = new AtomicLong(System.currentTimeMillis() / 10);
    private final Map<Long, Position> positions = new LinkedHashMap<>();
    /** First result per command id: a repeat is answered with it, never traded again. */
    private final Map<String, Map<String, Object>> results = new ConcurrentHashMap<>();
    private final AtomicInteger trades = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile WebSocket socket;
    private volatile boolean holdResults;
    private final List<String> held = new ArrayList<>();
    private boolean paused;
    private TerminalStore store;
    /** Cash balance as a terminal reports it (realized profit booked in), or null when not told a starting one. */
    private BigDecimal balance;
    private long backoffMillis = 100;
    private volatile boolean closed;

    public SimulatedTerminal(final Settings settings, final PriceSource prices)
    {
        this.settings = settings;
        this.prices = prices;
    }

    /** The account's starting cash balance, so heartbeats carry accountBalance/accountEquity as a real terminal's do. */
    public SimulatedTerminal balance(final BigDecimal startingBalance)
    {
        this.balance = startingBalance;
        return this;
    }

    /**
     * Keeps the terminal's memory in files and loads what they hold now: first results by command id, and the
     * positions, next ticket, paused flag and balance (a saved balance replaces one given to {@link #balance}).
     * Call before {@link #start}.
     *
     * @param resultsFile append-only, one line per first result: {@code commandId<TAB>resultJSON}
     * @param stateFile   a JSON snapshot of the positions, rewritten atomically after each change
     */
    @SuppressWarnings("unchecked")
    public SimulatedTerminal persistTo(final Path resultsFile, final Path stateFile)
    {
        store = new TerminalStore(resultsFile, stateFile);
        results.putAll(store.results());
        final Map<String, Object> state = store.state();
        if (state != null)
        {
            final BigDecimal next = MiniJson.decimal(state.get("nextTicket"));
            if (next != null && next.longValueExact() > nextTicket.get())
            {
                nextTicket.set(next.longValueExact());
            }
            paused = Boolean.TRUE.equals(state.get("paused"));
            if (state.get("balance") != null)
            {
                balance = MiniJson.decimal(state.get("balance"));
            }
            positions.clear();
            for (final Object item : (List<Object>)state.getOrDefault("positions", List.of()))
            {
                final Map<String, Object> p = (Map<String, Object>)item;
                positions.put(Long.parseLong(String.valueOf(p.get("ticket"))), new Position((String)p.get("symbol"), "BUY".equals(p.get("side")),
                    MiniJson.decimal(p.get("lots")), MiniJson.decimal(p.get("openPrice")), MiniJson.decimal(p.get("sl")), MiniJson.decimal(p.get("tp"))));
            }
        }
        return this;
    }

    /** A terminal in state directory {@code dir}: {@code dir/results.log} and {@code dir/positions.json}. */
    public SimulatedTerminal persistIn(final Path dir)
    {
        return persistTo(dir.resolve("results.log"), dir.resolve("positions.json"));
    }

    /** Connects (and keeps reconnecting) in the background; returns at once. */
    public SimulatedTerminal start()
    {
        thread.execute(this::connect);
        thread.scheduleWithFixedDelay(this::heartbeat, settings.heartbeatSeconds(), settings.heartbeatSeconds(), TimeUnit.SECONDS);
        return this;
    }

    // ---- for tests and the demo ----

    /** How many times the terminal actually traded (opened, closed or modified). */
    public int tradesDone()
    {
        return trades.get();
    }

    /** How many times a WebSocket was opened. */
    public int connections()
    {
        return connections.get();
    }

    public boolean isConnected()
    {
        return socket != null;
    }

    /** Tickets of the open positions, in opening order. */
    public List<Long> openTickets()
    {
        return List.copyOf(positions.keySet());
    }

    /** The first result sent for a command id, or null. */
    public Map<String, Object> result(final String commandId)
    {
        return results.get(commandId);
    }

    /** While held, results are computed (and remembered) but not sent: a way to see a gateway die mid-command. */
    public void holdResults(final boolean hold)
    {
        holdResults = hold;
        if (!hold)
        {
            thread.execute(() ->
            {
                final List<String> pending = new ArrayList<>(held);
                held.clear();
                pending.forEach(this::send);
            });
        }
    }

    // ---- connection ----

    private void connect()
    {
        if (closed || socket != null)
        {
            return;
        }
        final URI base = settings.baseUrl();
        final String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        final URI uri = URI.create(scheme + "://" + base.getAuthority() + "/api/executor/" + settings.executorId() + "/stream");
        try
        {
            final WebSocket ws = client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .header("X-API-Key", settings.apiKey())
                .header("X-API-Secret", settings.apiSecret())
                .buildAsync(uri, new Listener())
                .get(5, TimeUnit.SECONDS);
            socket = ws;
            connections.incrementAndGet();
            backoffMillis = 100;
            heartbeat();
        }
        catch (final Exception ex)
        {
            if (ex instanceof InterruptedException)
            {
                Thread.currentThread().interrupt();
            }
            reconnectLater();
        }
    }

    private void reconnectLater()
    {
        socket = null;
        if (!closed)
        {
            final long delay = backoffMillis;
            backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
            thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void heartbeat()
    {
        if (socket == null)
        {
            return;
        }
        final Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", "ordergate-sim-1.0");
        metadata.put("platform", "MT5");
        metadata.put("openPositions", positions.size());
        if (balance != null)
        {
            metadata.put("accountBalance", balance);
            metadata.put("accountEquity", balance.add(unrealizedProfit()));
        }
        final Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "heartbeat");
        message.put("status", paused ? "paused" : "online");
        message.put("metadata", metadata);
        send(MiniJson.write(message));
    }

    private void send(final String text)
    {
        final WebSocket ws = socket;
        if (ws == null)
        {
            return;
        }
        try
        {
            ws.sendText(text, true).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            if (ex instanceof InterruptedException)
            {
                Thread.currentThread().interrupt();
            }
            ws.abort();
            reconnectLater();
        }
    }

    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                final String text = partial.toString();
                partial.setLength(0);
                thread.execute(() -> onMessage(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            thread.execute(() ->
            {
                if (socket == webSocket)
                {
                    reconnectLater();
                }
            });
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            thread.execute(() ->
            {
                if (socket == webSocket)
                {
                    reconnectLater();
                }
            });
        }
    }

    // ---- commands ----

    @SuppressWarnings("unchecked")
    private void onMessage(final String text)
    {
        final Map<String, Object> message;
        try
        {
            message = (Map<String, Object>)MiniJson.parse(text);
        }
        catch (final java.io.IOException ex)
        {
            return;
        }
        if (message.get("pendingCommands") instanceof List)
        {
            for (final Object command : (List<Object>)message.get("pendingCommands"))
            {
                command((Map<String, Object>)command);
            }
        }
        else if (message.containsKey("id") && message.containsKey("command"))
        {
            command(message);
        }
        else if ("error".equals(message.get("type")))
        {
            LOG.fine(() -> "gateway error: " + message.get("code"));
        }
    }

    @SuppressWarnings("unchecked")
    private void command(final Map<String, Object> command)
    {
        final String id = (String)command.get("id");
        Map<String, Object> result = results.get(id);
        final List<Map<String, Object>> reports = new ArrayList<>();
        if (result == null)
        {
            final int tradesBefore = trades.get();
            final boolean pausedBefore = paused;
            final Object parameters = command.get("parameters");
            result = execute((String)command.get("command"), parameters instanceof Map ? (Map<String, Object>)parameters : Map.of(), reports);
            if (store != null)
            {
                // On disk before it is sent: the changed state (naming this command) first, then the result line.
                if (trades.get() != tradesBefore || paused != pausedBefore)
                {
                    store.writeState(snapshot(id, result));
                }
                store.appendResult(id, result);
            }
            results.put(id, result);
        }
        final Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "command_result");
        message.put("commandId", id);
        message.put("status", Boolean.TRUE.equals(result.get("success")) ? "executed" : "failed");
        message.put("result", result);
        final String resultText = MiniJson.write(message);
        if (holdResults)
        {
            held.add(resultText);
        }
        else
        {
            send(resultText);
        }
        for (final Map<String, Object> report : reports)
        {
            send(MiniJson.write(report));
        }
    }

    private Map<String, Object> snapshot(final String commandId, final Map<String, Object> result)
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
        snapshot.put("lastCommandId", commandId);
        snapshot.put("lastResult", result);
        return snapshot;
    }

    /** Handles one gateway message on the caller's thread, for tests of a terminal that was never started. */
    void handle(final String text)
    {
        onMessage(text);
    }

    private Map<String, Object> execute(final String type, final Map<String, Object> parameters, final List<Map<String, Object>> reports)
    {
        try
        {
            switch (type)
            {
                case "OPEN_POSITION": return open(parameters, reports);
                case "CLOSE_POSITION":
                {
                    final long ticket = Long.parseLong(String.valueOf(parameters.get("ticket")));
                    return close(ticket, MiniJson.decimal(parameters.get("lots")), reports);
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
        final BigDecimal lots = MiniJson.decimal(parameters.get("lots"));
        final BigDecimal[] quote = symbol == null ? null : prices.bidAsk(symbol);
        if (quote == null || lots == null || lots.signum() <= 0)
        {
            return failed(quote == null ? "no price for " + symbol : "lots must be positive");
        }
        final BigDecimal price = buy ? quote[1] : quote[0];
        final long ticket = nextTicket.incrementAndGet();
        final BigDecimal sl = MiniJson.decimal(parameters.get("sl"));
        final BigDecimal tp = MiniJson.decimal(parameters.get("tp"));
        positions.put(ticket, new Position(symbol, buy, lots, price, sl, tp));
        trades.incrementAndGet();

        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("type", "trade");
        report.put("executorId", settings.executorId());
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
        trades.incrementAndGet();
        if (balance != null)
        {
            balance = balance.add(profit);
        }
        if (closing.compareTo(position.lots()) < 0)
        {
            positions.put(ticket, new Position(position.symbol(), position.buy(), position.lots().subtract(closing), position.openPrice(),
                position.sl(), position.tp()));
        }
        else
        {
            positions.remove(ticket);
            final Map<String, Object> report = new LinkedHashMap<>();
            report.put("type", "trade");
            report.put("executorId", settings.executorId());
            report.put("ticket", Long.toString(ticket));
            report.put("closeTime", Instant.now().toString());
            report.put("closePrice", price);
            report.put("commission", BigDecimal.ZERO);
            report.put("swap", BigDecimal.ZERO);
            report.put("profit", profit);
            reports.add(report);
        }
        return ok("position closed", Map.of("ticket", Long.toString(ticket), "price", price, "profit", profit));
    }

    /** Profit of every open position at the current prices (a position without a price counts 0). */
    private BigDecimal unrealizedProfit()
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
        if (position == null)
        {
            return failed("no open position with ticket " + ticket);
        }
        positions.put(ticket, new Position(position.symbol(), position.buy(), position.lots(), position.openPrice(),
            MiniJson.decimal(parameters.get("sl")), MiniJson.decimal(parameters.get("tp"))));
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

    @Override
    public void close()
    {
        closed = true;
        final WebSocket ws = socket;
        if (ws != null)
        {
            ws.abort();
        }
        thread.shutdownNow();
        try
        {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (store != null)
        {
            store.close();
        }
    }

    public static void main(final String[] args) throws InterruptedException
    {
        String url = "http://127.0.0.1:8080";
        String executorId = null;
        String stateDir = null;
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--url": url = args[i + 1]; break;
                case "--executor-id": executorId = args[i + 1]; break;
                case "--state-dir": stateDir = args[i + 1]; break;
                default: throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        final String key = System.getenv("ORDERGATE_EXECUTOR_KEY");
        final String secret = System.getenv("ORDERGATE_EXECUTOR_SECRET");
        if (executorId == null || key == null || secret == null)
        {
            System.err.println("usage: SimulatedTerminal --url URL --executor-id ID [--state-dir DIR], with ORDERGATE_EXECUTOR_KEY/ORDERGATE_EXECUTOR_SECRET"
                + " (and ORDERGATE_QUOTE_KEY/ORDERGATE_QUOTE_SECRET for prices) set");
            System.exit(2);
            return;
        }
        final URI base = URI.create(url);
        final String quoteKey = System.getenv("ORDERGATE_QUOTE_KEY");
        final String quoteSecret = System.getenv("ORDERGATE_QUOTE_SECRET");
        final PriceSource prices = quoteKey != null && quoteSecret != null ? PriceSource.withBrokerNames(PriceSource.gatewayQuotes(base, quoteKey, quoteSecret)) : symbol -> null;
        final SimulatedTerminal terminal = new SimulatedTerminal(new Settings(base, executorId, key, secret, 30), prices);
        if (stateDir != null)
        {
            terminal.persistIn(Path.of(stateDir));  // results.log and positions.json: remembered across restarts
        }
        terminal.start();
        Thread.currentThread().join();
    }
}
