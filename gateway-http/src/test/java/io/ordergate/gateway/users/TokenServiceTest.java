package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tokens as an outsider sees them: the signature is checked here with the JDK's own HMAC over the key read from
 * the key file as plain JSON, not through nimbus or the service.
 */
class TokenServiceTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_795_341_600_000L;

    @TempDir
    Path directory;

    private final AtomicLong clock = new AtomicLong(NOW);

    @Test
    void anAccessTokenIsAnHs256JwtWithItsKidVerifiableWithThePlainJdk() throws Exception
    {
        final Path auth = directory.resolve("data").resolve("auth");
        final SigningKeys keys = SigningKeys.open(auth, null);
        final TokenService tokens = new TokenService(keys, clock::get, 3600, 86_400);
        final TokenService.Pair pair = tokens.issue("u-1", "s-1", 0, "trader");
        final String[] parts = pair.accessToken().split("\\.");
        assertEquals(3, parts.length);
        final JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        final JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("HS256", header.get("alg").asText());
        assertEquals("JWT", header.get("typ").asText());

        final JsonNode keyFile = JSON.readTree(Files.readString(auth.resolve(SigningKeys.FILE)));
        final JsonNode key = keyFile.get("keys").get(0);
        assertEquals(key.get("kid").asText(), header.get("kid").asText(), "the header names the signing key");
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(key.get("k").asText()), "HmacSHA256"));
        final byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, Base64.getUrlDecoder().decode(parts[2]), "the JDK's HMAC-SHA256 gives the same signature");

        assertEquals("u-1", claims.get("sub").asText());
        assertEquals("s-1", claims.get("sid").asText());
        assertEquals("ordergate", claims.get("iss").asText());
        assertEquals("access", claims.get("token_use").asText());
        assertEquals(NOW / 1000 + 3600, claims.get("exp").asLong());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(auth.resolve(SigningKeys.FILE))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(auth)));
    }

    @Test
    void aTokenExpiresAtItsExpiryAndARefreshTokenIsNoAccessToken()
    {
        final TokenService tokens = new TokenService(SigningKeys.open(directory, null), clock::get, 60, 600);
        final TokenService.Pair pair = tokens.issue("u-1", "s-1", 4, "viewer");
        assertEquals("s-1", tokens.checkAccess(pair.accessToken()).sessionId());
        assertEquals(4, tokens.checkRefresh(pair.refreshToken()).generation());
        assertNull(tokens.checkAccess(pair.refreshToken()));
        assertNull(tokens.checkRefresh(pair.accessToken()));
        clock.addAndGet(59_999);
        assertNotNull(tokens.checkAccess(pair.accessToken()));
        clock.addAndGet(1);
        assertNull(tokens.checkAccess(pair.accessToken()), "expired at exp");
        assertNotNull(tokens.checkRefresh(pair.refreshToken()));
    }

    @Test
    void aTamperedForgedOrUnsignedTokenIsRefused()
    {
        final TokenService tokens = new TokenService(SigningKeys.open(directory, null), clock::get, 60, 600);
        final String token = tokens.issue("u-1", "s-1", 0, "trader").accessToken();
        final String[] parts = token.split("\\.");
        final String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
            new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("u-1", "u-2").getBytes(StandardCharsets.UTF_8));
        assertNull(tokens.checkAccess(parts[0] + "." + otherClaims + "." + parts[2]), "changed claims");
        final String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(tokens.checkAccess(none + "." + parts[1] + "."), "alg none");
        final TokenService stranger = new TokenService(SigningKeys.open(directory.resolve("other"), null), clock::get, 60, 600);
        assertNull(tokens.checkAccess(stranger.issue("u-1", "s-1", 0, "trader").accessToken()), "another gateway's key");
        assertNull(tokens.checkAccess("not.a.jwt"));
        assertNull(tokens.checkAccess(""));
    }

    @Test
    void theKeyFileSurvivesARestartAndARotationKeepsOldTokensValid()
    {
        final SigningKeys first = SigningKeys.open(directory, null);
        final String token = new TokenService(first, clock::get, 60, 600).issue("u-1", "s-1", 0, "trader").accessToken();
        final SigningKeys reopened = SigningKeys.open(directory, null);
        assertEquals(first.signing().getKeyID(), reopened.signing().getKeyID());
        final TokenService afterRestart = new TokenService(reopened, clock::get, 60, 600);
        assertNotNull(afterRestart.checkAccess(token));

        final String oldKid = reopened.signing().getKeyID();
        final String newKid = reopened.rotate();
        assertNotEquals(oldKid, newKid);
        assertNotNull(afterRestart.checkAccess(token), "a token of the old key still verifies");
        final String fresh = afterRestart.issue("u-1", "s-1", 0, "trader").accessToken();
        assertTrue(new String(Base64.getUrlDecoder().decode(fresh.split("\\.")[0]), StandardCharsets.UTF_8).contains(newKid));
        assertNotNull(new TokenService(SigningKeys.open(directory, null), clock::get, 60, 600).checkAccess(token),
            "the rotation is saved with the old key after it");
        for (int i = 1; i < SigningKeys.KEEP; i++)
        {
            reopened.rotate();
        }
        assertNull(afterRestart.checkAccess(token), "a key rotated out KEEP times no longer verifies");
    }

    @Test
    void aConfiguredSecretSignsAndTheStoredKeysStillVerify()
    {
        final String stored = new TokenService(SigningKeys.open(directory, null), clock::get, 60, 600).issue("u-1", "s-1", 0, "t").accessToken();
        final byte[] secret = new byte[32];
        secret[0] = 42;
        final SigningKeys configured = SigningKeys.open(directory, secret);
        final TokenService tokens = new TokenService(configured, clock::get, 60, 600);
        assertNotNull(tokens.checkAccess(stored));
        final String signed = tokens.issue("u-1", "s-1", 0, "t").accessToken();
        assertNotNull(new TokenService(SigningKeys.open(directory.resolve("x"), secret), clock::get, 60, 600).checkAccess(signed),
            "the same secret verifies elsewhere");
    }
}
