package io.ordergate.config;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * People who sign in (issue 10): signup, bearer tokens, password hashing and policy, login and request limits.
 * Immutable: safe from any thread.
 */
public final class AuthConfig
{
    public static final int ACCESS_TOKEN_TTL_DEFAULT = 3600;
    public static final int REFRESH_TOKEN_TTL_DEFAULT = 30 * 24 * 3600;
    public static final int RESET_TOKEN_TTL_DEFAULT = 3600;
    public static final int REQUESTS_PER_MINUTE_DEFAULT = 100;
    public static final int MAX_WEBSOCKETS_DEFAULT = 10;
    /** Sign-ups from one address per {@code login_lockout_seconds}: each takes a user for good, whatever its outcome. */
    public static final int SIGNUPS_PER_ADDRESS_DEFAULT = 20;
    /** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
    public static final int HASH_MEMORY_KIB_DEFAULT = 19456;
    public static final int HASH_ITERATIONS_DEFAULT = 2;
    private static final Pattern ROLE = Pattern.compile("trader|viewer|exporter");

    private final boolean signup;
    private final String signupRole;
    private final int accessTokenTtlSeconds;
    private final int refreshTokenTtlSeconds;
    private final int resetTokenTtlSeconds;
    private final byte[] jwtSecret;
    private final int requestsPerMinute;
    private final int maxWebSocketsPerUser;
    private final int passwordMinLength;
    private final int hashMemoryKib;
    private final int hashIterations;
    private final int hashWorkers;
    private final int loginFailuresPerUser;
    private final int loginFailuresPerAddress;
    private final int signupsPerAddress;
    private final int loginLockoutSeconds;
    private final String resetLink;

    AuthConfig(final boolean signup, final String signupRole, final int accessTokenTtlSeconds, final int refreshTokenTtlSeconds,
        final int resetTokenTtlSeconds, final byte[] jwtSecret, final int requestsPerMinute, final int maxWebSocketsPerUser,
        final int passwordMinLength, final int hashMemoryKib, final int hashIterations, final int hashWorkers,
        final int loginFailuresPerUser, final int loginFailuresPerAddress, final int signupsPerAddress, final int loginLockoutSeconds,
        final String resetLink)
    {
        this.signup = signup;
        this.signupRole = signupRole;
        this.accessTokenTtlSeconds = accessTokenTtlSeconds;
        this.refreshTokenTtlSeconds = refreshTokenTtlSeconds;
        this.resetTokenTtlSeconds = resetTokenTtlSeconds;
        this.jwtSecret = jwtSecret;
        this.requestsPerMinute = requestsPerMinute;
        this.maxWebSocketsPerUser = maxWebSocketsPerUser;
        this.passwordMinLength = passwordMinLength;
        this.hashMemoryKib = hashMemoryKib;
        this.hashIterations = hashIterations;
        this.hashWorkers = hashWorkers;
        this.loginFailuresPerUser = loginFailuresPerUser;
        this.loginFailuresPerAddress = loginFailuresPerAddress;
        this.signupsPerAddress = signupsPerAddress;
        this.loginLockoutSeconds = loginLockoutSeconds;
        this.resetLink = resetLink;
    }

    static AuthConfig read(final YamlSection s)
    {
        final String secretText = s.string("jwt_secret", "");
        byte[] secret = null;
        if (!secretText.isEmpty())
        {
            try
            {
                secret = Base64.getUrlDecoder().decode(secretText.replace('+', '-').replace('/', '_').replace("=", ""));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigException(s.pathOf("jwt_secret"), "must be base64 (at least 32 bytes), was not base64");
            }
            if (secret.length < 32)
            {
                throw new ConfigException(s.pathOf("jwt_secret"), "must be at least 32 bytes of base64, was " + secret.length);
            }
        }
        final AuthConfig config = new AuthConfig(
            s.bool("signup", false),
            s.matching("signup_role", "trader", ROLE, "trader, viewer or exporter"),
            s.intValue("access_token_ttl_seconds", ACCESS_TOKEN_TTL_DEFAULT, 10, 7 * 24 * 3600),
            s.intValue("refresh_token_ttl_seconds", REFRESH_TOKEN_TTL_DEFAULT, 60, 365 * 24 * 3600),
            s.intValue("reset_token_ttl_seconds", RESET_TOKEN_TTL_DEFAULT, 60, 7 * 24 * 3600),
            secret,
            s.intValue("requests_per_minute", REQUESTS_PER_MINUTE_DEFAULT, 1, 1_000_000),
            s.intValue("max_websockets_per_user", MAX_WEBSOCKETS_DEFAULT, 1, 10_000),
            s.intValue("password_min_length", 10, 8, 128),
            s.intValue("password_hash_memory_kib", HASH_MEMORY_KIB_DEFAULT, 8, 1_048_576),
            s.intValue("password_hash_iterations", HASH_ITERATIONS_DEFAULT, 1, 100),
            s.intValue("password_hash_workers", 2, 1, 64),
            s.intValue("login_failures_per_user", 5, 1, 1000),
            s.intValue("login_failures_per_address", 20, 1, 100_000),
            s.intValue("signups_per_address", SIGNUPS_PER_ADDRESS_DEFAULT, 1, 100_000),
            s.intValue("login_lockout_seconds", 900, 1, 86_400),
            s.string("reset_link", ""));
        s.finish();
        return config;
    }

    /** Whether anyone may sign up ({@code POST /api/v1/auth/signup}); off unless configured (on in the demo). */
    public boolean signup()
    {
        return signup;
    }

    /** The role a signup gets: trader, viewer or exporter. */
    public String signupRole()
    {
        return signupRole;
    }

    public int accessTokenTtlSeconds()
    {
        return accessTokenTtlSeconds;
    }

    public int refreshTokenTtlSeconds()
    {
        return refreshTokenTtlSeconds;
    }

    public int resetTokenTtlSeconds()
    {
        return resetTokenTtlSeconds;
    }

    /** The HMAC key that signs tokens, or null to generate one into the data directory at first start. */
    public byte[] jwtSecret()
    {
        return jwtSecret == null ? null : jwtSecret.clone();
    }

    /** Requests per minute per signed-in user. */
    public int requestsPerMinute()
    {
        return requestsPerMinute;
    }

    public int maxWebSocketsPerUser()
    {
        return maxWebSocketsPerUser;
    }

    public int passwordMinLength()
    {
        return passwordMinLength;
    }

    public int hashMemoryKib()
    {
        return hashMemoryKib;
    }

    public int hashIterations()
    {
        return hashIterations;
    }

    /** Threads hashing passwords, off the event loops and the engine. */
    public int hashWorkers()
    {
        return hashWorkers;
    }

    /** Failed logins for one user before it is locked out for a while. */
    public int loginFailuresPerUser()
    {
        return loginFailuresPerUser;
    }

    /** Failed logins from one address before it is locked out for a while. */
    public int loginFailuresPerAddress()
    {
        return loginFailuresPerAddress;
    }

    /**
     * Sign-ups from one address (each counts, whatever its outcome) before back-off and then a lock, within
     * {@code login_lockout_seconds}; counted apart from logins and resets.
     */
    public int signupsPerAddress()
    {
        return signupsPerAddress;
    }

    public int loginLockoutSeconds()
    {
        return loginLockoutSeconds;
    }

    /** Put before the reset token in the mail (e.g. {@code https://app.example/reset?token=}); empty: the token alone. */
    public String resetLink()
    {
        return resetLink;
    }

    /** A copy with signup on or off. */
    public AuthConfig withSignup(final boolean on)
    {
        return new AuthConfig(on, signupRole, accessTokenTtlSeconds, refreshTokenTtlSeconds, resetTokenTtlSeconds, jwtSecret,
            requestsPerMinute, maxWebSocketsPerUser, passwordMinLength, hashMemoryKib, hashIterations, hashWorkers,
            loginFailuresPerUser, loginFailuresPerAddress, signupsPerAddress, loginLockoutSeconds, resetLink);
    }

    @Override
    public String toString()
    {
        return "AuthConfig{signup=" + signup + ", signupRole=" + signupRole + ", accessTokenTtlSeconds=" + accessTokenTtlSeconds +
            ", refreshTokenTtlSeconds=" + refreshTokenTtlSeconds + ", jwtSecret=" + (jwtSecret == null ? "generated" : "<set>") +
            ", requestsPerMinute=" + requestsPerMinute + ", maxWebSocketsPerUser=" + maxWebSocketsPerUser +
            ", passwordMinLength=" + passwordMinLength + ", hashMemoryKib=" + hashMemoryKib + ", hashIterations=" + hashIterations + '}';
    }
}
