import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.journal.Journal;
import io.ordergate.journal.JournalAppender;

/**
 * Appends SIZE-byte records through the journal's own appender at RATE a second for SECONDS, into a new journal in a
 * temp directory (left there: delete it after), and prints every append over 5 ms with how far into the file it was.
 * Used for docs/PERFORMANCE.md, "The journal's page faults". From the repository root, after a build:
 *
 *   mvn -B -q -pl journal dependency:build-classpath -Dmdep.outputFile=/tmp/journal.cp
 *   javac -cp journal/target/classes:$(cat /tmp/journal.cp) -d /tmp/paced docs/perf/journal-page-faults/PacedJournal.java
 *   java --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
 *        --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED \
 *        --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
 *        --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
 *        --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 *        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED \
 *        -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true \
 *        -cp /tmp/paced:journal/target/classes:$(cat /tmp/journal.cp) PacedJournal 20000 30 400
 */
public class PacedJournal
{
    public static void main(final String[] args) throws Exception
    {
        final int rate = Integer.parseInt(args[0]);
        final int seconds = Integer.parseInt(args[1]);
        final int size = Integer.parseInt(args[2]);
        final Path directory = Files.createTempDirectory("paced-journal");
        try (Journal journal = Journal.open(directory))
        {
            final JournalAppender appender = journal.appender();
            final UnsafeBuffer record = new UnsafeBuffer(new byte[size]);
            final long period = 1_000_000_000L / rate;
            final long count = (long)rate * seconds;
            final long start = System.nanoTime();
            long overOneMs = 0;
            long overFiveMs = 0;
            long max = 0;
            long total = 0;
            for (long i = 0; i < count; i++)
            {
                final long due = start + i * period;
                while (System.nanoTime() < due)
                {
                    Thread.onSpinWait();
                }
                final long before = System.nanoTime();
                appender.append(record, 0, size);
                final long took = System.nanoTime() - before;
                total += took;
                max = Math.max(max, took);
                overOneMs += took > 1_000_000 ? 1 : 0;
                if (took > 5_000_000)
                {
                    overFiveMs++;
                    System.out.printf("  %6.2f s: append %d us after %d MB%n", (before - start) / 1e9, took / 1000, (i * (size + 16)) >> 20);
                }
            }
            System.out.printf("%d appends of %d B at %d/s: mean %d ns, max %d us, over 1 ms %d, over 5 ms %d%n",
                count, size, rate, total / count, max / 1000, overOneMs, overFiveMs);
        }
    }
}
