package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.journal.Journal;

/**
 * A fan-out listener that throws an Error (not an exception: the fan-out goes on after those) stops the fan-out's
 * thread; it must then stop gating the ring too, or every command after the ring's 64 slots would be refused.
 */
class FanOutFatalErrorTest
{
    private static final CommandType READ = CommandType.EXECUTOR_SYNC;
    private static final int COMMANDS = 1_000;

    @TempDir
    Path directory;

    @Test
    void shouldLetCommandsThroughAfterAListenerErrorStoppedTheFanOut() throws Exception
    {
        final GatewayConfig config = ConfigLoader.parse(CommandPublisherTest.CONFIG, "fan-out-fatal");
        final Engine engine = new Engine(config);
        engine.handle(READ, event -> event.result = ResultCode.OK);
        final FanOutListener overflowing = new FanOutListener()
        {
            @Override
            public void onEvent(final CommandEvent event, final boolean replaying)
            {
                throw new StackOverflowError("a listener's bug");
            }
        };
        final FanOutStage fanOut = new FanOutStage(List.of(overflowing));
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) -> { }, true))
        {
            final CommandPublisher publisher = new CommandPublisher();
            publisher.pipeline(pipeline);
            fanOut.start(pipeline.follower());
            try
            {
                for (int command = 0; command < COMMANDS; command++)
                {
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    boolean published;
                    while (!(published = publisher.publish(READ, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> { }, null, null))
                        && System.nanoTime() < deadline)
                    {
                        Thread.onSpinWait();  // the ring full for a moment: the pipeline catches up
                    }
                    final int done = command;
                    assertTrue(published, () -> "command " + done + " of " + COMMANDS + " refused for 10 s: the dead fan-out holds the ring");
                }
            }
            finally
            {
                fanOut.close();
            }
        }
    }
}
