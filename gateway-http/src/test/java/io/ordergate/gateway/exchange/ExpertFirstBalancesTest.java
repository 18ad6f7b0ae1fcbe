package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.exchange.client.BalanceRead;
import io.ordergate.exchange.client.BalanceStreamMark;
import io.ordergate.exchange.spi.VenueAnswer;

/**
 * The first balances read of an exchange account an expert made arrives while the ring is full: it is journaled once
 * the ring has room, not dropped (the expert's account would show no balance until some other read).
 */
class ExpertFirstBalancesTest
{
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop()
    {
        scheduler.shutdownNow();
    }

    @Test
    void shouldJournalTheFirstBalancesReadOnceTheFullRingHasRoom()
    {
        final List<String> published = new CopyOnWriteArrayList<>();
        final AtomicInteger refusals = new AtomicInteger(3);  // the ring is full for the first three tries
        final RingReports reports = new RingReports("binance-exp1", (type, body) ->
        {
            if (refusals.getAndDecrement() > 0)
            {
                return false;
            }
            published.add(type + " " + accountOf(body));
            return true;
        }, scheduler);
        final VenueAnswer read = new VenueAnswer(VenueAnswer.Outcome.OK, null, Map.of("USDT", new BigDecimal[] {new BigDecimal("1000"),
            BigDecimal.ZERO}), null, null, 0);

        ExpertExchangeAccounts.journalFirstRead("binance-exp1", CompletableFuture.completedFuture(new BalanceRead(read,
            new BalanceStreamMark(1, 0))), reports);

        ExchangeHarness.await("the read journaled once the ring has room", () -> !published.isEmpty(), published::toString);
        assertEquals(List.of("EXCHANGE_BALANCES binance-exp1"), published);
    }

    private static String accountOf(final java.util.function.Consumer<BodyWriter> body)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        body.accept(new BodyWriter().wrap(buffer, 0));
        return new BodyReader().wrap(buffer, 0).readString(new AsciiView()).toString();
    }
}
