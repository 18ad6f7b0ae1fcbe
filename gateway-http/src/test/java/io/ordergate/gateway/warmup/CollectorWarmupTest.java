package io.ordergate.gateway.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * ZGC's warm-up cycles run during the collector warm-up, not under the garbage that comes after: a child JVM with ZGC
 * ({@link CollectorWarmupProbe}) makes four heaps of garbage after the warm-up and sees no warm-up cycle then; the same
 * JVM without the warm-up (the control) sees them come under that garbage, so the first assertion can fail.
 */
class CollectorWarmupTest
{
    private static final Pattern COUNTS = Pattern.compile("warmups before=(\\d+) warmup=(\\d+) garbage=(\\d+) counted-by-warmup=(\\d+)");

    @Test
    void shouldRunZgcsWarmupCyclesBeforeTheGarbageThatFollows() throws Exception
    {
        final Matcher warmed = probe("warm");
        assertEquals(CollectorWarmup.WARMUP_CYCLES, Integer.parseInt(warmed.group(1)) + Integer.parseInt(warmed.group(2)), warmed.group());
        assertEquals(0, Integer.parseInt(warmed.group(3)), "no warm-up cycle under the garbage after the warm-up: " + warmed.group());
        assertEquals(CollectorWarmup.WARMUP_CYCLES, Integer.parseInt(warmed.group(4)), "the warm-up counted them too: " + warmed.group());

        final Matcher control = probe("control");
        assertEquals(0, Integer.parseInt(control.group(2)), control.group());
        assertTrue(Integer.parseInt(control.group(3)) > 0, "without the warm-up they come under the garbage: " + control.group());
    }

    @Test
    void shouldDoNothingWithAnotherCollector()
    {
        // this JVM (surefire's) runs the default collector, which has no warm-up rule
        final CollectorWarmup.Result result = CollectorWarmup.run();
        assertEquals(new CollectorWarmup.Result(0, 0, 0), result);
    }

    private static Matcher probe(final String mode) throws IOException, InterruptedException
    {
        final Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseZGC", "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"), CollectorWarmupProbe.class.getName(), mode))
            .redirectErrorStream(true).start();
        final String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);
        final Matcher counts = COUNTS.matcher(output);
        assertTrue(counts.find(), output);
        return counts;
    }
}
