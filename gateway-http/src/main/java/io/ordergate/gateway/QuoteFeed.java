package io.ordergate.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.ordergate.config.GatewayConfig;
import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DaemonThreads;
import io.ordergate.gateway.json.RequestBody;

/**
 * The demo's simulated market: every {@code demo.quote_interval_millis} one QUOTES command with a quote for each
 * instrument that has a demo bid. Each mid takes a bounded random walk (0 to 2 ticks up or down per step, never
 * more than 5% from where it started) with the configured spread. If the ring is full the tick is skipped: quotes
 * are the first thing to shed. Runs on its own thread, og-quote-feed; start and close from the start-up thread.
 * It is its own command body: the feed thread fills the slot with its prices through the one publisher.
 */
final class QuoteFeed implements AutoCloseable, RequestBody
{
    static final String THREAD_NAME = "og-quote-feed";
    private static final int MAX_TICKS_PER_STEP = 2;
    private static final int BAND_PERCENT = 5;

    private final CommandPublisher publisher;
    private final long intervalNanos;
    private final List<InstrumentSpec> instruments = new ArrayList<>();
    private final long[] startBid;
    private final long[] bid;
    private final long[] spread;
    private final SplittableRandom random = new SplittableRandom();
    private final Thread thread;
    private volatile boolean running = true;
    private long skipped;

    QuoteFeed(final GatewayConfig config, final CommandPublisher publisher)
    {
        this.publisher = publisher;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(config.demo().quoteIntervalMillis());
        for (final InstrumentSpec spec : config.instruments())
        {
            if (spec.demoBid() > 0)
            {
                instruments.add(spec);
            }
        }
        startBid = new long[instruments.size()];
        bid = new long[instruments.size()];
        spread = new long[instruments.size()];
        for (int i = 0; i < instruments.size(); i++)
        {
            startBid[i] = instruments.get(i).demoBid();
            bid[i] = startBid[i];
            spread[i] = instruments.get(i).demoAsk() - instruments.get(i).demoBid();
        }
        thread = DaemonThreads.unstarted(THREAD_NAME, this::run);
    }

    void start()
    {
        if (!instruments.isEmpty())
        {
            thread.start();
        }
    }

    private void run()
    {
        while (running)
        {
            step();
            publish();
            LockSupport.parkNanos(intervalNanos);
        }
    }

    private void step()
    {
        for (int i = 0; i < bid.length; i++)
        {
            final long band = Math.max(1, startBid[i] * BAND_PERCENT / 100);
            final long moved = bid[i] + random.nextInt(-MAX_TICKS_PER_STEP, MAX_TICKS_PER_STEP + 1);
            bid[i] = Math.max(Math.max(1, startBid[i] - band), Math.min(startBid[i] + band, moved));
        }
    }

    private void publish()
    {
        if (!publisher.publish(CommandType.QUOTES, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_FEED, this, null, null))
        {
            skipped++;
        }
    }

    /** The QUOTES body: one quote per instrument, at its current price. Feed thread (called by the publisher). */
    @Override
    public void encode(final BodyWriter writer)
    {
        CommandBodies.quotesHeader(writer, instruments.size());
        for (int i = 0; i < instruments.size(); i++)
        {
            final InstrumentSpec spec = instruments.get(i);
            CommandBodies.quote(writer, spec.symbol(),
                FixedPoint.rescale(bid[i], spec.priceDigits(), NewOrderBody.WIRE_DIGITS),
                FixedPoint.rescale(bid[i] + spread[i], spec.priceDigits(), NewOrderBody.WIRE_DIGITS));
        }
    }

    /** Ticks skipped because the ring was full. */
    long skipped()
    {
        return skipped;
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(TimeUnit.NANOSECONDS.toMillis(intervalNanos) + 2000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
