package io.ordergate.benchmarks.jmh;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every Ordergate benchmark shares, written once: JMH reads class-level annotations from superclasses, and
 * Java allows no array constant in an annotation. Forks get the JDK 17 flags Chronicle Queue needs (the jar
 * manifest's Add-Opens do not reach a forked JVM), analytics off, and a fixed heap; short iterations suit the
 * 2-core machines this runs on (override on the command line: -wi, -i, -f).
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    BenchmarkJvm.EXPORT_REF, BenchmarkJvm.EXPORT_MISC_UNSAFE, BenchmarkJvm.EXPORT_NIO, BenchmarkJvm.EXPORT_MISC, BenchmarkJvm.EXPORT_JAVAC_FILE,
    BenchmarkJvm.OPEN_LANG, BenchmarkJvm.OPEN_REFLECT, BenchmarkJvm.OPEN_IO, BenchmarkJvm.OPEN_UTIL,
    BenchmarkJvm.OPEN_NIO, BenchmarkJvm.OPEN_NIO_CH, BenchmarkJvm.OPEN_JAVAC,
    BenchmarkJvm.NO_ANALYTICS, BenchmarkJvm.NO_ANNOUNCER, BenchmarkJvm.HEAP, BenchmarkJvm.HEAP_MIN})
public abstract class ForkedWithChronicleFlags
{
}
