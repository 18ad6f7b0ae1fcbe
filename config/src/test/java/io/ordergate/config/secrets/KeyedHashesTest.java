package io.ordergate.config.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class KeyedHashesTest
{
    private static byte[] key(final int seed)
    {
        final byte[] key = new byte[32];
        Arrays.fill(key, (byte)seed);
        return key;
    }

    @Test
    void aHashMatchesItsSecretForItsPurposeOnly()
    {
        final KeyedHashes hashes = new KeyedHashes(MasterKeys.of(key(1)));
        final String stored = hashes.hash("s3cret", "bot");
        assertTrue(stored.startsWith("h1:"), stored);
        assertTrue(hashes.matches("s3cret", stored, "bot"));
        assertFalse(hashes.matches("s3cret!", stored, "bot"));
        assertFalse(hashes.matches("s3cret", stored, "other"), "a hash made for one purpose never matches another");
        assertFalse(hashes.matches("", stored, "bot"));
        assertFalse(hashes.matches("s3cret", "h1:nokey:AAAA", "bot"));
        assertNotEquals(stored, new KeyedHashes(MasterKeys.of(key(2))).hash("s3cret", "bot"), "the key is in the hash");
        assertArrayEquals(hashes.digest("s3cret", "bot"), hashes.currentDigest(stored));
    }

    @Test
    void aHashMadeBeforeARotationStillMatchesButIsNoLongerCurrent()
    {
        final String stored = new KeyedHashes(MasterKeys.of(key(1))).hash("s3cret", "bot");
        final KeyedHashes rotated = new KeyedHashes(MasterKeys.of(key(2), key(1)));
        assertTrue(rotated.matches("s3cret", stored, "bot"));
        assertFalse(rotated.isCurrent(stored));
        assertNull(rotated.currentDigest(stored));
        assertFalse(new KeyedHashes(MasterKeys.of(key(3))).matches("s3cret", stored, "bot"), "a forgotten key matches nothing");
    }
}
