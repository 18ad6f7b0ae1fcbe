package io.ordergate.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

class BenchmarkJvmTest
{
    @Test
    void shouldGiveJmhForksExactlyTheChronicleFlagsOfTheParentPom()
    {
        final String fromPom = System.getProperty("ordergate.chronicle.jvm.args");
        assertNotNull(fromPom, "surefire passes ${chronicle.jvm.args} as ordergate.chronicle.jvm.args");

        final List<String> expected = Arrays.asList(fromPom.trim().split("\\s+"));
        final List<String> forkFlags = Arrays.asList(BenchmarkJvm.ALL).subList(0, expected.size());

        assertEquals(expected, forkFlags);
        assertEquals(List.of(BenchmarkJvm.HEAP, BenchmarkJvm.HEAP_MIN), Arrays.asList(BenchmarkJvm.ALL).subList(expected.size(), BenchmarkJvm.ALL.length));
    }

    @Test
    void shouldForkEveryBenchmarkWithAllTheFlags()
    {
        for (final Class<?> benchmark : List.of(EngineApplyBenchmark.class, RiskCheckBenchmark.class, JournalAppendBenchmark.class,
            RingRoundTripBenchmark.class, OrderDecodeBenchmark.class))
        {
            final Fork fork = benchmark.getAnnotation(Fork.class);
            assertNotNull(fork, benchmark.getSimpleName());
            assertEquals(Arrays.asList(BenchmarkJvm.ALL), Arrays.asList(fork.jvmArgsAppend()), benchmark.getSimpleName());
        }
    }
}
