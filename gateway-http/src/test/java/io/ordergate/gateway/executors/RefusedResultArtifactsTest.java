package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An EX5 the engine does not take (a finished job's second result, a failed compile's) leaves no file in
 * {@code DATA_DIR/artifacts}: else an agent with a valid key grew the disk one body at a time. A refused copy of an
 * accepted EX5 (same content, same file) never removes the accepted one's file.
 */
class RefusedResultArtifactsTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldLeaveNoFileForAnEx5TheEngineRefusedAndKeepTheAcceptedOnesFile() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, AgentsAndEasHttpTest.YAML))
        {
            final EaAgents.Paired paired = EaAgents.paired(gateway, "ann@example.com");
            final byte[] accepted = "EX5 accepted".getBytes(StandardCharsets.UTF_8);
            final String job = EaAgents.takenCompile(gateway, paired);
            assertEquals(200, EaAgents.compileResult(gateway, paired, job, "completed", accepted).status());
            assertTrue(Files.isRegularFile(file(accepted)), "the accepted EX5 is stored");

            final byte[] refused = "EX5 sent again to a finished job".getBytes(StandardCharsets.UTF_8);
            final GatewayHarness.Response again = EaAgents.compileResult(gateway, paired, job, "completed", refused);
            assertEquals(409, again.status(), again.body());
            assertFalse(Files.exists(file(refused)), "a refused result leaves no file behind");

            assertEquals(409, EaAgents.compileResult(gateway, paired, job, "completed", accepted).status(), "the same EX5, refused");
            assertTrue(Files.isRegularFile(file(accepted)), "a refused copy never removes the accepted EX5's file");
            final String url = (String)AgentsAndEasHttpTest.artifacts(gateway, paired.versionId(), paired.token()).stream()
                .map(a -> (java.util.Map<?, ?>)a).filter(a -> "EX5".equals(a.get("kind"))).findFirst().orElseThrow().get("download_url");
            assertArrayEquals(accepted, AgentsAndEasHttpTest.download(gateway, url, "Bearer " + paired.token()));

            final byte[] ignored = "EX5 of a failed compile".getBytes(StandardCharsets.UTF_8);
            assertEquals(200, EaAgents.compileResult(gateway, paired, EaAgents.takenCompile(gateway, paired), "failed", ignored).status());
            assertFalse(Files.exists(file(ignored)), "an EX5 the engine ignores (a failed compile's) leaves no file either");
        }
    }

    private Path file(final byte[] bytes) throws Exception
    {
        return dataDir.resolve("artifacts").resolve(AgentsAndEasHttpTest.sha(bytes));
    }
}
