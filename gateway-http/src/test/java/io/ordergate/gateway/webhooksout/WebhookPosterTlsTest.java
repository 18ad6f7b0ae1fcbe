package io.ordergate.gateway.webhooksout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.netty.handler.ssl.SslContextBuilder;

import io.ordergate.websocket.SelfSignedKeys;

/**
 * Connecting to the checked address instead of the host loses nothing of TLS: the handshake names the URL's host
 * (SNI), and the receiver's certificate must be that host's, not merely one the client trusts. The receiver is a real
 * HTTPS server on loopback with a certificate made for the test (keytool), trusted by the poster alone.
 */
class WebhookPosterTlsTest
{
    private static final String PASSWORD = "changeit";
    private static final String HOST = "receiver.invalid";

    @TempDir
    Path dir;

    @Test
    void shouldNameTheUrlsHostInTheHandshakeAndAcceptItsCertificateWhileConnectingByAddress() throws Exception
    {
        final List<String> namesInHandshake = new CopyOnWriteArrayList<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final KeyStore keys = certificateFor(HOST, "dns:" + HOST);
        final HttpsServer receiver = receiver(keys, "127.0.0.1", namesInHandshake, requests);
        try (WebhookPoster poster = new WebhookPoster(trusting(keys)))
        {
            final WebhookPoster.Answer answer = poster.post(URI.create("https://" + HOST + ":" + receiver.getAddress().getPort() + "/hook"),
                List.of(loopback()), Map.of("X-Ordergate-Event", "order_filled"), "{}".getBytes(StandardCharsets.US_ASCII), 5).get(10, TimeUnit.SECONDS);
            assertEquals(204, answer.status());
            assertEquals(List.of(HOST), namesInHandshake, "the URL's host named in the handshake (SNI)");
            assertEquals(List.of("POST /hook order_filled"), requests);
        }
        finally
        {
            receiver.stop(0);
        }
    }

    @Test
    void shouldRefuseACertificateOfAnotherHostThoughTheClientTrustsIt() throws Exception
    {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final KeyStore keys = certificateFor("other.invalid", "dns:other.invalid");
        final HttpsServer receiver = receiver(keys, "127.0.0.1", new CopyOnWriteArrayList<>(), requests);
        try (WebhookPoster poster = new WebhookPoster(trusting(keys)))
        {
            assertThrows(ExecutionException.class, () -> poster.post(URI.create("https://" + HOST + ":" + receiver.getAddress().getPort() + "/hook"),
                List.of(loopback()), Map.of(), "{}".getBytes(StandardCharsets.US_ASCII), 5).get(10, TimeUnit.SECONDS),
                "a certificate for other.invalid does not stand for " + HOST);
            assertEquals(List.of(), requests, "nothing posted");
        }
        finally
        {
            receiver.stop(0);
        }
    }

    @Test
    void shouldCheckAnIpv6LiteralsCertificateByItsAddressAndNameNoServerInTheHandshake() throws Exception
    {
        final List<String> namesInHandshake = new CopyOnWriteArrayList<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final KeyStore keys = certificateFor("::1", "ip:::1");
        final HttpsServer receiver = receiver(keys, "::1", namesInHandshake, requests);
        try (WebhookPoster poster = new WebhookPoster(trusting(keys)))
        {
            final WebhookPoster.Answer answer = poster.post(URI.create("https://[::1]:" + receiver.getAddress().getPort() + "/hook"),
                List.of(InetAddress.getByName("::1")), Map.of("X-Ordergate-Event", "order_filled"), "{}".getBytes(StandardCharsets.US_ASCII), 5)
                .get(10, TimeUnit.SECONDS);
            assertEquals(204, answer.status(), "the certificate's IP name ::1 matches the URL's [::1] (the JDK drops the brackets)");
            assertEquals(List.of(), namesInHandshake, "no SNI for an IP literal (RFC 6066 3)");
            assertEquals(List.of("POST /hook order_filled"), requests);
        }
        finally
        {
            receiver.stop(0);
        }
    }

    private static InetAddress loopback() throws Exception
    {
        return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
    }

    /** A key and a self-signed certificate for {@code host} whose only name is {@code subjectAltName}, made by the JDK's keytool. */
    private KeyStore certificateFor(final String host, final String subjectAltName) throws Exception
    {
        return SelfSignedKeys.make(dir.resolve(host.replace(':', '_') + ".p12"), "receiver", host, subjectAltName, PASSWORD);
    }

    private static SslContextBuilder trusting(final KeyStore keys) throws Exception
    {
        return SslContextBuilder.forClient().trustManager((X509Certificate)keys.getCertificate("receiver"));
    }

    /** An HTTPS receiver answering 204, keeping the names clients gave in their handshakes and the requests it got. */
    private static HttpsServer receiver(final KeyStore keys, final String bindAddress, final List<String> namesInHandshake, final List<String> requests)
        throws Exception
    {
        final KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        final SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        final HttpsServer server = HttpsServer.create(new InetSocketAddress(bindAddress, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls)
        {
            @Override
            public void configure(final HttpsParameters params)
            {
                final SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME)
                {
                    @Override
                    public boolean matches(final SNIServerName name)
                    {
                        namesInHandshake.add(new SNIHostName(name.getEncoded()).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange ->
        {
            exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("X-Ordergate-Event"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
