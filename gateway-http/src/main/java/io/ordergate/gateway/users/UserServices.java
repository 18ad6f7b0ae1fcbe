package io.ordergate.gateway.users;

import java.util.function.LongSupplier;

import io.ordergate.config.AuthConfig;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.user.Role;

/**
 * Everything the users feature shares across its routes, made once at start-up from the configuration: the directory,
 * tokens and their keys, password hashing and policy, the limits, and reset mail. Thread safe; closed with the gateway.
 */
public final class UserServices implements AutoCloseable
{
    private final AuthConfig config;
    private final LongSupplier clockMillis;
    private final UserDirectory directory = new UserDirectory();
    private final TokenService tokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    /** Password-reset requests (each counts, for the email and the address) and wrong reset tokens (the address). */
    private final LoginThrottle resets;
    /** Sign-ups from one address (each counts, whatever its outcome): each takes a user and a principal for good. */
    private final LoginThrottle signups;
    private final RequestLimiter limiter;
    private final WebSocketCounter sockets;
    private final ResetMailer mailer;

    public UserServices(final GatewayConfig gateway, final LongSupplier clockMillis)
    {
        this.config = gateway.auth();
        this.clockMillis = clockMillis;
        this.tokens = new TokenService(SigningKeys.open(gateway.dataDir().resolve("auth"), config.jwtSecret()), clockMillis,
            config.accessTokenTtlSeconds(), config.refreshTokenTtlSeconds());
        this.hasher = new PasswordHasher(config.hashMemoryKib(), config.hashIterations(), config.hashWorkers());
        this.policy = new PasswordPolicy(config.passwordMinLength());
        this.throttle = new LoginThrottle(clockMillis, config.loginFailuresPerUser(), config.loginFailuresPerAddress(),
            config.loginLockoutSeconds());
        this.resets = new LoginThrottle(clockMillis, config.loginFailuresPerUser(), config.loginFailuresPerAddress(),
            config.loginLockoutSeconds());
        // sign-ups are counted by address alone (no name): the per-name limit is never consulted
        this.signups = new LoginThrottle(clockMillis, config.loginFailuresPerUser(), config.signupsPerAddress(), config.loginLockoutSeconds());
        this.limiter = new RequestLimiter(clockMillis, config.requestsPerMinute());
        this.sockets = new WebSocketCounter(config.maxWebSocketsPerUser());
        this.mailer = new ResetMailer(gateway.smtp(), config.resetLink(), config.resetTokenTtlSeconds());
    }

    public AuthConfig config()
    {
        return config;
    }

    public long nowMillis()
    {
        return clockMillis.getAsLong();
    }

    public UserDirectory directory()
    {
        return directory;
    }

    public TokenService tokens()
    {
        return tokens;
    }

    public PasswordHasher hasher()
    {
        return hasher;
    }

    public PasswordPolicy policy()
    {
        return policy;
    }

    public LoginThrottle throttle()
    {
        return throttle;
    }

    /** Password-reset requests and completions: the login limits, counted apart from the logins. */
    public LoginThrottle resets()
    {
        return resets;
    }

    /** Sign-ups per address ({@code auth.signups_per_address}), counted apart from the logins and resets. */
    public LoginThrottle signups()
    {
        return signups;
    }

    /** The per-user request limit, as the bearer credentials apply it. */
    public RequestLimiter limiter()
    {
        return limiter;
    }

    /** Open WebSockets per user: the streams ask before they upgrade a signed-in user's connection. */
    public WebSocketCounter webSockets()
    {
        return sockets;
    }

    public ResetMailer mailer()
    {
        return mailer;
    }

    /** The credentials to plug into the core's accesses beside the API key headers. */
    public BearerCredentials bearer()
    {
        return new BearerCredentials(tokens, directory, limiter);
    }

    public Role signupRole()
    {
        return Role.fromWireName(config.signupRole());
    }

    @Override
    public void close()
    {
        hasher.close();
        mailer.close();
    }
}
