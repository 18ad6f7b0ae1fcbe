package io.ordergate.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outsider's check that a secret is nowhere at rest: every file under a directory (journal queue files included)
 * searched for the secret's bytes, as an attacker with a copy of the disk would.
 */
public final class SecretSearch
{
    private static final int CHUNK_BYTES = 1 << 20;

    private SecretSearch()
    {
    }

    /**
     * Every secret of {@code secrets} found in any file under {@code dir}, as "secret in file" (relative to the dir);
     * empty when none is there. Secrets are compared as ISO-8859-1 bytes (ASCII secrets, byte for byte). Files are
     * read in chunks that overlap by the longest secret, so a large sparse queue file costs no more memory than a chunk.
     */
    public static List<String> secretsIn(final Path dir, final List<String> secrets) throws IOException
    {
        final int overlap = secrets.stream().mapToInt(String::length).max().orElse(1);
        final List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path file : (Iterable<Path>)files.filter(Files::isRegularFile)::iterator)
            {
                search(file, secrets, overlap, dir.relativize(file).toString(), found);
            }
        }
        return found;
    }

    /** True when {@code needle} occurs in {@code haystack}: for binary secrets (hashes) in one record. */
    public static boolean contains(final byte[] haystack, final byte[] needle)
    {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void search(final Path file, final List<String> secrets, final int overlap, final String name, final List<String> found)
        throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final byte[] chunk = new byte[CHUNK_BYTES];
            int kept = 0;
            for (int read = in.readNBytes(chunk, kept, chunk.length - kept); read > 0; read = in.readNBytes(chunk, kept, chunk.length - kept))
            {
                final int length = kept + read;
                final String text = new String(chunk, 0, length, StandardCharsets.ISO_8859_1);
                for (final String secret : secrets)
                {
                    final String where = secret + " in " + name;
                    if (text.contains(secret) && !found.contains(where))
                    {
                        found.add(where);
                    }
                }
                kept = Math.min(overlap, length);
                System.arraycopy(chunk, length - kept, chunk, 0, kept);
            }
        }
    }
}
