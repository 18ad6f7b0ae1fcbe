package io.ordergate.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Secrets#matchesHashOf}, the request path's check, agrees with hashing and comparing, whatever the secret. */
class SecretsTest
{
    @ParameterizedTest
    @ValueSource(strings = {"bench-secret-0123456789abcdef", "x", "ünïcödé-sëcret €", "a-secret-longer-than-the-scratch-it-starts-with-"
        + "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void shouldMatchTheHashOfTheSameSecretOnly(final String secret)
    {
        final byte[] stored = Secrets.hash(secret);
        assertTrue(Secrets.matchesHashOf(stored, secret));
        assertFalse(Secrets.matchesHashOf(stored, secret + "x"));
        assertFalse(Secrets.matchesHashOf(stored, secret.substring(1)));
        assertFalse(Secrets.matchesHashOf(new byte[Secrets.HASH_LENGTH], secret));
        assertTrue(Secrets.matchesHashOf(stored, secret), "the scratch of the checks before leaves no trace");
    }

    @Test
    void shouldMatchAGeneratedSecretAndNotAnotherOne()
    {
        final String secret = Secrets.newSecret();
        assertEquals(Secrets.SECRET_LENGTH, secret.length());
        assertTrue(Secrets.matchesHashOf(Secrets.hash(secret), secret));
        assertFalse(Secrets.matchesHashOf(Secrets.hash(secret), Secrets.newSecret()));
    }

    @Test
    void shouldMatchTheEmptySecretOnlyToItsHash()
    {
        assertTrue(Secrets.matchesHashOf(Secrets.hash(""), ""));
        assertFalse(Secrets.matchesHashOf(Secrets.hash(""), " "));
    }
}
