package io.ordergate.gateway.ea;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An artifact is written the one crash-safe way ({@code DurableFiles.createOnce}): complete and owner-only, and a write
 * that fails leaves no temporary file behind (it was left to the next start's sweep, or forever if none came).
 */
class ArtifactStoreWriteTest
{
    private static final byte[] EX5 = "EX5 bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void shouldWriteAnArtifactCompleteAndOwnerOnly() throws IOException
    {
        final byte[] large = new byte[900_000];
        for (int i = 0; i < large.length; i++)
        {
            large[i] = (byte)(i * 131 + 17);
        }
        try (ArtifactStore store = new ArtifactStore(dataDir, 1 << 20))
        {
            final String name = HexFormat.of().formatHex(store.stage(large));
            final Path file = artifacts().resolve(name);
            assertArrayEquals(large, Files.readAllBytes(file), "complete");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(artifacts())));
            assertEquals(List.of(name, name + ".staged"), names(), "no temporary file left");
        }
    }

    @Test
    void shouldLeaveNoTemporaryFileWhenTheWriteFails() throws IOException
    {
        final String name = HexFormat.of().formatHex(ArtifactStore.sha256(EX5));
        Files.createDirectories(artifacts().resolve(name).resolve("in the way"));  // the rename into place fails
        try (ArtifactStore store = new ArtifactStore(dataDir, 1024))
        {
            assertThrows(UncheckedIOException.class, () -> store.put(EX5));
        }
        assertEquals(List.of(name), names(), "no temporary file left");
    }

    private Path artifacts()
    {
        return dataDir.resolve("artifacts");
    }

    private List<String> names() throws IOException
    {
        try (var files = Files.list(artifacts()))
        {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
