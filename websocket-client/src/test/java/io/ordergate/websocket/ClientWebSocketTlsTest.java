package io.ordergate.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * {@code wss://}: a reconnect uses the TLS context its first open used instead of building one again (reading the trust
 * store each time), and TLS still holds: the certificate is checked against the trust and the host. The server is a
 * TLS socket on loopback with a certificate made for the test (keytool) for 127.0.0.1 alone.
 */
class ClientWebSocketTlsTest
{
    private static final String PASSWORD = "changeit";
    private static final Pattern KEY = Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)");
    private static final EventLoopGroup IO = new NioEventLoopGroup(1);

    @TempDir
    Path dir;

    @AfterAll
    static void stopIo()
    {
        IO.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void shouldShareOneDefaultTlsContextBetweenOpens() throws Exception
    {
        assertSame(ClientWebSocket.defaultTls(), ClientWebSocket.defaultTls(), "a reconnect reuses the context, it does not build another");
    }

    @Test
    void shouldOpenTwiceOverTlsWithTheOneContextItWasGiven() throws Exception
    {
        final KeyStore keys = certificateFor("ip:127.0.0.1");
        final SslContext trusting = SslContextBuilder.forClient().trustManager((X509Certificate)keys.getCertificate("server")).build();
        try (SSLServerSocket server = server(keys))
        {
            final CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serve(server, 2));
            for (int open = 0; open < 2; open++)
            {
                final Recorder recorder = new Recorder();
                final ClientWebSocket socket = ClientWebSocket.open(IO, uri(server), trusting, Map.of(), 1024, 3_000, 10_000, recorder)
                    .get(10, TimeUnit.SECONDS);
                assertTrue(recorder.heard.await(10, TimeUnit.SECONDS), "open " + open + " heard its message");
                assertEquals(List.of("hello " + open), recorder.texts);
                socket.abort();
            }
            served.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseAServerTheJdkDoesNotTrustWithTheSharedDefaultContext() throws Exception
    {
        try (SSLServerSocket server = server(certificateFor("ip:127.0.0.1")))
        {
            final CompletableFuture<Void> served = CompletableFuture.runAsync(() -> refuse(server));
            final ExecutionException refused = assertThrows(ExecutionException.class,
                () -> ClientWebSocket.open(IO, uri(server), Map.of(), 1024, 3_000, 10_000, new Recorder()).get(10, TimeUnit.SECONDS));
            assertTrue(causes(refused, SSLHandshakeException.class), () -> "a certificate nobody trusts: " + refused.getCause());
            served.get(10, TimeUnit.SECONDS);
        }
    }

    private static URI uri(final SSLServerSocket server)
    {
        return URI.create("wss://127.0.0.1:" + server.getLocalPort() + "/ws/key");
    }

    private static boolean causes(final Throwable thrown, final Class<? extends Throwable> type)
    {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause())
        {
            if (type.isInstance(cause))
            {
                return true;
            }
        }
        return false;
    }

    /** A key and a self-signed certificate whose only name is {@code subjectAltName}, made by the JDK's keytool. */
    private KeyStore certificateFor(final String subjectAltName) throws Exception
    {
        return SelfSignedKeys.make(dir.resolve("server.p12"), "server", "ordergate-test", subjectAltName, PASSWORD);
    }

    private static SSLServerSocket server(final KeyStore keys) throws Exception
    {
        final KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        final SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        return (SSLServerSocket)tls.getServerSocketFactory().createServerSocket(0, 2, InetAddress.getLoopbackAddress());
    }

    /** Takes {@code connections} connections one after the other: answers each one's handshake, says "hello N", waits for it to close. */
    private static void serve(final SSLServerSocket server, final int connections)
    {
        for (int n = 0; n < connections; n++)
        {
            try (Socket peer = server.accept())
            {
                final InputStream in = peer.getInputStream();
                final StringBuilder request = new StringBuilder();
                while (request.indexOf("\r\n\r\n") < 0)
                {
                    final int b = in.read();
                    assertTrue(b >= 0, () -> "no handshake: " + request);
                    request.append((char)b);
                }
                final Matcher key = KEY.matcher(request);
                assertTrue(key.find(), request::toString);
                final String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
                final byte[] hello = ("hello " + n).getBytes(StandardCharsets.UTF_8);
                final OutputStream out = peer.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(0x81);  // one final text frame, unmasked as a server sends it
                out.write(hello.length);
                out.write(hello);
                out.flush();
                while (in.read() >= 0)
                {
                    // until the client closes
                }
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Takes one connection and lets its TLS handshake fail as the client decides. */
    private static void refuse(final SSLServerSocket server)
    {
        try (Socket peer = server.accept())
        {
            while (peer.getInputStream().read() >= 0)
            {
                // the client gives up on the certificate and closes
            }
        }
        catch (final java.io.IOException expected)
        {
            // the handshake's failure, told by the client's alert
        }
    }

    private static final class Recorder implements ClientWebSocket.Events
    {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final CountDownLatch heard = new CountDownLatch(1);

        @Override
        public void text(final ClientWebSocket socket, final String text)
        {
            texts.add(text);
            heard.countDown();
        }

        @Override
        public void over(final ClientWebSocket socket)
        {
            // each open checks what it heard
        }
    }
}
