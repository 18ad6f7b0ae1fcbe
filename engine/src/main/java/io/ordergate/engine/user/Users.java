package io.ordergate.engine.user;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Users in creation order and live sessions in creation order, with the lookups the commands need. Hash maps are
 * only looked up, never iterated for output; sessions iterate in insertion order (a LinkedHashMap), the same on
 * every replay. Admin-path code: it allocates, as admin commands may. <b>Not thread safe</b>: engine thread.
 */
final class Users
{
    private final User[] byIndex;
    private final Map<String, User> byId = new HashMap<>();
    private final Map<String, User> byEmail = new HashMap<>();
    private final Map<String, User> byUsername = new HashMap<>();
    private final Map<String, User> byResetHash = new HashMap<>();
    private final Map<Integer, User> byPrincipal = new HashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private int count;

    Users(final int capacity)
    {
        byIndex = new User[capacity];
    }

    int count()
    {
        return count;
    }

    boolean isFull()
    {
        return count == byIndex.length;
    }

    User get(final int index)
    {
        return byIndex[index];
    }

    User find(final String id)
    {
        return byId.get(id);
    }

    User findByEmail(final String email)
    {
        return byEmail.get(email);
    }

    /** A user whose username or email is {@code name}. */
    boolean nameTaken(final String name)
    {
        return byUsername.containsKey(name) || byEmail.containsKey(name);
    }

    void add(final User user)
    {
        byIndex[count++] = user;
        byId.put(user.id, user);
        byEmail.put(user.email, user);
        byUsername.put(user.username, user);
        byPrincipal.put(user.principal, user);
    }

    /** The user a principal is, or null (an API key, the system, nobody). */
    User byPrincipal(final int principal)
    {
        return principal < 0 ? null : byPrincipal.get(principal);
    }

    Session session(final String id)
    {
        return sessions.get(id);
    }

    void addSession(final Session session)
    {
        sessions.put(session.id, session);
        session.user.sessions.add(session);
    }

    /** Ends a session and forgets it: a token naming it is unknown from now on. */
    void endSession(final Session session)
    {
        session.ended = true;
        sessions.remove(session.id);
        session.user.sessions.remove(session);
    }

    Iterable<Session> sessions()
    {
        return sessions.values();
    }

    User findByResetHash(final String hash)
    {
        return byResetHash.get(hash);
    }

    /** Replaces the user's reset token (only the newest one counts). */
    void resetToken(final User user, final String hash, final long expiresMicros)
    {
        clearResetToken(user);
        user.resetTokenHash = hash;
        user.resetExpiresMicros = expiresMicros;
        byResetHash.put(hash, user);
    }

    void clearResetToken(final User user)
    {
        if (user.resetTokenHash != null)
        {
            byResetHash.remove(user.resetTokenHash);
            user.resetTokenHash = null;
            user.resetExpiresMicros = 0;
        }
    }
}
