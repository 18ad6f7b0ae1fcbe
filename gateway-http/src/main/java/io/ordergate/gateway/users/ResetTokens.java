package io.ordergate.gateway.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Password-reset tokens: 32 random bytes (base64url), given to the user once; only their SHA-256 (hex) is
 * journaled and kept. A plain hash suffices: the token is random and long, far beyond guessing. Thread safe.
 */
public final class ResetTokens
{
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResetTokens()
    {
    }

    public static String newToken()
    {
        final byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of the token's UTF-8 bytes: 64 characters. */
    public static String hash(final String token)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
