package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.StartupOptions;

/**
 * The jar's main as an operator meets it after damage in the middle of the journal: start-up exits 1 naming the
 * repair command; {@code journal verify} and {@code journal repair} run from the same main; then the gateway starts.
 */
class JournalCommandLineTest
{
    @TempDir
    Path dir;

    private record Exit(int status, String out, String err)
    {
    }

    @Test
    void startUpRefusesADamagedJournalAndTheRepairCommandItNamesFixesIt() throws Exception
    {
        final Path dataDir = dir.resolve("data");
        final Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, TestGateway.CONFIG);
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            for (final String id : List.of("cl-1", "cl-2", "cl-3"))
            {
                assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.01").status());
                assertEquals(201, gateway.order("{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"limit\","
                    + "\"price\":1.07,\"quantity\":0.01,\"client_order_id\":\"" + id + "\"}").status());
            }
        }
        JournalBytes.replaceLast(dataDir.resolve("journal"), "cl-2", "cl-\0");

        final Exit refused = run("--config", config.toString(), "--port", "0", "--data-dir", dataDir.toString());
        assertEquals(1, refused.status(), refused::toString);
        assertTrue(refused.err().contains("Ordergate failed to start: journal damaged in the middle"), refused.err());
        assertEquals(1, refused.err().split("journal damaged in the middle", -1).length - 1, "the reason said once: " + refused.err());
        final String repair = "java -jar ordergate.jar journal repair --data-dir '" + dataDir.toAbsolutePath() + "'";
        assertTrue(refused.err().contains(repair), refused.err());

        final Exit verify = run("journal", "verify", "--data-dir", dataDir.toString());
        assertEquals(1, verify.status(), verify::toString);
        assertTrue(verify.out().contains("is damaged") && verify.out().contains("run journal repair"), verify.out());

        final Exit repaired = run("journal", "repair", "--data-dir", dataDir.toString());
        assertEquals(0, repaired.status(), repaired::toString);
        assertTrue(repaired.out().contains("Kept the ") && repaired.out().contains(dataDir.resolve("journal/damaged").toString()),
            repaired.out());

        try (ChildGateway gateway = new ChildGateway(config, dataDir, dir.resolve("child.err")))
        {
            assertTrue(gateway.port() > 0);
            gateway.terminate();
            assertTrue(!gateway.stderrText().contains("SEVERE"), gateway.stderrText());
        }
        assertEquals(0, run("journal", "verify", "--data-dir", dataDir.toString()).status());
    }

    private static Exit run(final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m"));
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-"))
            {
                command.add(arg); // what the jar's manifest gives java -jar
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OrdergateMain.class.getName()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(StartupOptions.API_KEY_ENV, TestGateway.ADMIN_KEY);
        builder.environment().put(StartupOptions.API_SECRET_ENV, TestGateway.ADMIN_SECRET);
        final Process process = builder.start();
        process.getOutputStream().close();
        final byte[] out = process.getInputStream().readAllBytes();
        final byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exited");
        return new Exit(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
