package io.ordergate.exchange.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.binance.BinanceDialect;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueAnswer.Outcome;

/**
 * A request that gets no answer says where it went and why: the answer's text is what the operator reads (the 503 of
 * {@code sync-balance}, an order's rejection, the log), and it read "no answer: CompletionException" before.
 */
class NoAnswerTextTest
{
    private final ScheduledExecutorService io = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stop() throws InterruptedException
    {
        io.shutdownNow();
        io.awaitTermination(2, TimeUnit.SECONDS);
    }

    @Test
    void shouldNameTheHostAndTheCauseWhenNothingListens() throws Exception
    {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();  // free once closed: nothing listens there
        }
        final URI rest = URI.create("http://127.0.0.1:" + closedPort);
        final ExchangeClient client = new ExchangeClient(new BinanceDialect(),
            ExchangeEndpoint.single(rest, URI.create("ws://127.0.0.1:" + closedPort), Duration.ofSeconds(5)),
            () -> new Credentials("no-answer-key", "no-answer-secret", null), ExchangeClient.newHttpClient(io), io);
        try
        {
            final VenueAnswer answer = client.send(new BinanceDialect().balances()).get(10, TimeUnit.SECONDS);

            assertEquals(Outcome.UNKNOWN, answer.outcome());
            assertTrue(answer.text().startsWith("no answer from http://127.0.0.1:" + closedPort + ": ConnectException"), answer.text());
            assertFalse(answer.text().contains("CompletionException"), answer.text());
            assertFalse(answer.text().contains("signature"), answer.text());
        }
        finally
        {
            client.close();
        }
    }
}
