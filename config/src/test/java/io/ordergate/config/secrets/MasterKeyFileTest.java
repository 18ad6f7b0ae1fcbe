package io.ordergate.config.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file is made once: whoever reads it, even while it is being made, reads the whole key or makes it. */
class MasterKeyFileTest
{
    private static final int READERS = 4;
    private static final int ROUNDS = 300;

    @Test
    void startsThatMakeTheKeyFileTogetherAllReadTheSameKey(@TempDir final Path root) throws Exception
    {
        // Two processes on a fresh data directory (a second gateway started by mistake, a journal tool) load the keys
        // before the journal's lock is taken: one that found the file made but not yet written refused to start.
        final ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try
        {
            for (int round = 0; round < ROUNDS; round++)
            {
                final Path dataDir = root.resolve("data" + round);
                final CyclicBarrier together = new CyclicBarrier(READERS);
                final List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < READERS; i++)
                {
                    ids.add(pool.submit(() ->
                    {
                        together.await();
                        return MasterKeys.load(Map.of(), dataDir).currentId();
                    }));
                }
                final Set<String> distinct = new HashSet<>();
                for (final Future<String> id : ids)
                {
                    distinct.add(id.get());
                }
                assertEquals(1, distinct.size(), "round " + round + ": " + distinct);
                assertEquals(List.of(MasterKeys.KEY_FILE), fileNames(dataDir), "no temporary file left behind");
            }
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    private static List<String> fileNames(final Path dir) throws java.io.IOException
    {
        try (var files = Files.list(dir))
        {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
