package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandEvent;

/**
 * A fan-out listener that throws an Error (not an exception: the fan-out goes on after those) stops the fan-out's
 * thread; it must then stop gating the ring too, or every command after the ring's 64 slots would be refused.
 */
class FanOutFatalErrorTest
{
    private static final int COMMANDS = 1_000;

    @TempDir
    Path directory;

    @Test
    void shouldLetCommandsThroughAfterAListenerErrorStoppedTheFanOut() throws Exception
    {
        final FanOutListener overflowing = new FanOutListener()
        {
            @Override
            public void onEvent(final CommandEvent event, final boolean replaying)
            {
                throw new StackOverflowError("a listener's bug");
            }
        };
        try (FanOutRig rig = new FanOutRig(directory, new FanOutStage(List.of(overflowing))))
        {
            for (int command = 0; command < COMMANDS; command++)
            {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                boolean published;
                while (!(published = rig.publish(null)) && System.nanoTime() < deadline)
                {
                    Thread.onSpinWait();  // the ring full for a moment: the pipeline catches up
                }
                final int done = command;
                assertTrue(published, () -> "command " + done + " of " + COMMANDS + " refused for 10 s: the dead fan-out holds the ring");
            }
        }
    }
}
