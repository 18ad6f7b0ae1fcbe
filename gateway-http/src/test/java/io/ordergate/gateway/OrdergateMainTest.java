package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.ordergate.gateway.scheduling.IdleClassThreads;
import io.ordergate.gateway.scheduling.ThreadPolicies;

/** The command line contract of the jar's main: help, and exit status 2 naming the bad key. */
class OrdergateMainTest
{
    private record Exit(int status, String out, String err)
    {
    }

    private static Exit run(final String... args) throws Exception
    {
        return run(List.of(), args);
    }

    private static Exit run(final List<String> jvmFlags, final String... args) throws Exception
    {
        return run(jvmFlags, java.util.Map.of(), args);
    }

    private static Exit run(final List<String> jvmFlags, final java.util.Map<String, String> env, final String... args) throws Exception
    {
        final Process process = start(jvmFlags, env, ProcessBuilder.Redirect.PIPE, args);
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exited");
        return new Exit(process.exitValue(),
            new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
            new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The jar's main in a JVM of its own, its standard output and error sent to {@code output}. */
    private static Process start(final List<String> jvmFlags, final ProcessBuilder.Redirect output, final String... args) throws Exception
    {
        return start(jvmFlags, java.util.Map.of(), output, args);
    }

    /** The same, with {@code env} added to this JVM's environment. */
    private static Process start(final List<String> jvmFlags, final java.util.Map<String, String> env, final ProcessBuilder.Redirect output,
        final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m"));
        command.addAll(jvmFlags);
        // A tool run with java -cp needs the flags the jar's manifest gives java -jar (Chronicle, Agrona).
        for (final String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OrdergateMain.class.getName()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output).redirectError(output);
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception
    {
        final Exit exit = run("--help");
        assertEquals(0, exit.status(), exit::toString);
        assertTrue(exit.out().contains("usage: java -jar ordergate.jar"), exit.out());
        assertTrue(exit.out().contains("ORDERGATE_API_KEY"), exit.out());
    }

    @Test
    void aBadFlagExitsTwoNamingIt() throws Exception
    {
        final Exit exit = run("--port", "http");
        assertEquals(2, exit.status(), exit::toString);
        assertTrue(exit.err().contains("--port"), exit.err());
    }

    @Test
    void anUnknownFlagExitsTwoNamingItBeforeAnythingStarts() throws Exception
    {
        // picocli parses the command line: its refusals must still reach main as exit 2 with the flag named
        final Exit exit = run("--data-dir=" + System.getProperty("java.io.tmpdir"), "--prot=8080");
        assertEquals(2, exit.status(), exit::toString);
        assertTrue(exit.err().contains("--prot: unknown option (try --help)"), exit.err());
        assertEquals("", exit.out(), "no banner: the gateway never started");
    }

    @Test
    void aBadConfigurationExitsTwoNamingTheKey(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception
    {
        final Path config = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(config, TestGateway.CONFIG.replace("ring_size: 1024", "ring_size: 1000"));
        final Exit exit = run("--config", config.toString());
        assertEquals(2, exit.status(), exit::toString);
        assertTrue(exit.err().contains("pipeline.ring_size"), exit.err());
    }

    @Test
    void aMalformedMasterKeyExitsTwoNamingItBeforeTheDataDirectoryIsMade(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception
    {
        final Path dataDir = dir.resolve("data");
        final Exit exit = run(List.of(), java.util.Map.of("ORDERGATE_MASTER_KEY", "abc"), "--port", "0", "--data-dir", dataDir.toString());
        assertEquals(2, exit.status(), exit::toString);
        assertEquals("config error at ORDERGATE_MASTER_KEY: a master key must be 32 bytes (256 bits), was 2\n", exit.err(), exit::toString);
        assertTrue(!java.nio.file.Files.exists(dataDir), "nothing was made: the gateway never started");
    }

    @Test
    void aPortInUseExitsOneSayingSoWithoutAStackTrace(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception
    {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            final Exit exit = run("--port", Integer.toString(taken.getLocalPort()), "--data-dir", dir.toString());
            assertEquals(1, exit.status(), exit::toString);
            assertTrue(exit.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), exit.err());
            assertTrue(!exit.err().contains("\tat "), "no stack trace: " + exit.err());
        }
    }

    @Test
    void aConfiguredWarmUpRunsBeforeTheGatewayOpensAndLeavesNoDirectory(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception
    {
        final Path config = dir.resolve("warm.yaml");
        java.nio.file.Files.writeString(config, TestGateway.CONFIG.replace("idle_timeout_seconds: 30 }", "idle_timeout_seconds: 30, warmup_orders: 200 }"));
        final Path tmp = java.nio.file.Files.createDirectory(dir.resolve("tmp"));
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            // The port is taken, so main exits once it tries to open it: after the warm-up, if the warm-up comes first.
            final Exit exit = run(List.of("-Djava.io.tmpdir=" + tmp), "--config", config.toString(),
                "--port", Integer.toString(taken.getLocalPort()), "--data-dir", dir.resolve("data").toString());
            assertEquals(1, exit.status(), exit::toString);
            final int warmedUp = exit.err().indexOf("start-up warm-up: 200 orders through a scratch gateway");
            assertTrue(warmedUp >= 0, exit.err());
            assertTrue(exit.err().indexOf("cannot listen on 127.0.0.1:" + taken.getLocalPort()) > warmedUp, exit.err());
            assertTrue(!exit.err().contains("not answered 201"), exit.err());
        }
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(tmp))
        {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("ordergate-warmup")).toList());
        }
    }

    @Test
    void aGatewayStoppedDuringItsWarmUpLeavesNoDirectory(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception
    {
        final Path config = dir.resolve("warm.yaml");
        java.nio.file.Files.writeString(config, TestGateway.CONFIG.replace("idle_timeout_seconds: 30 }",
            "idle_timeout_seconds: 30, warmup_orders: 1000000 }"));
        final Path tmp = java.nio.file.Files.createDirectory(dir.resolve("tmp"));
        // Nobody reads its output while it runs: discarded, so a full pipe cannot stall it.
        final Process process = start(List.of("-Djava.io.tmpdir=" + tmp), ProcessBuilder.Redirect.DISCARD,
            "--config", config.toString(), "--data-dir", dir.resolve("data").toString());
        try
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (scratchDirectories(tmp).isEmpty() || !hasJournal(scratchDirectories(tmp).get(0)))
            {
                assertTrue(process.isAlive() && System.nanoTime() < deadline, "the warm-up's scratch journal appears");
                Thread.sleep(20);
            }
            process.destroy();  // SIGTERM, mid warm-up (a million orders take minutes)
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exited");
        }
        finally
        {
            process.destroyForcibly();
        }
        assertEquals(List.of(), scratchDirectories(tmp));
        assertTrue(!java.nio.file.Files.exists(dir.resolve("data").resolve("journal")), "the real gateway never started");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void theJvmsCompilerThreadsGoToTheIdleClassOnceTheGatewayHasStarted(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception
    {
        org.junit.jupiter.api.Assumptions.assumeTrue(ThreadPolicies.linux(), "scheduling classes are Linux's");
        final Path config = dir.resolve("small.yaml");  // the tests' engine sizes: the default ones need more than 64 MB of heap
        java.nio.file.Files.writeString(config, TestGateway.CONFIG);
        final Process process = start(List.of(), ProcessBuilder.Redirect.PIPE, "--config", config.toString(), "--port", "0",
            "--data-dir", dir.resolve("data").toString());
        try
        {
            process.getOutputStream().close();
            // the log (standard error) says so once the move is done: read up to that line, or to the end if it never comes
            final java.io.BufferedReader log = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            final StringBuilder read = new StringBuilder();
            String line = log.readLine();
            while (line != null && !line.contains("background threads (server.background_threads: idle): "))
            {
                read.append(line).append('\n');
                line = log.readLine();
            }
            assertTrue(line != null && !line.contains("not moved"), "the gateway moved its background threads: " + line + " after\n" + read);
            final List<ThreadPolicies.Task> tasks = ThreadPolicies.of(process.pid());
            final List<ThreadPolicies.Task> background = tasks.stream().filter(task -> IdleClassThreads.isJvmBackground(task.name())).toList();
            assertTrue(background.stream().anyMatch(task -> task.name().startsWith("C2 CompilerThre")), tasks::toString);
            for (final ThreadPolicies.Task task : tasks)
            {
                final boolean orderPath = task.name().startsWith("og-http-worker") || task.name().equals("og-pipeline");
                if (orderPath || background.contains(task))
                {
                    assertEquals(orderPath ? ThreadPolicies.NORMAL : ThreadPolicies.IDLE, task.policy(), task::toString);
                }
            }
            assertTrue(tasks.stream().anyMatch(task -> task.name().equals("og-pipeline")), tasks::toString);
        }
        finally
        {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exited");
        }
    }

    private static List<Path> scratchDirectories(final Path tmp) throws java.io.IOException
    {
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(tmp))
        {
            return left.filter(p -> p.getFileName().toString().startsWith("ordergate-warmup")).toList();
        }
    }

    private static boolean hasJournal(final Path scratch)
    {
        return java.nio.file.Files.isDirectory(scratch.resolve("data").resolve("journal"));
    }
}
