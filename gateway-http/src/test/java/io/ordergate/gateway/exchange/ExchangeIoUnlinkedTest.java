package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.exchange.venue.ExchangeOutbox;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.journal.Journal;

/**
 * An order to place on an exchange account the connector has no link for (no credentials it holds) is not left
 * {@code routed} with only a log line: while the connector leads it is reported rejected through the ring, as the
 * exchange's own rejection would be, with a message that names the account and what to do. A real pipeline and
 * journal carry the report; the engine's step here only answers OK and the reply stage records what arrived.
 */
class ExchangeIoUnlinkedTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReportAnOrderItCannotSendAsRejectedThroughTheRing()
    {
        final GatewayConfig config = ConfigLoader.parse(ExchangeHarness.CONFIG, "unlinked-test");
        final List<String> reports = new CopyOnWriteArrayList<>();
        final CommandPublisher publisher = new CommandPublisher();
        try (Journal journal = Journal.open(dir.resolve("journal"));
            ExchangeIo io = new ExchangeIo(config.exchanges(), config.instruments(), new SecretBox(MasterKeys.of(new byte[32]))))
        {
            final Pipeline pipeline = recordingReports(config, journal, reports);
            try
            {
                publisher.pipeline(pipeline);
                io.start(publisher);
                io.handle(marketBuy(42, "bn-nokeys"));
                ExchangeHarness.await("the order's rejection reached the ring", () -> !reports.isEmpty(), reports::toString);
            }
            finally
            {
                pipeline.close();
            }
        }
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).startsWith("bn-nokeys 42 rejected NO_CONNECTION not sent: the gateway has no connection to the exchange"
            + " for account bn-nokeys"), reports.get(0));
    }

    @Test
    void shouldLogOnceShowAndRetryALinkThatCannotBeMadeAndRejectOrdersMeanwhile()
    {
        final GatewayConfig config = ConfigLoader.parse(ExchangeHarness.CONFIG, "link-failure-test");
        final List<String> reports = new CopyOnWriteArrayList<>();
        final List<java.util.logging.LogRecord> warnings = new CopyOnWriteArrayList<>();
        final java.util.logging.Logger log = java.util.logging.Logger.getLogger(LinkFailures.class.getName());
        final java.util.logging.Handler handler = new java.util.logging.Handler()
        {
            @Override
            public void publish(final java.util.logging.LogRecord record)
            {
                if (record.getLevel() == java.util.logging.Level.WARNING)
                {
                    warnings.add(record);
                }
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        log.addHandler(handler);
        final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        final CommandPublisher publisher = new CommandPublisher();
        try (Journal journal = Journal.open(dir.resolve("journal"));
            ExchangeIo io = new ExchangeIo(config.exchanges(), config.instruments(), new SecretBox(MasterKeys.of(new byte[32]))))
        {
            final Pipeline pipeline = recordingReports(config, journal, reports);
            try
            {
                publisher.pipeline(pipeline);
                io.opening = (accountId, running) ->
                {
                    attempts.incrementAndGet();
                    if (failing.get())
                    {
                        throw new IllegalStateException("the link's parts did not fit");  // thrown on the I/O thread
                    }
                    return null;
                };
                io.credentials("bn-broken", new SealedCredentials(false, "sealed-key", "sealed-secret", null));
                io.start(publisher);
                ExchangeHarness.await("the failure shown", () -> io.streamState("bn-broken") != null, () -> "attempts " + attempts);
                assertEquals("IllegalStateException: the link's parts did not fit", io.streamState("bn-broken").linkFailure());
                ExchangeHarness.await("tried again with back-off", () -> attempts.get() >= 3, () -> "attempts " + attempts);
                io.handle(marketBuy(43, "bn-broken"));
                ExchangeHarness.await("the order meanwhile rejected, not lost", () -> !reports.isEmpty(), reports::toString);
                failing.set(false);
                ExchangeHarness.await("the failure cleared by a retry", () -> io.streamState("bn-broken") == null, () -> "attempts " + attempts);
            }
            finally
            {
                pipeline.close();
                log.removeHandler(handler);
            }
        }
        assertTrue(reports.get(0).startsWith("bn-broken 43 rejected NO_CONNECTION"), reports.get(0));
        assertEquals(1, warnings.size(), "logged once however often it failed: " + warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("bn-broken") && !warnings.get(0).getMessage().contains("sealed-"), warnings.get(0).getMessage());
    }

    /** A pipeline whose engine takes every EXCHANGE_REPORT and whose reply stage writes each one down in {@code reports}. */
    private static Pipeline recordingReports(final GatewayConfig config, final Journal journal, final List<String> reports)
    {
        final Engine engine = new Engine(config);
        engine.handle(CommandType.EXCHANGE_REPORT, event -> event.result = ResultCode.OK);
        return Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) ->
        {
            if (event.type == CommandType.EXCHANGE_REPORT)
            {
                reports.add(report(event.frame));
            }
        });
    }

    /** A market buy of 0.01 BTCUSDT (1,000 at 5 digits) for the account, as the engine's outbox hands it over. */
    private static ExchangeOutbox.Record marketBuy(final long orderId, final String accountId)
    {
        return new ExchangeOutbox.Record(ExchangeOutbox.PLACE, orderId, 1, accountId, "ns", "BTCUSDT", false,
            new ExchangeOutbox.OrderRecord(Side.BUY, OrderType.MARKET, TimeInForce.IOC, 1_000, 5, OrderView.NONE, 2,
                ExchangeOutbox.POSITION_SIDE_NONE, false), null);
    }

    private static String report(final org.agrona.MutableDirectBuffer frame)
    {
        final BodyReader reader = new BodyReader();
        reader.wrap(frame, CommandFrame.BODY_OFFSET);
        final AsciiView text = new AsciiView();
        final String account = reader.readString(text).toString();
        final long orderId = reader.readLong();
        final int kind = reader.readByte();
        reader.readByte();
        reader.readLong();
        reader.readLong();
        reader.readString(text);
        final String code = reader.readString(text).toString();
        final String message = reader.readString(text).toString();
        return account + " " + orderId + " " + (kind == ExchangeBodies.REPORT_REJECTED ? "rejected" : "kind " + kind) + " " + code + " " + message;
    }
}
