package io.ordergate.gateway.webhooksout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.OutboundWebhooksConfig;
import io.ordergate.gateway.core.CommandPublisher;

/**
 * An attempt connects to the address its host's check found, and nowhere else: the host is looked up once per attempt,
 * by the resolver whose answer was checked against the private-address rules. The receiver's name here exists only in
 * the test's resolver ({@code .invalid} never resolves in DNS), so a sender that looked the name up again when
 * connecting (as the JDK's HTTP client does: DNS rebinding's opening) could not deliver at all.
 */
class WebhookCheckedAddressTest
{
    private static final String HOST = "receiver.invalid";

    @Test
    void shouldConnectToTheAddressTheCheckResolvedAndNameTheUrlsHostInTheRequest() throws Exception
    {
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        final HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange ->
        {
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host")
                + " event=" + exchange.getRequestHeaders().getFirst("X-Ordergate-Event") + " " + body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        final AtomicInteger lookups = new AtomicInteger();
        final HostResolver.Lookup lookup = host ->
        {
            if (!host.equals(HOST))
            {
                throw new UnknownHostException(host);
            }
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        };
        final int port = receiver.getAddress().getPort();
        try (WebhookSender sender = new WebhookSender(ConfigLoader.demo().webhooks().allowingPrivateTargets(), new CommandPublisher(),
            (owner, account) -> true, lookup))
        {
            sender.submit(delivery(URI.create("http://" + HOST + ":" + port + "/hooks/fills?v=1")), 1, 0);
            final String request = received.poll(10, TimeUnit.SECONDS);
            assertEquals("POST /hooks/fills?v=1 host=" + HOST + ":" + port + " event=order_filled {\"n\":1}", request,
                "delivered to the checked address, the URL's host named in Host");
            assertEquals(1, lookups.get(), "the host looked up once, by the check");
        }
        finally
        {
            receiver.stop(0);
        }
    }

    @Test
    void shouldTryTheNextCheckedAddressWhenTheFirstRefusesTheConnection() throws Exception
    {
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        final HttpServer receiver = receiverOnLoopbackOne(received);  // only on .1: .2 refuses
        final HostResolver.Lookup lookup = LOOPBACK_TWO_THEN_ONE;
        try (WebhookSender sender = new WebhookSender(ConfigLoader.demo().webhooks().allowingPrivateTargets(), new CommandPublisher(),
            (owner, account) -> true, lookup))
        {
            sender.submit(delivery(URI.create("http://" + HOST + ":" + receiver.getAddress().getPort() + "/hook")), 1, 0);
            assertEquals("127.0.0.1", received.poll(10, TimeUnit.SECONDS), "delivered to the second address in the first attempt's time");
        }
        finally
        {
            receiver.stop(0);
        }
    }

    /**
     * A first address that silently drops the connect (no SYN-ACK, no RST: a firewall's black hole) holds the attempt
     * only for its share of {@code webhooks.timeout_seconds}, half with two addresses; the second is then tried and
     * delivered to within the same attempt. The black hole is a listener on 127.0.0.2 whose accept queue is full, so
     * the kernel drops every further SYN.
     */
    @Test
    void shouldTryTheNextCheckedAddressWhenTheFirstSilentlyDropsTheConnect() throws Exception
    {
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        final HttpServer receiver = receiverOnLoopbackOne(received);
        final int port = receiver.getAddress().getPort();
        final HostResolver.Lookup lookup = LOOPBACK_TWO_THEN_ONE;
        final OutboundWebhooksConfig config = ConfigLoader.demo().webhooks().allowingPrivateTargets();
        try (BlackHole blackHole = new BlackHole(new InetSocketAddress("127.0.0.2", port));
             WebhookSender sender = new WebhookSender(config, new CommandPublisher(), (owner, account) -> true, lookup))
        {
            final long submittedNanos = System.nanoTime();
            sender.submit(delivery(URI.create("http://" + HOST + ":" + port + "/hook")), 1, 0);
            final String deliveredTo = received.poll(3L * config.timeoutSeconds(), TimeUnit.SECONDS);
            final double seconds = (System.nanoTime() - submittedNanos) / 1e9;
            assertEquals("127.0.0.1", deliveredTo, "delivered to the second address after the first one's share of the deadline");
            assertTrue(seconds >= config.timeoutSeconds() / 2.0 - 0.2 && seconds < config.timeoutSeconds(),
                "the first address held the attempt for its share of the timeout, not more: " + seconds + " s");
        }
        finally
        {
            receiver.stop(0);
        }
    }

    /** A listener whose accept queue is full and never taken from: the kernel drops the SYNs that follow, unanswered. */
    private static final class BlackHole implements AutoCloseable
    {
        private final ServerSocketChannel listener;
        private final List<Socket> queued = new ArrayList<>();

        BlackHole(final InetSocketAddress address) throws IOException
        {
            listener = ServerSocketChannel.open().bind(address, 1);
            for (int i = 0; i < 16; i++)
            {
                final Socket probe = new Socket();
                try
                {
                    probe.connect(address, 300);
                    queued.add(probe);
                }
                catch (final SocketTimeoutException dropped)
                {
                    probe.close();
                    return;  // this connect's SYN went unanswered: so will the sender's
                }
            }
            close();
            throw new IllegalStateException("the listener's accept queue never filled: no black hole on " + address);
        }

        @Override
        public void close() throws IOException
        {
            for (final Socket socket : queued)
            {
                socket.close();
            }
            listener.close();
        }
    }

    private static Delivery delivery(final URI url)
    {
        final Target target = new Target("wh_1", url, WebhookEvent.ORDER_FILLED.bit(), null, null, "whsec_test".getBytes(StandardCharsets.US_ASCII), -1);
        return new Delivery(target, "evt_1_0", WebhookEvent.ORDER_FILLED, "{\"n\":1}".getBytes(StandardCharsets.US_ASCII),
            System.currentTimeMillis() * 1000L, List.of());
    }

    /** A host's two addresses, 127.0.0.2 first, then 127.0.0.1 (where the receiver listens). */
    private static final HostResolver.Lookup LOOPBACK_TWO_THEN_ONE = host -> new InetAddress[] {
        InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2}), InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};

    /** A receiver on 127.0.0.1 only, started, that answers 204 and records the local address each delivery came to. */
    private static HttpServer receiverOnLoopbackOne(final LinkedBlockingQueue<String> received) throws java.io.IOException
    {
        final HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange ->
        {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getLocalAddress().getAddress().getHostAddress());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }
}
