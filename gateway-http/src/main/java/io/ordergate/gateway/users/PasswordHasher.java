package io.ordergate.gateway.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.LongAdder;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import io.ordergate.gateway.core.DaemonThreads;

/**
 * Slow password hashes: argon2id (BouncyCastle's implementation), stored as the PHC string
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} so each hash keeps the cost it was made with.
 * Hashing and verifying run on a small pool of named worker threads ({@code og-password-N}), never on an event loop
 * or the engine; the futures complete there. At most {@link #WAITING_PER_WORKER} hashes per worker wait their turn:
 * past that a request fails at once with {@link Busy} (answer 503 and retry), so a flood of logins or sign-ups holds
 * a bounded queue and a bounded wait, not the heap. Thread safe.
 *
 * <p>A login for an unknown user verifies against a hash of a random password made at start-up with the same cost,
 * so it takes as long and fails the same way as a wrong password; a user's hash made before the cost was raised is
 * padded to the configured cost, so its wrong password does too. A right password for a hash made at another cost is
 * hashed again at the configured one ({@link #verifyAndRehashAsync}), which the login journals in place of the old hash.
 */
public final class PasswordHasher implements AutoCloseable
{
    /** Hashes that may wait per worker: at ~50 ms a hash, a few seconds' queue at most. */
    public static final int WAITING_PER_WORKER = 32;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** argon2's least memory for one lane (8 KiB): a smaller padding is rounded up to it. */
    private static final int MIN_MEMORY_KIB = 8;
    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor workers;
    private final String unknownUserHash;
    /** argon2id work computed so far, in KiB x passes x lanes: what a login cost, comparable without a clock. */
    private final LongAdder work = new LongAdder();

    public PasswordHasher(final int memoryKib, final int iterations, final int workerCount)
    {
        this(memoryKib, iterations, new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(workerCount * WAITING_PER_WORKER), DaemonThreads.numbered("og-password-"), new ThreadPoolExecutor.AbortPolicy()));
    }

    /** On the given workers, whose queue bounds the hashes waiting (tests give a small one). */
    PasswordHasher(final int memoryKib, final int iterations, final ThreadPoolExecutor workers)
    {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.workers = workers;
        final byte[] nobody = new byte[24];
        random.nextBytes(nobody);
        this.unknownUserHash = hash(B64.encodeToString(nobody));
    }

    /** The hashing workers' queue was full: nothing was hashed; the caller may retry shortly. */
    public static final class Busy extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        Busy()
        {
            super("password hashing is busy: retry shortly", null, false, false);
        }
    }

    /** @return whether a hashing future failed because the workers' queue was full */
    public static boolean busy(final Throwable failure)
    {
        return failure instanceof Busy || failure instanceof CompletionException && failure.getCause() instanceof Busy;
    }

    /** Hashes the password's NFC form ({@link Fields#normalPassword}) on a worker; fails with {@link Busy} when too many wait. */
    public CompletableFuture<String> hashAsync(final String password)
    {
        return onWorker(() -> hash(Fields.normalPassword(password)));
    }

    /**
     * Verifies on a worker; a null {@code storedHash} (no such user) costs the same and is false. Fails with
     * {@link Busy} when too many wait.
     */
    public CompletableFuture<Boolean> verifyAsync(final String password, final String storedHash)
    {
        return verifyAndRehashAsync(password, storedHash).thenApply(Verdict::matches);
    }

    /**
     * A login's check: whether the password matches, and, when it does and the stored hash was made at another cost than
     * the configured one, the password hashed again at the configured cost (else null). A lowered cost stops costing
     * every login of the user, a raised one strengthens the stored hash, each after the user's next login. The password's
     * NFC form is checked first, then, if it differs, the form as typed (hashes made before the normalisation), whose
     * match is hashed again in NFC like a hash at another cost. Same
     * timing for a wrong password and an unknown user as {@link #verifyAsync}; fails with {@link Busy} when too many wait.
     */
    public CompletableFuture<Verdict> verifyAndRehashAsync(final String password, final String storedHash)
    {
        return onWorker(() -> verdict(password, storedHash));
    }

    /**
     * {@link #verifyAndRehashAsync} against each of several users' hashes in turn, on one worker: a login by a name two
     * users hold (see {@code UserDirectory.findAllByLogin}). No hashes: an unknown user's work, and no verdicts.
     */
    public CompletableFuture<List<Verdict>> verifyEachAsync(final String password, final List<String> storedHashes)
    {
        return onWorker(() ->
        {
            if (storedHashes.isEmpty())
            {
                verdict(password, null);
                return List.of();
            }
            final List<Verdict> verdicts = new ArrayList<>(storedHashes.size());
            storedHashes.forEach(storedHash -> verdicts.add(verdict(password, storedHash)));
            return verdicts;
        });
    }

    private Verdict verdict(final String password, final String storedHash)
    {
        final String hash = storedHash == null ? unknownUserHash : storedHash;
        final String normal = Fields.normalPassword(password);
        final boolean asNormal = verify(normal, hash);
        // a hash made before passwords were normalised is of the form as typed: tried second, for an unknown user too
        final boolean asTyped = !asNormal && !normal.equals(password) && verify(password, hash);
        final boolean matches = (asNormal || asTyped) && storedHash != null;
        padToConfiguredCost(hash);
        return new Verdict(matches, matches && (asTyped || !atConfiguredCost(storedHash)) ? hash(normal) : null);
    }

    /** Whether a password matched, and its new hash when the stored one was made at another cost (else null). */
    public record Verdict(boolean matches, String rehashed)
    {
    }

    /** Whether a stored hash was made with the configured parameters (those {@link #hash} writes). */
    boolean atConfiguredCost(final String storedHash)
    {
        return storedHash.startsWith(PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=1$");
    }

    /**
     * A hash made before the cost was raised verifies cheaper than the unknown user's (made at the configured cost):
     * the difference is worked off on a throw-away hash, so such a user's wrong password takes as long as an unknown
     * user. (A hash made before the cost was lowered still costs more: it is the price of its own strength.)
     */
    private void padToConfiguredCost(final String storedHash)
    {
        final long missing = (long)memoryKib * iterations - cost(storedHash);
        if (missing <= 0)
        {
            return;
        }
        // in passes over at most the configured memory (never more memory than a hash of the configured cost), then the rest
        final byte[] salt = new byte[SALT_BYTES];
        final int passes = (int)(missing / memoryKib);
        final int rest = (int)(missing % memoryKib);
        if (passes > 0)
        {
            argon2("", salt, memoryKib, passes, 1, HASH_BYTES);
        }
        if (rest > 0)
        {
            argon2("", salt, Math.max(MIN_MEMORY_KIB, rest), 1, 1, HASH_BYTES);
        }
    }

    /** The argon2id work of verifying a stored hash (KiB x passes x lanes); 0 for a malformed one, which is not verified. */
    private static long cost(final String storedHash)
    {
        final String[] parts = storedHash.split("\\$");
        try
        {
            final boolean argon2id = parts.length == 6 && "argon2id".equals(parts[1]) && "v=19".equals(parts[2]);
            final String[] cost = argon2id ? parts[3].split(",") : new String[0];
            return cost.length != 3 ? 0 : Long.parseLong(cost[0].substring(2)) * Long.parseLong(cost[1].substring(2))
                * Long.parseLong(cost[2].substring(2));
        }
        catch (final RuntimeException ex)
        {
            return 0;
        }
    }

    private <T> CompletableFuture<T> onWorker(final Supplier<T> work)
    {
        try
        {
            return CompletableFuture.supplyAsync(work, workers);
        }
        catch (final RejectedExecutionException ex)
        {
            return CompletableFuture.failedFuture(new Busy());
        }
    }

    /** Hashes the password as given on the calling thread: for workers and tests (normalising is the caller's). */
    public String hash(final String password)
    {
        final byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        final byte[] hash = argon2(password, salt, memoryKib, iterations, 1, HASH_BYTES);
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Verifies on the calling thread, comparing in constant time; a malformed stored hash never matches. */
    public boolean verify(final String password, final String storedHash)
    {
        final String[] parts = storedHash.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2]))
        {
            return false;
        }
        try
        {
            final String[] cost = parts[3].split(",");
            final int m = Integer.parseInt(cost[0].substring(2));
            final int t = Integer.parseInt(cost[1].substring(2));
            final int p = Integer.parseInt(cost[2].substring(2));
            final byte[] salt = B64_DECODER.decode(parts[4]);
            final byte[] expected = B64_DECODER.decode(parts[5]);
            return MessageDigest.isEqual(expected, argon2(password, salt, m, t, p, expected.length));
        }
        catch (final RuntimeException ex)
        {
            return false;
        }
    }

    /**
     * The argon2id work done so far (KiB x passes x lanes summed over every hash and verification): a wrong password
     * and an unknown user each add one verification at the configured cost, which is why they take as long.
     */
    public long workDone()
    {
        return work.sum();
    }

    private byte[] argon2(final String password, final byte[] salt, final int memory, final int passes,
        final int lanes, final int length)
    {
        work.add((long)memory * passes * lanes);
        final Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory).withIterations(passes).withParallelism(lanes).withSalt(salt).build());
        final byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @Override
    public void close()
    {
        workers.shutdown();
        try
        {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
