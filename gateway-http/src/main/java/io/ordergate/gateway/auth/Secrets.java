package io.ordergate.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

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
