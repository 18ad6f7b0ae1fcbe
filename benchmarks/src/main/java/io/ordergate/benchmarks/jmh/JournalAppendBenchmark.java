package io.ordergate.benchmarks.jmh;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.ordergate.journal.Journal;
import io.ordergate.journal.JournalAppender;

/**
 * One {@link JournalAppender#append} of a frame the size of a new-order command into a Chronicle Queue journal in a
 * fresh temp directory: what the og-journal thread does per state-changing command. Sampled, for percentiles.
 *
 * <pre>
 *   byte[120] frame --append--> Chronicle Queue (memory-mapped .cq4 in a temp dir) --> index
 * </pre>
 *
 * Target (issue 4): p99 at most 2 µs. No fsync per append (see {@link Journal}): the cost is the record's CRC32C
 * (issue 9), the copy into the mapped file plus Chronicle's header write, and now and then the mapping of a new
 * chunk (the tail).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JournalAppendBenchmark extends ForkedWithChronicleFlags
{
    @Param("120")
    public int frameBytes;

    private Path directory;
    private Journal journal;
    private JournalAppender appender;
    private UnsafeBuffer frame;

    @Setup(Level.Trial)
    public void setUp()
    {
        directory = TempDirectory.create("og-bench-journal");
        journal = Journal.open(directory);
        appender = journal.appender();
        frame = new UnsafeBuffer(OrderCommands.randomBytes(frameBytes));
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        journal.close();
        TempDirectory.delete(directory);
    }

    @Benchmark
    public long append()
    {
        return appender.append(frame, 0, frameBytes);
    }
}
