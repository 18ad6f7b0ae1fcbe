package io.ordergate.simulators.mt5;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ordergate.simulators.SimulatorJson;
import io.ordergate.websocket.ClientWebSocket;

/**
 * A simulated MT5 terminal with its executor, speaking seed 000 on the gateway's WebSocket: positions by ticket, fills
 * at its {@link PriceSource}'s prices, every command type answered ({@link TerminalDesk}: {@link SimulatedBroker} for
 * orders, {@link SimulatedInvestor} for seed 004), trade reports, a re-delivered command id answered with its FIRST
 * result, heartbeats, reconnects with backoff; and, with {@link #playAgent}, seed 002's agent ({@link SimulatedAgent}).
 * One thread, {@code og-sim-terminal}, does everything, so its state needs no locks; every wait is bounded. Its WebSocket
 * is Netty's ({@link ClientWebSocket}, on one I/O thread, {@code og-sim-terminal-io}), not the JDK's, which can misread a
 * backlog pushed right after the handshake. With
 * {@link #persistTo} ({@code --state-dir DIR}) its first results and positions are kept in files ({@link TerminalStore}),
 * each result on disk before it is sent, so a terminal killed and started again never trades a command twice.
 * Standalone: {@code java -cp ordergate.jar io.ordergate.simulators.mt5.SimulatedTerminal --url URL --executor-id ID
 * [--state-dir DIR]} with {@code ORDERGATE_EXECUTOR_KEY}/{@code _SECRET} and {@code ORDERGATE_QUOTE_KEY}/{@code _SECRET} ({@code --help}).
 */
public final class SimulatedTerminal implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(SimulatedTerminal.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final long SEND_TIMEOUT_SECONDS = 5;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** A message the gateway sends is at most a 64 KB backlog page; far more than that is no message of its, so it is refused (1009). */
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    /** Where and who: the gateway's base URL and the executor's credentials. */
    public record Settings(URI baseUrl, String executorId, String apiKey, String apiSecret, int heartbeatSeconds)
    {
        @Override
        public String toString()
        {
            return "Settings{" + baseUrl + ", executor " + executorId + "}";  // never the secret
        }
    }

    private final Settings settings;
    private final SimulatedBroker broker;
    private final SimulatedInvestor investor;
    private final TerminalDesk desk;
    private volatile SimulatedAgent agent;
    private final EventLoopGroup io = new NioEventLoopGroup(1, new DefaultThreadFactory("og-sim-terminal-io", true));
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "og-sim-terminal");
        t.setDaemon(true);
        return t;
    });
    private final FirstResults results = new FirstResults();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ClientWebSocket socket;
    private long backoffMillis = 100;
    private volatile boolean closed;

    public SimulatedTerminal(final Settings settings, final PriceSource prices)
    {
        this.settings = settings;
        this.broker = new SimulatedBroker(settings.executorId(), prices);
        this.investor = new SimulatedInvestor(broker);
        this.desk = new TerminalDesk(broker, investor, results, thread, this::send);
    }

    /**
     * Makes the terminal also play seed 002's agent: its executor polls its EA jobs (jobs/next with its own key, an
     * executor being an agent of the same registry) every {@code pollMillis}. Call after {@link #start}.
     */
    public SimulatedTerminal playAgent(final long pollMillis)
    {
        agent = new SimulatedAgent(new SimulatedAgent.Settings(settings.baseUrl(), settings.executorId(), null, settings.apiKey(),
            settings.apiSecret(), pollMillis, settings.heartbeatSeconds())).start();
        return this;
    }

    /** The agent it plays, or null. */
    public SimulatedAgent agent()
    {
        return agent;
    }

    /** The terminal's account as seed 004 logs in to it: login, investor (read-only) password and server. */
    public SimulatedTerminal investorAccount(final long login, final String investorPassword, final String server)
    {
        investor.account(login, investorPassword, server);
        return this;
    }

    /** The account's starting cash balance, so heartbeats carry accountBalance/accountEquity as a real terminal's do. */
    public SimulatedTerminal balance(final BigDecimal startingBalance)
    {
        broker.balance(startingBalance);
        return this;
    }

    /**
     * Keeps the terminal's memory in files and loads what they hold now (first results, positions, deals, next ticket,
     * paused flag, balance). Call before {@link #start}.
     *
     * @param resultsFile append-only, one line per first result: {@code commandId<TAB>resultJSON}
     * @param stateFile   a JSON snapshot of the positions, rewritten atomically after each change
     */
    public SimulatedTerminal persistTo(final Path resultsFile, final Path stateFile)
    {
        final Map<String, Object> state = results.persistTo(resultsFile, stateFile);
        if (state != null)
        {
            broker.restore(state);
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
        return broker.tradesDone();
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
        return broker.openTickets();
    }

    /** Adds {@code count} closed round trips of {@code lots} to the history, traded before the gateway knew the account. */
    public void historicalTrades(final int count, final java.time.Instant start, final Duration spacing, final String symbol, final BigDecimal lots)
    {
        desk.byHand(reports ->
        {
            broker.history().roundTrips(broker, count, start, spacing, symbol, lots);
            return Map.of("success", Boolean.TRUE);
        });
    }

    /** How many deals the terminal's history holds. */
    public int historySize()
    {
        return broker.history().size();
    }

    /** Closes {@code lots} of a position (null: all) by hand, and reports it (a partial close with its deal). Bounded wait. */
    public void closeByHand(final long ticket, final BigDecimal lots)
    {
        desk.byHand(reports -> broker.close(ticket, lots, reports, true));
    }

    /** Adds {@code lots} to a position by hand (a netting account), and reports its volume and average price. */
    public void growByHand(final long ticket, final BigDecimal lots)
    {
        desk.byHand(reports -> broker.grow(ticket, lots, reports));
    }

    /** The first result sent for a command id, or null. */
    public Map<String, Object> result(final String commandId)
    {
        return results.get(commandId);
    }

    /** While held, results are computed (and remembered) but not sent: a way to see a gateway die mid-command. */
    public void holdResults(final boolean hold)
    {
        desk.holdResults(hold);
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
        final CompletableFuture<ClientWebSocket> opening = ClientWebSocket.open(io, uri,
            Map.of("X-API-Key", settings.apiKey(), "X-API-Secret", settings.apiSecret()), MAX_MESSAGE_BYTES, CONNECT_TIMEOUT_MILLIS,
            CONNECT_TIMEOUT_MILLIS, new Listener());
        try
        {
            final ClientWebSocket ws = opening.get(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);  // every wait of this thread is bounded
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
            opening.cancel(false);  // given up on: cancelling closes its channel; one that opened just now is ended instead
            opening.thenAccept(ClientWebSocket::abort);
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
        metadata.put("openPositions", broker.openPositions());
        final BigDecimal balance = broker.balance();
        if (balance != null)
        {
            metadata.put("accountBalance", balance);
            metadata.put("accountEquity", balance.add(broker.unrealizedProfit()).setScale(2, java.math.RoundingMode.HALF_EVEN));  // at the currency's digits
        }
        final Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "heartbeat");
        message.put("status", broker.paused() ? "paused" : "online");
        message.put("metadata", metadata);
        send(SimulatorJson.write(message));
    }

    private void send(final String text)
    {
        final ClientWebSocket ws = socket;
        if (ws == null)
        {
            return;
        }
        try
        {
            ws.sendText(text).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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

    /** Hands the socket's messages and its end to the terminal's thread, in the order they came. */
    private final class Listener implements ClientWebSocket.Events
    {
        @Override
        public void text(final ClientWebSocket webSocket, final String text)
        {
            onTerminalThread(() -> onMessage(text));
        }

        @Override
        public void over(final ClientWebSocket webSocket)
        {
            onTerminalThread(() ->
            {
                if (socket == webSocket)
                {
                    reconnectLater();
                }
            });
        }

        private void onTerminalThread(final Runnable task)
        {
            try
            {
                thread.execute(task);
            }
            catch (final java.util.concurrent.RejectedExecutionException terminalClosed)
            {
                // close() has stopped the terminal's thread: what its socket says now goes to no one, on purpose.
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void onMessage(final String text)
    {
        final Map<String, Object> message;
        try
        {
            message = SimulatorJson.parseObject(text);
        }
        catch (final java.io.IOException ex)
        {
            return;
        }
        if (message.get("pendingCommands") instanceof List)
        {
            for (final Object command : (List<Object>)message.get("pendingCommands"))
            {
                desk.command((Map<String, Object>)command);
            }
        }
        else if (message.containsKey("id") && message.containsKey("command"))
        {
            desk.command(message);
        }
        else if ("error".equals(message.get("type")))
        {
            LOG.fine(() -> "gateway error: " + message.get("code"));
        }
    }

    /** Handles one gateway message on the caller's thread, for tests of a terminal that was never started. */
    void handle(final String text)
    {
        onMessage(text);
    }

    @Override
    public void close()
    {
        closed = true;
        if (agent != null)
        {
            agent.close();
        }
        final ClientWebSocket ws = socket;
        if (ws != null)
        {
            ws.abort();
        }
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        thread.shutdownNow();
        try
        {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        results.close();
    }

    /** Runs a terminal standalone; see {@link SimulatedTerminalMain}. */
    public static void main(final String[] args)
    {
        SimulatedTerminalMain.main(args);
    }
}
