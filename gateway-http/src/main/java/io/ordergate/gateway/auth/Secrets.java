package io.ordergate.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Makes and hashes API keys and secrets. Safe from any thread.
 *
 * <p>Secrets are stored as a plain SHA-256: a secret is 48 characters from {@link SecureRandom} (about 285 bits),
 * far beyond brute force, so a slow password KDF would only add latency to every request without adding safety.
 * An operator-chosen secret from {@code ORDERGATE_API_SECRET} is the operator's to make long and random.
 */
public final class Secrets
{
    public static final String KEY_PREFIX = "og_";
    public static final int KEY_RANDOM_LENGTH = 24;
    public static final int SECRET_LENGTH = 48;
    public static final int HASH_LENGTH = 32;

    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Secrets::newSha256);
    private static final ThreadLocal<Checker> CHECKER = ThreadLocal.withInitial(Checker::new);
    private static final int ASCII_LIMIT = 0x80;

    private Secrets()
    {
    }

    /** A new key id: {@code og_} and 24 random lowercase letters and digits. */
    public static String newKey()
    {
        return KEY_PREFIX + random(LOWER_ALNUM, KEY_RANDOM_LENGTH);
    }

    /** A new secret: 48 random letters and digits. */
    public static String newSecret()
    {
        return random(ALNUM, SECRET_LENGTH);
    }

    /** SHA-256 of the secret's UTF-8 bytes. */
    public static byte[] hash(final String secret)
    {
        final MessageDigest digest = SHA_256.get();
        digest.reset();
        return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code secret} hashes to {@code expectedHash}, compared in constant time: {@link #matches} of
     * {@link #hash}, without allocating for an ASCII secret (every generated one), as every authenticated request asks.
     */
    public static boolean matchesHashOf(final byte[] expectedHash, final String secret)
    {
        return CHECKER.get().matches(expectedHash, secret);
    }

    /** Constant-time comparison of two hashes. */
    public static boolean matches(final byte[] expectedHash, final byte[] actualHash)
    {
        return MessageDigest.isEqual(expectedHash, actualHash);
    }

    private static String random(final char[] alphabet, final int length)
    {
        final char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(chars);
    }

    /** One thread's digest and scratch for {@link #matchesHashOf}; the secret's bytes are wiped after each use. */
    private static final class Checker
    {
        private final MessageDigest digest = newSha256();
        private final byte[] actual = new byte[HASH_LENGTH];
        private byte[] ascii = new byte[SECRET_LENGTH * 2];

        boolean matches(final byte[] expectedHash, final String secret)
        {
            final int length = secret.length();
            if (ascii.length < length)
            {
                ascii = new byte[length];
            }
            for (int i = 0; i < length; i++)
            {
                final char c = secret.charAt(i);
                if (c >= ASCII_LIMIT)
                {
                    Arrays.fill(ascii, 0, i, (byte)0);
                    return Secrets.matches(expectedHash, hash(secret));  // UTF-8 beyond ASCII: the plain way
                }
                ascii[i] = (byte)c;
            }
            digest.reset();
            digest.update(ascii, 0, length);
            Arrays.fill(ascii, 0, length, (byte)0);
            try
            {
                digest.digest(actual, 0, HASH_LENGTH);
            }
            catch (final DigestException ex)
            {
                throw new IllegalStateException("SHA-256 digest of " + HASH_LENGTH + " bytes failed", ex);
            }
            return MessageDigest.isEqual(expectedHash, actual);
        }
    }

    private static MessageDigest newSha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
