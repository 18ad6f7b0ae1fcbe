package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A password typed with "é" as one code point (NFC) and as "e" and a combining accent (NFD) is one password: what
 * devices send differs, what the user typed does not. Hashes made before the normalisation (of the form as typed) still
 * verify, and are hashed again in NFC by the login that proves them.
 */
class UnicodePasswordsTest
{
    private static final String COMPOSED = "caf\u00e9-Horse-7-battery";
    private static final String DECOMPOSED = "cafe\u0301-Horse-7-battery";

    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @AfterEach
    void close()
    {
        hasher.close();
    }

    @Test
    void aPasswordHashedInOneUnicodeFormVerifiesInTheOther() throws Exception
    {
        final String fromComposed = hasher.hashAsync(COMPOSED).get(10, TimeUnit.SECONDS);
        final String fromDecomposed = hasher.hashAsync(DECOMPOSED).get(10, TimeUnit.SECONDS);
        for (final String stored : new String[] {fromComposed, fromDecomposed})
        {
            for (final String typed : new String[] {COMPOSED, DECOMPOSED})
            {
                final PasswordHasher.Verdict verdict = hasher.verifyAndRehashAsync(typed, stored).get(10, TimeUnit.SECONDS);
                assertTrue(verdict.matches(), "typed " + (typed.equals(COMPOSED) ? "composed" : "decomposed"));
                assertNull(verdict.rehashed(), "a hash of the NFC form at the configured cost stays");
            }
        }
        assertFalse(hasher.verifyAndRehashAsync("cafe-Horse-7-battery", fromComposed).get(10, TimeUnit.SECONDS).matches(),
            "the accent is part of the password: only its encoding is not");
    }

    @Test
    void aHashOfADecomposedPasswordMadeBeforeTheNormalisationStillSignsInAndIsRehashedInNfc() throws Exception
    {
        final String legacy = hasher.hash(DECOMPOSED);  // what a signup hashed before: the bytes as they came
        final PasswordHasher.Verdict verdict = hasher.verifyAndRehashAsync(DECOMPOSED, legacy).get(10, TimeUnit.SECONDS);
        assertTrue(verdict.matches(), "the device it was made from still signs in");
        assertNotNull(verdict.rehashed(), "and the login replaces the hash with one of the NFC form");
        assertTrue(hasher.verifyAndRehashAsync(COMPOSED, verdict.rehashed()).get(10, TimeUnit.SECONDS).matches(),
            "after which any device signs in");
        assertFalse(hasher.verifyAndRehashAsync("cafe-Horse-7-battery", legacy).get(10, TimeUnit.SECONDS).matches());
    }

    @Test
    void aWrongPasswordInEitherFormCostsAKnownAndAnUnknownUserTheSameWork() throws Exception
    {
        final String stored = hasher.hashAsync(COMPOSED).get(10, TimeUnit.SECONDS);
        for (final String typed : new String[] {"wrong-\u00e9-Horse-7", "wrong-e\u0301-Horse-7"})
        {
            final long beforeKnown = hasher.workDone();
            assertFalse(hasher.verifyAndRehashAsync(typed, stored).get(10, TimeUnit.SECONDS).matches());
            final long known = hasher.workDone() - beforeKnown;
            final long beforeUnknown = hasher.workDone();
            assertFalse(hasher.verifyAndRehashAsync(typed, null).get(10, TimeUnit.SECONDS).matches());
            assertEquals(known, hasher.workDone() - beforeUnknown, typed);
        }
    }

    @Test
    void thePolicyJudgesTheNfcFormAsItIsHashed()
    {
        final PasswordPolicy policy = new PasswordPolicy(10);
        final String email = "jos\u00e9@example.com";
        assertEquals("must not be your email or username", policy.problem("jose\u0301@example.com", email, "jose"),
            "the email in another form is still the email");
        assertEquals(policy.problem("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", null, null),
            policy.problem("e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301", null, null),
            "nine characters in either form");
    }
}
