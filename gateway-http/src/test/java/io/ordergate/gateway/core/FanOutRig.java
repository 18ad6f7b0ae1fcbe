package io.ordergate.gateway.core;

import java.nio.file.Path;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.journal.Journal;

/**
 * What the fan-out tests run on: a pipeline of 64 slots with a follower, on a journal in {@code directory}, its
 * publisher, and the fan-out under test following it (started here, closed first on {@link #close}).
 */
final class FanOutRig implements AutoCloseable
{
    /** A read the engine answers OK at once; not journaled. */
    static final CommandType READ = CommandType.EXECUTOR_SYNC;

    private final Journal journal;
    private final Pipeline pipeline;
    private final FanOutStage fanOut;
    private final CommandPublisher publisher = new CommandPublisher();

    FanOutRig(final Path directory, final FanOutStage fanOut)
    {
        final GatewayConfig config = ConfigLoader.parse(CommandPublisherTest.CONFIG, "fan-out");
        final Engine engine = new Engine(config);
        engine.handle(READ, event -> event.result = ResultCode.OK);
        this.journal = Journal.open(directory);
        final ChannelFlushes flushes = new ChannelFlushes();
        // The fan-out is a reply listener too, as in the gateway: it sees each command on the reply thread first
        this.pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) -> fanOut.onResult(event, flushes), true);
        this.fanOut = fanOut;
        publisher.pipeline(pipeline);
        fanOut.start(pipeline.follower());
    }

    /** Publishes one {@link #READ} whose slot carries {@code attachment} to the fan-out; false when the ring is full. */
    boolean publish(final Object attachment)
    {
        return publisher.publish(READ, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> { }, null, attachment);
    }

    /** Waits until the reply stage is done with the first {@code commands} commands published (the fan-out may read them). */
    void awaitAnswered(final long commands)
    {
        final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (pipeline.follower().available() < commands - 1)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("the reply stage did not answer " + commands + " commands");
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close()
    {
        fanOut.close();
        pipeline.close();
        journal.close();
    }
}
