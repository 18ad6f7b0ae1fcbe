package io.ordergate.benchmarks.failover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fail-over drill, many times: {@code java -cp benchmarks/target/benchmarks.jar
 * io.ordergate.benchmarks.failover.FailoverBenchmark [TRIALS] [LOAD_SECONDS]} (20 trials of 5 + 5 seconds by default).
 * Each trial starts three fresh gateway JVMs from {@code gateway-http/target/ordergate.jar} as one cluster, kills the
 * leader ({@code kill -9}) under load, and checks every acknowledged order on the new leader; then the same clients
 * drive one gateway in the single-node form for as long, so the cost of replication is measured at the same moment.
 * Prints each trial, then trials, orders acknowledged, orders lost, time to a new leader (p50, max), the orders'
 * round trips through the cluster (before the kill) and through the single node, and the machine's load.
 */
public final class FailoverBenchmark
{
    private static final int HEARTBEAT_MILLIS = 1_000;

    private FailoverBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        final long loadMillis = (args.length > 1 ? Long.parseLong(args[1]) : 5) * 1_000L;
        final Path jar = Path.of(System.getProperty("ordergate.jar", "gateway-http/target/ordergate.jar"));
        if (!Files.isRegularFile(jar))
        {
            System.err.println("no " + jar + ": build it first (mvn -B -q package -DskipTests)");
            System.exit(2);
        }
        final List<Long> elections = new ArrayList<>();
        final List<Long> clustered = new ArrayList<>();
        final List<Long> single = new ArrayList<>();
        final List<String> loads = new ArrayList<>();
        long acknowledged = 0;
        long lost = 0;
        int disagreements = 0;
        for (int t = 0; t < trials; t++)
        {
            final Path dir = Files.createTempDirectory("og-failover-");
            try
            {
                final FailoverDrill.Settings settings = new FailoverDrill.Settings(dir, 19_100 + 10 * (t % 40), 24_000 + 100 * (t % 40),
                    HEARTBEAT_MILLIS, 2, 10, loadMillis, loadMillis, jar);
                final String load = loadAverage();
                final FailoverDrill.Trial trial = FailoverDrill.run(settings);
                final List<Long> alone = FailoverDrill.singleNode(settings);
                elections.add(trial.newLeaderMillis());
                clustered.addAll(trial.latenciesNanos());
                single.addAll(alone);
                loads.add(load);
                acknowledged += trial.acknowledged();
                lost += trial.lost();
                disagreements += trial.survivorsAgree() ? 0 : 1;
                System.out.printf("trial %2d: acknowledged %5d, lost %d, leader %d killed, new leader %d after %5d ms, survivors agree: %s;"
                    + " order p50 cluster %.2f ms, single node %.2f ms; load %s%n", t + 1, trial.acknowledged(), trial.lost(), trial.oldLeader(),
                    trial.newLeader(), trial.newLeaderMillis(), trial.survivorsAgree(), percentile(trial.latenciesNanos(), 0.5), percentile(alone, 0.5),
                    load);
            }
            finally
            {
                delete(dir);
            }
        }
        Collections.sort(elections);
        System.out.printf("trials %d, orders acknowledged %d, orders lost %d, survivors disagreeing %d%n", trials, acknowledged, lost, disagreements);
        System.out.printf("time to a new leader: p50 %d ms, max %d ms (leader_heartbeat_timeout_millis %d)%n",
            elections.get(elections.size() / 2), elections.get(elections.size() - 1), HEARTBEAT_MILLIS);
        System.out.printf("order round trip, cluster of 3 (before the kill): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, n %d%n",
            percentile(clustered, 0.5), percentile(clustered, 0.9), percentile(clustered, 0.99), clustered.size());
        System.out.printf("order round trip, single node (same clients, same moment): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, n %d%n",
            percentile(single, 0.5), percentile(single, 0.9), percentile(single, 0.99), single.size());
        System.out.println("1-minute load average at each trial's start: " + String.join(" ", loads));
    }

    /** The {@code q} quantile of round trips in nanoseconds, in milliseconds (NaN for none). */
    static double percentile(final List<Long> nanos, final double q)
    {
        if (nanos.isEmpty())
        {
            return Double.NaN;
        }
        final List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int)(sorted.size() * q))) / 1e6;
    }

    private static String loadAverage()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (final IOException ex)
        {
            return "?";
        }
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
