package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.exchange.client.BalanceStreamMark;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.gateway.core.RecordingDeferreds;

/**
 * sync-balance forwarded by a member that does not lead is answered with the read the leader made for that request:
 * two clients ask while the first one's read is in flight, and each is answered with its own read (the second one
 * used to be answered with the first read, made before it asked). A sync that names no request answers nobody.
 */
class ForwardedSyncsTest
{
    private static final String ACCOUNT = "bn-1";
    /** A stream mark after the request id (as the leader journals its reads): the id is still found before it. */
    private static final BalanceStreamMark MARK = new BalanceStreamMark(0x0101_0101_0101_0101L, 7);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ForwardedSyncs syncs = new ForwardedSyncs(timer);

    @AfterEach
    void stopTimer()
    {
        timer.shutdownNow();
    }

    @Test
    void shouldAnswerEachWaiterWithTheReadMadeForItsOwnRequest()
    {
        final List<String> first = new CopyOnWriteArrayList<>();
        final List<String> second = new CopyOnWriteArrayList<>();
        final long firstRequest = syncs.await(RecordingDeferreds.recording(first));
        final long secondRequest = syncs.await(RecordingDeferreds.recording(second));  // asked while the first read is in flight
        assertNotEquals(firstRequest, secondRequest);

        syncs.applied(balances("{\"read\":1}", writer -> RingReports.writeMarkedBalances(writer, ACCOUNT, spot("100"), ExchangeBodies.BALANCES_SYNC,
            firstRequest, MARK)));
        assertEquals(List.of("200 {\"read\":1}"), first);
        assertEquals(List.of(), second, "the read made before the second request does not answer it");

        syncs.applied(balances("{\"read\":2}", writer -> RingReports.writeSyncBalances(writer, ACCOUNT, spot("90"), secondRequest)));
        assertEquals(List.of("200 {\"read\":2}"), second);
        assertEquals(1, first.size(), "answered once");
    }

    @Test
    void shouldFindTheRequestIdAfterAFuturesReadsFigures()
    {
        final List<String> answers = new CopyOnWriteArrayList<>();
        final long request = syncs.await(RecordingDeferreds.recording(answers));
        final Map<String, BigDecimal[]> futures = new TreeMap<>();
        futures.put("BNB", new BigDecimal[] {new BigDecimal("1"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1")});
        futures.put("USDT", new BigDecimal[] {new BigDecimal("500"), BigDecimal.ZERO, new BigDecimal("-3"), new BigDecimal("497")});
        syncs.applied(balances("{\"read\":3}", writer -> RingReports.writeMarkedBalances(writer, ACCOUNT, futures, ExchangeBodies.BALANCES_SYNC, request,
            MARK)));
        assertEquals(List.of("200 {\"read\":3}"), answers);
    }

    @Test
    void shouldAnswerNobodyWithASyncThatNamesNoRequest()
    {
        final List<String> answers = new CopyOnWriteArrayList<>();
        final long request = syncs.await(RecordingDeferreds.recording(answers));
        // the leader's own route's sync, and one journaled before request ids: no request id
        syncs.applied(balances("{\"read\":4}", writer -> RingReports.writeBalances(writer, ACCOUNT, spot("80"), ExchangeBodies.BALANCES_SYNC)));
        assertEquals(List.of(), answers);
        syncs.applied(balances("{\"read\":5}", writer -> RingReports.writeSyncBalances(writer, ACCOUNT, spot("70"), request)));
        assertEquals(List.of("200 {\"read\":5}"), answers);
    }

    private static Map<String, BigDecimal[]> spot(final String usdt)
    {
        return Map.of("USDT", new BigDecimal[] {new BigDecimal(usdt), BigDecimal.ZERO});
    }

    /** An applied EXCHANGE_BALANCES with the engine's answer. */
    private static CommandEvent balances(final String answer, final Consumer<BodyWriter> body)
    {
        final CommandEvent event = new CommandEvent();
        event.reset(CommandType.EXCHANGE_BALANCES);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1, 1, CommandFrame.SOURCE_SYSTEM);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        body.accept(writer);
        event.bodyLength(writer.length());
        event.result = ResultCode.OK;
        final byte[] json = answer.getBytes(StandardCharsets.UTF_8);
        event.output.putBytes(0, json);
        event.outputLength = json.length;
        return event;
    }
}
