package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;

/**
 * Issue 9 item 3 over real sockets: more idle or trickling connections than {@code server.max_connections}, kept up
 * by an attacker that reconnects whenever one is closed, do not lock out a client with credentials: each of its
 * orders, each on a new connection, is answered 201 (its p99 printed), and the attacker's sockets are answered
 * 503 (pushed out) or 408 (read deadline), never silently dropped.
 */
class IdleSocketAttackTest
{
    private static final int MAX_CONNECTIONS = 300;
    private static final int ATTACK_SOCKETS = 400;
    private static final int ORDERS = 100;

    @TempDir
    Path dataDir;

    @Test
    void shouldLetAClientTradeOnNewConnectionsWhileSilentSocketsFromOneAddressFillEveryConnection() throws Exception
    {
        attackAndTrade(false, List.of("127.0.0.2"), false);
    }

    @Test
    void shouldLetAClientTradeOnNewConnectionsWhileSocketsFromOneAddressTrickleOneByteAtATime() throws Exception
    {
        attackAndTrade(true, List.of("127.0.0.2"), false);
    }

    @Test
    void shouldLetAnAuthenticatedKeepAliveClientTradeWhileSilentSocketsFromEightAddressesChurn() throws Exception
    {
        attackAndTrade(false, List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7", "127.0.0.8",
            "127.0.0.9"), true);
    }

    @Test
    void shouldAnswer408ToARequestWhoseHeadersTrickleInPastTheReadDeadline() throws Exception
    {
        try (Ordergate gateway = start())
        {
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);
                final long start = System.nanoTime();
                final byte[] request = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
                String answer = null;
                for (int i = 0; i < request.length && answer == null; i++)
                {
                    try
                    {
                        socket.getOutputStream().write(request[i]);  // a byte every 100 ms: the idle timeout never fires
                    }
                    catch (final IOException closed)
                    {
                        break;
                    }
                    LockSupport.parkNanos(100_000_000L);
                    if (socket.getInputStream().available() > 0)
                    {
                        answer = readAll(socket.getInputStream());
                    }
                }
                if (answer == null)
                {
                    answer = readAll(socket.getInputStream());
                }
                final double seconds = (System.nanoTime() - start) / 1e9;
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("\"code\":\"REQUEST_TIMEOUT\""), answer);
                assertTrue(seconds >= 1.9 && seconds < 5, "closed at the 2 s deadline, not before nor long after: " + seconds);
            }
        }
    }

    private void attackAndTrade(final boolean trickle, final List<String> from, final boolean keepAlive) throws Exception
    {
        try (Ordergate gateway = start())
        {
            final int port = gateway.port();
            assertEquals(202, call(port, "POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08428}").status);
            final KeepAlive client = keepAlive ? new KeepAlive(port) : null;
            if (client != null)
            {
                assertEquals(200, client.send("GET", "/api/v1/accounts", null).status, "authenticated before the attack");
            }
            final Attacker attacker = new Attacker(port, trickle, from);
            final Thread attack = new Thread(attacker, "attacker");
            attack.start();
            try
            {
                final long deadline = System.nanoTime() + 30_000_000_000L;
                while (attacker.connects.get() < 2 * ATTACK_SOCKETS && System.nanoTime() < deadline)
                {
                    LockSupport.parkNanos(10_000_000L);
                }
                final long[] micros = new long[ORDERS];
                for (int i = 0; i < ORDERS; i++)
                {
                    final String order = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\","
                        + "\"quantity\":0.01,\"client_order_id\":\"under-attack-" + i + "\"}";
                    final long start = System.nanoTime();
                    final Answer answer = client != null ? client.send("POST", "/api/v1/orders", order) : call(port, "POST", "/api/v1/orders", order);
                    micros[i] = (System.nanoTime() - start) / 1000;
                    assertEquals(201, answer.status, "order " + i + " under attack: " + answer.text);
                }
                Arrays.sort(micros);
                System.out.printf("%s attack from %d address(es) (%d sockets held, %d connects, answers %s): %d orders %s, all 201; "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", trickle ? "trickle" : "silent", from.size(), ATTACK_SOCKETS,
                    attacker.connects.get(), attacker.answers, ORDERS, keepAlive ? "on one authenticated keep-alive connection" : "each on a new connection",
                    micros[ORDERS / 2] / 1000.0, micros[ORDERS * 99 / 100 - 1] / 1000.0, micros[ORDERS - 1] / 1000.0);
                assertTrue(attacker.connects.get() > ATTACK_SOCKETS, "the attacker had to reconnect");
                assertEquals(0, attacker.answers.getOrDefault("silent close", new AtomicInteger()).get(),
                    "never closed without an answer: " + attacker.answers);
                final String expected = trickle ? "408" : "503";  // a trickle is cut at the 2 s read deadline, whenever that falls
                final long answeredBy = System.nanoTime() + 15_000_000_000L;
                while (!attacker.answers.containsKey(expected) && System.nanoTime() < answeredBy)
                {
                    LockSupport.parkNanos(50_000_000L);
                }
                assertTrue(attacker.answers.containsKey(expected), "answered: " + attacker.answers);
            }
            finally
            {
                attacker.stop.set(true);
                attack.join(10_000);
                if (client != null)
                {
                    client.socket.close();
                }
            }
        }
    }

    private Ordergate start()
    {
        final GatewayConfig config = ConfigLoader.parse(TestGateway.CONFIG.replace("idle_timeout_seconds: 30",
            "idle_timeout_seconds: 30, max_connections: " + MAX_CONNECTIONS + ", max_unauthenticated_connections: 100, max_unauthenticated_per_address: 64, "
            + "request_read_timeout_seconds: 2, event_loop_threads: 2"), "test").withDataDir(dataDir).withPort(0);
        return Ordergate.start(config, TestGateway.adminOptions(), new PrintStream(new ByteArrayOutputStream()));
    }

    /** Holds {@link #ATTACK_SOCKETS} sockets open, silent or sending a header byte each 200 ms, reopening each one closed. */
    private static final class Attacker implements Runnable
    {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger connects = new AtomicInteger();
        final ConcurrentHashMap<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        private final int port;
        private final boolean trickle;
        private final List<String> from;
        private int opened;
        private final List<SocketChannel> sockets = new ArrayList<>();
        private final ByteBuffer in = ByteBuffer.allocate(1024);
        private final byte[] header = "GET /api/v1/orders HTTP/1.1\r\nX-Trickle: ".getBytes(StandardCharsets.US_ASCII);

        Attacker(final int port, final boolean trickle, final List<String> from)
        {
            this.port = port;
            this.trickle = trickle;
            this.from = from;
        }

        @Override
        public void run()
        {
            try
            {
                for (int i = 0; i < ATTACK_SOCKETS; i++)
                {
                    sockets.add(open());
                }
                long lastTrickle = 0;
                int sent = 0;
                while (!stop.get())
                {
                    final boolean sendByte = trickle && System.nanoTime() - lastTrickle > 200_000_000L;
                    for (int i = 0; i < sockets.size(); i++)
                    {
                        final SocketChannel socket = sockets.get(i);
                        if (!alive(socket, sendByte ? (sent < header.length ? header[sent] : 'a') : -1))
                        {
                            socket.close();
                            sockets.set(i, open());
                        }
                    }
                    if (sendByte)
                    {
                        lastTrickle = System.nanoTime();
                        sent++;
                    }
                    LockSupport.parkNanos(5_000_000L);
                }
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException(ex);
            }
            finally
            {
                for (final SocketChannel socket : sockets)
                {
                    try
                    {
                        socket.close();
                    }
                    catch (final IOException ignored)
                    {
                        // closing anyway
                    }
                }
            }
        }

        private SocketChannel open() throws IOException
        {
            final SocketChannel socket = SocketChannel.open();
            socket.bind(new InetSocketAddress(from.get(opened++ % from.size()), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.configureBlocking(false);
            connects.incrementAndGet();
            return socket;
        }

        /** False once the gateway answered or closed it (counting how); sends one byte when {@code b} is one. */
        private boolean alive(final SocketChannel socket, final int b)
        {
            try
            {
                in.clear();
                final int read = socket.read(in);
                if (read > 0)
                {
                    final String text = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
                    answers.computeIfAbsent(text.length() >= 12 ? text.substring(9, 12) : text, k -> new AtomicInteger()).incrementAndGet();
                    return false;
                }
                if (read < 0)
                {
                    answers.computeIfAbsent("silent close", k -> new AtomicInteger()).incrementAndGet();
                    return false;
                }
                if (b >= 0)
                {
                    socket.write(ByteBuffer.wrap(new byte[] {(byte)b}));
                }
                return true;
            }
            catch (final IOException reset)
            {
                answers.computeIfAbsent("reset", k -> new AtomicInteger()).incrementAndGet();
                return false;
            }
        }
    }

    private record Answer(int status, String text)
    {
    }

    /** One request with the admin key on a new connection (Connection: close), read to its end. */
    private static Answer call(final int port, final String method, final String path, final String json) throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setSoTimeout(10_000);
            final byte[] body = json.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nX-API-Key: " + TestGateway.ADMIN_KEY
                + "\r\nX-API-Secret: " + TestGateway.ADMIN_SECRET + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            final String text = readAll(socket.getInputStream());
            return new Answer(text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1, text);
        }
    }

    /** One connection kept open, requests sent with the admin key one after another. */
    private static final class KeepAlive
    {
        final Socket socket;

        KeepAlive(final int port) throws IOException
        {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
        }

        Answer send(final String method, final String path, final String json) throws IOException
        {
            final byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "X-API-Key: " + TestGateway.ADMIN_KEY + "\r\nX-API-Secret: " + TestGateway.ADMIN_SECRET + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            final InputStream in = socket.getInputStream();
            final StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n"))
            {
                final int b = in.read();
                if (b < 0)
                {
                    return new Answer(-1, head + " (closed)");
                }
                head.append((char)b);
            }
            final int at = head.toString().toLowerCase(java.util.Locale.ROOT).indexOf("content-length: ");
            final int length = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)).trim());
            final String text = head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    private static String readAll(final InputStream in) throws IOException
    {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
}
