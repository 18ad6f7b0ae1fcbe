package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.channel.EventLoopGroup;

/** The generator's own warm-up: a real hello-world server in its JVM, every planned request of both phases answered. */
class GeneratorWarmUpTest
{
    @Test
    void shouldDriveItsOwnServerThroughARampAndAPhaseAtTheWarmUpRate() throws Exception
    {
        final LoadOptions options = LoadOptions.parse(new String[] {"--url", "http://127.0.0.1:1", "--rate", "500", "--duration", "1",
            "--connections", "2", "--json", "unused.json"}, Map.of());
        final ByteArrayOutputStream said = new ByteArrayOutputStream();

        final EventLoopGroup loop = LoadTransport.singleLoop("test-loadgen", options.pacing);
        final long answered;
        try
        {
            answered = GeneratorWarmUp.run(options, loop, new PrintStream(said, true, StandardCharsets.UTF_8), 1_000);
            assertTrue(!loop.isShuttingDown(), "the run's loop outlives the warm-up: the gateway's and the baseline's clients use it next");
        }
        finally
        {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }

        final int rate = 1_000;  // the run's 500/s raised to the floor (20,000/s in a real run; a test keeps CI's CPU)
        final long planned = Schedule.warmUp(0, rate, GeneratorWarmUp.RAMP_SECONDS).total() + (long)rate * GeneratorWarmUp.PHASE_SECONDS;
        assertEquals(planned, answered, "every planned request of the ramp and the phase answered by the in-process server");
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("generator: warmed up on its own hello-world server, " + planned + " requests"),
            said.toString(StandardCharsets.UTF_8));
    }
}
