package io.ordergate.gateway.users;

import java.text.ParseException;
import java.util.Date;
import java.util.UUID;
import java.util.function.LongSupplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues and checks bearer tokens (HS256 JWTs, with nimbus-jose-jwt). An access token names its user and session;
 * a refresh token also the session's refresh generation, which the engine rotates. Checking a token is signature,
 * {@code kid}, algorithm, issuer, use and expiry only: whether its session still lives is the directory's word.
 * Thread safe (stateless beyond the keys).
 */
public final class TokenService
{
    public static final String ISSUER = "ordergate";
    static final String ACCESS = "access";
    static final String REFRESH = "refresh";
    private static final String USE_CLAIM = "token_use";
    private static final String SESSION_CLAIM = "sid";
    private static final String GENERATION_CLAIM = "gen";
    private static final String ROLE_CLAIM = "role";

    private final SigningKeys keys;
    private final LongSupplier clockMillis;
    private final int accessTtlSeconds;
    private final int refreshTtlSeconds;

    public TokenService(final SigningKeys keys, final LongSupplier clockMillis, final int accessTtlSeconds, final int refreshTtlSeconds)
    {
        this.keys = keys;
        this.clockMillis = clockMillis;
        this.accessTtlSeconds = accessTtlSeconds;
        this.refreshTtlSeconds = refreshTtlSeconds;
    }

    /** What a valid token says. */
    public record Claims(String userId, String sessionId, int generation, long expiresAtMillis)
    {
    }

    /** A signed pair, as login and refresh answer it. */
    public record Pair(String accessToken, String refreshToken, int expiresInSeconds)
    {
    }

    public int accessTtlSeconds()
    {
        return accessTtlSeconds;
    }

    /** Signs a new access token and the refresh token of {@code generation} for a session. */
    public Pair issue(final String userId, final String sessionId, final int generation, final String role)
    {
        final long now = clockMillis.getAsLong();
        final JWTClaimsSet access = claims(userId, sessionId, now, accessTtlSeconds).claim(USE_CLAIM, ACCESS)
            .claim(ROLE_CLAIM, role).build();
        final JWTClaimsSet refresh = claims(userId, sessionId, now, refreshTtlSeconds).claim(USE_CLAIM, REFRESH)
            .claim(GENERATION_CLAIM, generation).build();
        return new Pair(sign(access), sign(refresh), accessTtlSeconds);
    }

    /** @return the claims of a valid, unexpired access token, or null. */
    public Claims checkAccess(final String token)
    {
        return check(token, ACCESS);
    }

    /** @return the claims of a valid, unexpired refresh token, or null. */
    public Claims checkRefresh(final String token)
    {
        return check(token, REFRESH);
    }

    private Claims check(final String token, final String use)
    {
        if (token == null || token.isEmpty() || token.length() > 4096)
        {
            return null;
        }
        try
        {
            final SignedJWT jwt = SignedJWT.parse(token);
            final OctetSequenceKey key = keys.find(jwt.getHeader().getKeyID());
            if (key == null || !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key)))
            {
                return null;
            }
            final JWTClaimsSet claims = jwt.getJWTClaimsSet();
            final Date expires = claims.getExpirationTime();
            final String sessionId = claims.getStringClaim(SESSION_CLAIM);
            if (!ISSUER.equals(claims.getIssuer()) || !use.equals(claims.getStringClaim(USE_CLAIM)) || expires == null
                || expires.getTime() <= clockMillis.getAsLong() || claims.getSubject() == null || sessionId == null)
            {
                return null;
            }
            final Integer generation = REFRESH.equals(use) ? claims.getIntegerClaim(GENERATION_CLAIM) : Integer.valueOf(0);
            return generation == null ? null : new Claims(claims.getSubject(), sessionId, generation, expires.getTime());
        }
        catch (final ParseException | JOSEException | RuntimeException ex)
        {
            return null;  // not a JWT, a claim of the wrong type, a key of the wrong size: all just invalid
        }
    }

    private static JWTClaimsSet.Builder claims(final String userId, final String sessionId, final long now, final int ttlSeconds)
    {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(userId).claim(SESSION_CLAIM, sessionId)
            .issueTime(new Date(now / 1000 * 1000)).expirationTime(new Date((now / 1000 + ttlSeconds) * 1000))
            .jwtID(UUID.randomUUID().toString());
    }

    private String sign(final JWTClaimsSet claims)
    {
        final OctetSequenceKey key = keys.signing();
        final SignedJWT jwt = new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try
        {
            jwt.sign(new MACSigner(key));
        }
        catch (final JOSEException ex)
        {
            throw new IllegalStateException("cannot sign a token", ex);
        }
        return jwt.serialize();
    }
}
