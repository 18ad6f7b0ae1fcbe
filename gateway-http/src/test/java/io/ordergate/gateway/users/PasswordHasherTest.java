package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordHasherTest
{
    private final PasswordHasher hasher = new PasswordHasher(1024, 2, 2);

    @AfterEach
    void close()
    {
        hasher.close();
    }

    @Test
    void aHashIsAnArgon2idPhcStringWithItsCostAndAFreshSalt()
    {
        final String hash = hasher.hash("correct horse battery");
        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=2,p=1$"), hash);
        assertNotEquals(hash, hasher.hash("correct horse battery"), "a new salt each time");
        assertFalse(hash.contains("correct"));
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
        assertFalse(hasher.verify("correct horse battery", "$2a$10$notargon"), "a malformed hash never matches");
    }

    @Test
    void pastItsQueueAHashFailsAtOnceAsBusyAndLaterOnesRunAgain() throws Exception
    {
        final ThreadPoolExecutor oneWorker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1));
        try (PasswordHasher bounded = new PasswordHasher(1024, 1, oneWorker))
        {
            final CountDownLatch held = new CountDownLatch(1);
            final CountDownLatch release = new CountDownLatch(1);
            oneWorker.execute(() ->
            {
                held.countDown();
                awaitQuietly(release);
            });
            assertTrue(held.await(10, TimeUnit.SECONDS));
            final CompletableFuture<String> waiting = bounded.hashAsync("correct horse battery");
            final CompletableFuture<Boolean> refused = bounded.verifyAsync("correct horse battery", null);
            assertTrue(refused.isCompletedExceptionally(), "the queue of one is taken: refused at once, not queued");
            assertTrue(PasswordHasher.busy(refused.handle((ok, failure) -> failure).get()));
            release.countDown();
            assertTrue(bounded.verify("correct horse battery", waiting.get(10, TimeUnit.SECONDS)), "the queued hash ran");
            assertFalse(bounded.verifyAsync("correct horse battery", null).get(10, TimeUnit.SECONDS), "room again once it drained");
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aHashKeepsItsOwnCostWhenTheConfiguredCostChanges()
    {
        final String old = hasher.hash("correct horse battery");
        try (PasswordHasher stronger = new PasswordHasher(2048, 3, 1))
        {
            assertTrue(stronger.verify("correct horse battery", old));
        }
    }

    @Test
    void hashingAndVerifyingRunOnTheWorkersNotTheCaller() throws Exception
    {
        try (PasswordHasher costly = new PasswordHasher(32_768, 3, 1))
        {
            final java.util.concurrent.CompletableFuture<String> pending = costly.hashAsync("correct horse battery");
            assertFalse(pending.isDone(), "the caller (an event loop) does not wait for a 32 MiB hash");
            final String hash = pending.get(30, TimeUnit.SECONDS);
            assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("og-password-1")));
            assertTrue(costly.verifyAsync("correct horse battery", hash).get(30, TimeUnit.SECONDS));
            assertFalse(costly.verifyAsync("wrong horse battery", hash).get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anUnknownUserFailsLikeAWrongPasswordAndCostsTheSameArgon2Work() throws Exception
    {
        final String hash = hasher.hash("correct horse battery");
        final long beforeWrong = hasher.workDone();
        assertFalse(hasher.verifyAsync("wrong horse battery", hash).get(10, TimeUnit.SECONDS));
        final long wrong = hasher.workDone() - beforeWrong;
        final long beforeUnknown = hasher.workDone();
        assertFalse(hasher.verifyAsync("correct horse battery", null).get(10, TimeUnit.SECONDS), "no user: never a match");
        final long unknown = hasher.workDone() - beforeUnknown;
        assertTrue(wrong > 0, "a wrong password ran argon2id");
        assertEquals(wrong, unknown, "an unknown user runs one argon2id verification at the same cost as a wrong password");
        assertEquals(false, hasher.verifyAsync("", null).get(10, TimeUnit.SECONDS));
    }
}
