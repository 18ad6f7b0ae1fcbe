package io.ordergate.gateway.executors;

import static io.ordergate.gateway.executors.EaAgents.compileResult;
import static io.ordergate.gateway.executors.EaAgents.takenCompile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.ea.ArtifactStore;

/**
 * {@code DATA_DIR/artifacts} holds what the versions point at: a recompile's replaced EX5 is removed once the new one
 * is taken (unless another version shares its bytes), and the files a killed gateway left staged and never settled
 * are swept at the next start, the settled ones kept.
 */
class RecompileArtifactsTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldLeaveOnlyTheNewBuildAfterARecompileAndKeepABuildAnotherVersionShares() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, AgentsAndEasHttpTest.YAML))
        {
            final EaAgents.Paired paired = EaAgents.paired(gateway, "ann@example.com");
            final byte[] first = bytes("EX5 first build");
            assertEquals(200, compileResult(gateway, paired, takenCompile(gateway, paired), "completed", first).status());
            final Set<String> before = files();
            final byte[] second = bytes("EX5 second build");
            assertEquals(200, compileResult(gateway, paired, takenCompile(gateway, paired), "completed", second).status());
            assertEquals(replaced(before, first, second), files(), "the replaced EX5 is removed once the new one is taken");
            assertArrayEquals(second, AgentsAndEasHttpTest.download(gateway, ex5Url(gateway, paired, paired.versionId()), "Bearer " + paired.token()));

            final String other = EaAgents.generate(gateway, paired.project(), paired.token());
            assertEquals(200, compileResult(gateway, paired, takenCompile(gateway, paired, other), "completed", second).status());
            final Set<String> shared = files();
            final byte[] third = bytes("EX5 third build");
            assertEquals(200, compileResult(gateway, paired, takenCompile(gateway, paired), "completed", third).status());
            final Set<String> kept = new TreeSet<>(shared);
            kept.add(AgentsAndEasHttpTest.sha(third));
            assertEquals(kept, files(), "an EX5 another version built to the same bytes stays");
            assertArrayEquals(second, AgentsAndEasHttpTest.download(gateway, ex5Url(gateway, paired, other), "Bearer " + paired.token()));

            assertEquals(200, compileResult(gateway, paired, takenCompile(gateway, paired), "completed", third).status());
            assertEquals(kept, files(), "a recompile to the same bytes keeps its file");
        }
    }

    @Test
    void shouldSweepAtStartTheFilesStagedAndNeverSettledAndKeepTheSettledOnes() throws Exception
    {
        final byte[] accepted = bytes("EX5 accepted");
        final EaAgents.Paired paired;
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, AgentsAndEasHttpTest.YAML))
        {
            paired = EaAgents.paired(gateway, "ann@example.com");
            assertEquals(200, compileResult(gateway, paired, takenCompile(gateway, paired), "completed", accepted).status());
        }
        final Set<String> settled = files();
        // what a gateway killed mid-upload leaves: an EX5 staged before its result was published, never settled; a
        // write cut before its rename (two); and an accepted result's EX5 whose settling the kill cut off (taken in the journal)
        try (ArtifactStore store = new ArtifactStore(dataDir, 16384))
        {
            store.stage(bytes("EX5 of a result the gateway died before publishing"));
            Files.delete(dataDir.resolve("artifacts").resolve(AgentsAndEasHttpTest.sha(accepted)));
            store.stage(accepted);
        }
        Files.write(dataDir.resolve("artifacts").resolve("incoming-12345.tmp"), bytes("half an EX5"));  // an older gateway's
        Files.write(dataDir.resolve("artifacts").resolve(AgentsAndEasHttpTest.sha(bytes("an EX5")) + ".4242.tmp"), bytes("half of it"));
        try (LogLines swept = new LogLines(ArtifactStore.class, "swept 3 orphaned artifact files");
             GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, AgentsAndEasHttpTest.YAML))
        {
            assertEquals(settled, files(), "the orphans are gone; the settled files, the one taken before the kill too, are kept");
            assertEquals(1, swept.count(), "one line counts them");
            assertArrayEquals(accepted, AgentsAndEasHttpTest.download(gateway, ex5Url(gateway, paired, paired.versionId()),
                "Bearer " + paired.token()));
        }
    }

    private Set<String> files() throws Exception
    {
        try (Stream<Path> listed = Files.list(dataDir.resolve("artifacts")))
        {
            return listed.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> replaced(final Set<String> files, final byte[] old, final byte[] now) throws Exception
    {
        final Set<String> expected = new TreeSet<>(files);
        expected.remove(AgentsAndEasHttpTest.sha(old));
        expected.add(AgentsAndEasHttpTest.sha(now));
        return expected;
    }

    private static String ex5Url(final GatewayHarness gateway, final EaAgents.Paired paired, final String versionId)
    {
        return (String)AgentsAndEasHttpTest.artifacts(gateway, versionId, paired.token()).stream().map(a -> (Map<?, ?>)a)
            .filter(a -> "EX5".equals(a.get("kind"))).findFirst().orElseThrow().get("download_url");
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
