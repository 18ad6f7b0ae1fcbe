package io.ordergate.engine.user;

import java.util.List;

import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;

/**
 * Encoders of the users room's command bodies, each beside the layout {@code UserFlow} and {@code SessionFlow}
 * read back in the same order. Secrets never appear here: passwords as their slow hash (a PHC string), reset
 * tokens as the hex SHA-256, refresh tokens as their generation only. Stateless: safe from any thread.
 */
public final class UserBodies
{
    /** Bits of {@link #updateUser}'s mask. */
    public static final int UPDATE_ROLE = 1;
    public static final int UPDATE_DISABLED = 1 << 1;
    public static final int UPDATE_NAME = 1 << 2;
    public static final int UPDATE_ACCOUNTS = 1 << 3;

    /** Broker account types of {@link #connectBroker}. */
    public static final int ACCOUNT_TYPE_DEMO = 1;
    public static final int ACCOUNT_TYPE_LIVE = 2;

    private UserBodies()
    {
    }

    /**
     * CREATE_USER: user id | email | username | name | role (byte) | password hash | account count (int) | account ids
     * | session id ("" for none) | ip address | user agent | device type.
     * Anonymous (signup): any role but admin, no accounts, and a first session (signup signs in). Admin: anything.
     */
    public static void createUser(final BodyWriter writer, final String userId, final String email, final String username,
        final String name, final Role role, final String passwordHash, final List<String> accountIds)
    {
        createUser(writer, userId, email, username, name, role, passwordHash, accountIds, "", "", "", "");
    }

    /** CREATE_USER with the first session of a signup. */
    public static void createUser(final BodyWriter writer, final String userId, final String email, final String username,
        final String name, final Role role, final String passwordHash, final List<String> accountIds, final String sessionId,
        final String ipAddress, final String userAgent, final String deviceType)
    {
        writer.putString(userId).putString(email).putString(username).putString(name).putByte(role.code())
            .putString(passwordHash);
        strings(writer, accountIds);
        writer.putString(sessionId).putString(ipAddress).putString(userAgent).putString(deviceType);
    }

    /** UPDATE_USER: user id | mask (int, UPDATE_*) | role (byte) | disabled (byte) | name | account count | account ids. */
    public static void updateUser(final BodyWriter writer, final String userId, final int mask, final Role role,
        final boolean disabled, final String name, final List<String> accountIds)
    {
        writer.putString(userId).putInt(mask).putByte(role == null ? 0 : role.code()).putBoolean(disabled).putString(name);
        strings(writer, accountIds);
    }

    /**
     * CREATE_SESSION: session id | user id | credential epoch (int) | ip address | user agent | device type
     * | the password's new hash ("" for none; absent in sessions journaled before logins rehashed).
     * Published once the gateway has verified the password against the hash of that epoch.
     */
    public static void createSession(final BodyWriter writer, final String sessionId, final String userId,
        final int credentialEpoch, final String ipAddress, final String userAgent, final String deviceType)
    {
        createSession(writer, sessionId, userId, credentialEpoch, ipAddress, userAgent, deviceType, "");
    }

    /** CREATE_SESSION that also replaces the user's password hash by one of the same password at the configured cost. */
    public static void createSession(final BodyWriter writer, final String sessionId, final String userId,
        final int credentialEpoch, final String ipAddress, final String userAgent, final String deviceType, final String rehashed)
    {
        writer.putString(sessionId).putString(userId).putInt(credentialEpoch).putString(ipAddress).putString(userAgent)
            .putString(deviceType).putString(rehashed);
    }

    /** REFRESH_SESSION: session id | generation of the refresh token presented (int). */
    public static void refreshSession(final BodyWriter writer, final String sessionId, final int generation)
    {
        writer.putString(sessionId).putInt(generation);
    }

    /** END_SESSION: session id. */
    public static void endSession(final BodyWriter writer, final String sessionId)
    {
        writer.putString(sessionId);
    }

    /** ISSUE_PASSWORD_RESET: user id | hex SHA-256 of the token | expiry (epoch micros, long). */
    public static void issuePasswordReset(final BodyWriter writer, final String userId, final String tokenHash,
        final long expiresMicros)
    {
        writer.putString(userId).putString(tokenHash).putLong(expiresMicros);
    }

    /**
     * COMPLETE_PASSWORD_RESET: hex SHA-256 of the token | the new password's hash | revoke the user's API keys (byte, always
     * 1 now; absent in resets journaled before a reset revoked keys, which replay without revoking them). Read back by
     * {@link CompletePasswordResetBody} only.
     */
    public static void completePasswordReset(final BodyWriter writer, final String tokenHash, final String passwordHash)
    {
        writer.putString(tokenHash).putString(passwordHash).putBoolean(true);
    }

    /**
     * SET_ONBOARDING_PREFERENCES: has risk (byte) | risk percent (long, wire digits) | disclaimer accepted (byte) |
     * pair count (int) | pairs. The user is the command's principal.
     */
    public static void onboardingPreferences(final BodyWriter writer, final boolean hasRisk, final long wireRiskPercent,
        final boolean disclaimerAccepted, final List<String> preferredPairs)
    {
        writer.putBoolean(hasRisk).putLong(wireRiskPercent).putBoolean(disclaimerAccepted);
        strings(writer, preferredPairs);
    }

    /**
     * CONNECT_BROKER: account id (new, mt5) | broker name | account number | account type (byte) | label | currency |
     * balance (long, wire digits) | leverage (int) | the rules it is judged by (byte, always
     * {@link #BROKER_RULES_REPEAT_ANSWERED} now; see {@link #brokerRules}). The user (the principal) owns the new account.
     */
    public static void connectBroker(final BodyWriter writer, final String accountId, final String brokerName,
        final String accountNumber, final int accountType, final String label, final String currency,
        final long wireBalance, final int leverage)
    {
        writer.putString(accountId).putString(brokerName).putString(accountNumber).putByte(accountType).putString(label)
            .putString(currency).putLong(wireBalance).putInt(leverage).putByte(BROKER_RULES_REPEAT_ANSWERED);
    }

    /** CONNECT_BROKER journaled with no rules byte: every PUT made an account, a repeat of the current one too. */
    public static final int BROKER_RULES_EVERY_PUT_MAKES = 0;
    /** Now: a repeat of the user's current broker account answers that connection, and makes no second account. */
    public static final int BROKER_RULES_REPEAT_ANSWERED = 1;

    /**
     * The rules a CONNECT_BROKER body read up to its leverage is judged by: replayed by the rules it was decided by
     * (decided otherwise, a repeat that made an account then would make none on replay, and every later command on
     * that account would fail there).
     */
    public static int brokerRules(final BodyReader reader, final int frameLength)
    {
        return reader.position() < frameLength ? reader.readByte() : BROKER_RULES_EVERY_PUT_MAKES;
    }

    /** REVOKE_KEY: api key id. */
    public static void revokeKey(final BodyWriter writer, final String apiKey)
    {
        writer.putString(apiKey);
    }

    private static void strings(final BodyWriter writer, final List<String> values)
    {
        writer.putInt(values.size());
        for (final String value : values)
        {
            writer.putString(value);
        }
    }
}
