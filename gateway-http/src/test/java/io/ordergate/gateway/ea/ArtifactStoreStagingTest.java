package io.ordergate.gateway.ea;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged artifacts share content-addressed files: a refused result removes its file only when no one else took the
 * same bytes (an accepted result staged alongside, a {@code put}, a file already kept).
 */
class ArtifactStoreStagingTest
{
    private static final byte[] EX5 = "EX5 bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void shouldRemoveTheFileOfAStagedResultNoOneTook()
    {
        try (ArtifactStore store = new ArtifactStore(dataDir, 1024))
        {
            final byte[] sha = store.stage(EX5);
            assertTrue(Files.isRegularFile(file(sha)), "written before the engine decides");
            store.settle(sha, false);
            assertFalse(Files.exists(file(sha)));
            assertNull(store.get(sha));
        }
    }

    @Test
    void shouldKeepASharedFileWhenTheOtherStagedResultIsTakenWhicheverSettlesFirst()
    {
        try (ArtifactStore store = new ArtifactStore(dataDir, 1024))
        {
            final byte[] sha = store.stage(EX5);
            store.stage(EX5);
            store.settle(sha, false);
            assertTrue(Files.isRegularFile(file(sha)), "the other result is still pending");
            store.settle(sha, true);
            assertArrayEquals(EX5, store.get(sha));

            store.stage(EX5);
            store.stage(EX5);
            store.settle(sha, true);
            store.settle(sha, false);
            assertArrayEquals(EX5, store.get(sha), "taken first, refused after: still kept");
        }
    }

    @Test
    void shouldNeverRemoveAFileThatWasKeptBeforeOrPutWhileStaged()
    {
        try (ArtifactStore store = new ArtifactStore(dataDir, 1024))
        {
            final byte[] sha = store.put(EX5);
            store.stage(EX5);
            store.settle(sha, false);
            assertArrayEquals(EX5, store.get(sha), "a generated file with the same bytes stays");

            final byte[] other = "other".getBytes(StandardCharsets.UTF_8);
            final byte[] otherSha = store.stage(other);
            store.put(other);
            store.settle(otherSha, false);
            assertArrayEquals(other, store.get(otherSha), "put while staged: kept");
        }
    }

    private Path file(final byte[] sha)
    {
        return dataDir.resolve("artifacts").resolve(HexFormat.of().formatHex(sha));
    }
}
