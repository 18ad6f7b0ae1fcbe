package io.ordergate.engine.user;

import io.ordergate.engine.Engine;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandType;

/**
 * The engine's room for people: users, roles and owned accounts, sessions, password resets, onboarding and key
 * revocation, each a journaled command applied here, so a replay rebuilds them exactly. Reads are answered by the
 * gateway's directory from the records these commands leave in their events ({@link UserRecords}).
 * <b>Not thread safe</b>: built on the start-up thread before replay; engine thread after.
 *
 * <pre>
 *   CREATE_USER, UPDATE_USER, SET_ONBOARDING_PREFERENCES, CONNECT_BROKER, REVOKE_KEY                ─► UserFlow
 *   CREATE_SESSION, REFRESH_SESSION, END_SESSION, ISSUE_PASSWORD_RESET, COMPLETE_PASSWORD_RESET     ─► SessionFlow
 * </pre>
 */
public final class UserRoom
{
    private final Users users;

    public UserRoom(final Engine engine, final int maxUsers)
    {
        final EngineContext context = engine.context();
        users = new Users(maxUsers);
        final UserRecords records = new UserRecords();
        final UserFlow userFlow = new UserFlow(context, users, records);
        final SessionFlow sessionFlow = new SessionFlow(context, users, records);
        engine.handle(CommandType.CREATE_USER, userFlow::create);
        engine.handle(CommandType.UPDATE_USER, userFlow::update);
        engine.handle(CommandType.SET_ONBOARDING_PREFERENCES, userFlow::preferences);
        engine.handle(CommandType.CONNECT_BROKER, userFlow::connectBroker);
        engine.handle(CommandType.REVOKE_KEY, userFlow::revokeKey);
        engine.handle(CommandType.CREATE_SESSION, sessionFlow::create);
        engine.handle(CommandType.REFRESH_SESSION, sessionFlow::refresh);
        engine.handle(CommandType.END_SESSION, sessionFlow::end);
        engine.handle(CommandType.ISSUE_PASSWORD_RESET, sessionFlow::issueReset);
        engine.handle(CommandType.COMPLETE_PASSWORD_RESET, sessionFlow::completeReset);
    }

    /** A removed account leaves every user's owned accounts (their principals are updated by the engine). */
    public void accountRemoved(final int accountIndex)
    {
        for (int i = 0; i < users.count(); i++)
        {
            final User user = users.get(i);
            for (int a = 0; a < user.accounts.length; a++)
            {
                if (user.accounts[a] == accountIndex)
                {
                    final int[] kept = new int[user.accounts.length - 1];
                    System.arraycopy(user.accounts, 0, kept, 0, a);
                    System.arraycopy(user.accounts, a + 1, kept, a, user.accounts.length - a - 1);
                    user.accounts = kept;
                    break;
                }
            }
        }
    }

    /** A fingerprint of every user and live session, in creation order. Engine thread. */
    public long digest()
    {
        long hash = users.count();
        for (int i = 0; i < users.count(); i++)
        {
            final User user = users.get(i);
            hash = mix(hash, user.id.hashCode());
            hash = mix(hash, user.email.hashCode());
            hash = mix(hash, user.username.hashCode());
            hash = mix(hash, text(user.name));
            hash = mix(hash, user.role.code());
            hash = mix(hash, user.disabled ? 1 : 0);
            hash = mix(hash, user.passwordHash.hashCode());
            hash = mix(hash, user.credentialEpoch);
            hash = mix(hash, user.updatedMicros);
            hash = mix(hash, text(user.brokerConnectionId));
            hash = mix(hash, user.brokerConnections);
            hash = mix(hash, user.disclaimerAccepted ? 1 : 0);
            hash = mix(hash, user.riskPercent);
            hash = mix(hash, text(user.resetTokenHash));
            hash = mix(hash, user.resetExpiresMicros);
            for (final int account : user.accounts)
            {
                hash = mix(hash, account);
            }
            for (final String pair : user.preferredPairs)
            {
                hash = mix(hash, pair.hashCode());
            }
        }
        for (final Session session : users.sessions())
        {
            hash = mix(hash, session.id.hashCode());
            hash = mix(hash, session.user.index);
            hash = mix(hash, session.generation);
            hash = mix(hash, session.refreshedMicros);
        }
        return hash;
    }

    private static long text(final String value)
    {
        return value == null ? 0 : value.hashCode();
    }

    private static long mix(final long hash, final long value)
    {
        return Long.rotateLeft(hash ^ (value * 0x9E3779B97F4A7C15L), 31) * 0xbf58476d1ce4e5b9L;
    }
}
