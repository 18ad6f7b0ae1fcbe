package io.ordergate.benchmarks.failover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fail-over drill, many times: {@code java -cp benchmarks/target/benchmarks.jar
 * io.ordergate.benchmarks.failover.FailoverBenchmark [TRIALS] [LOAD_SECONDS]} (20 trials of 5 + 5 seconds by default).
 * Each trial starts three fresh gateway JVMs from {@code gateway-http/target/ordergate.jar} as one cluster, kills the
 * leader under load, and checks every acknowledged order on the new leader. Prints each trial, then trials, orders
 * acknowledged, orders lost, time to a new leader (p50, max) and the acknowledged orders' round trip before the kill.
 */
public final class FailoverBenchmark
{
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
        final List<Long> latencies = new ArrayList<>();
        long acknowledged = 0;
        long lost = 0;
        int disagreements = 0;
        for (int t = 0; t < trials; t++)
        {
            final Path dir = Files.createTempDirectory("og-failover-");
            final FailoverDrill.Trial trial = FailoverDrill.run(new FailoverDrill.Settings(dir, 18_100 + 10 * (t % 40), 30_000 + 100 * (t % 40),
                1_000, 2, 10, loadMillis, loadMillis, jar));
            elections.add(trial.newLeaderMillis());
            latencies.addAll(trial.latenciesNanos());
            acknowledged += trial.acknowledged();
            lost += trial.lost();
            disagreements += trial.survivorsAgree() ? 0 : 1;
            System.out.printf("trial %2d: acknowledged %5d, lost %d, leader %d killed, new leader %d after %5d ms, survivors agree: %s%n",
                t + 1, trial.acknowledged(), trial.lost(), trial.oldLeader(), trial.newLeader(), trial.newLeaderMillis(), trial.survivorsAgree());
            delete(dir);
        }
        Collections.sort(elections);
        Collections.sort(latencies);
        System.out.printf("trials %d, orders acknowledged %d, orders lost %d, survivors disagreeing %d%n", trials, acknowledged, lost, disagreements);
        System.out.printf("time to a new leader: p50 %d ms, max %d ms (leader_heartbeat_timeout_millis 1000)%n",
            elections.get(elections.size() / 2), elections.get(elections.size() - 1));
        if (!latencies.isEmpty())
        {
            System.out.printf("order round trip through the cluster (client side, before the kill): p50 %.2f ms, p99 %.2f ms, n %d%n",
                latencies.get(latencies.size() / 2) / 1e6, latencies.get((int)(latencies.size() * 0.99)) / 1e6, latencies.size());
        }
    }

    private static void delete(final Path dir) throws java.io.IOException
    {
        try (java.util.stream.Stream<Path> files = Files.walk(dir))
        {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
