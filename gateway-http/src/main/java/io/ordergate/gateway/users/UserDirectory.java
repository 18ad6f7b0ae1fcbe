package io.ordergate.gateway.users;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.user.CompletePasswordResetBody;
import io.ordergate.engine.user.SessionView;
import io.ordergate.engine.user.UserRecords;
import io.ordergate.engine.user.UserView;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;
import io.ordergate.gateway.core.Scope;

/**
 * The gateway's view of users and live sessions: what checks a bearer token without a trip through the ring, and
 * what answers reads about users. It mirrors the engine: the only writer is the reply stage (and the replaying
 * thread before it), which applies the records each users-room command left in its event, before that command's
 * answer goes out; so a logout, a terminated session, a disabled user or a password reset is in force here by the
 * time anyone hears of it. Readers (event loops) only look up concurrent maps of immutable views: no locks.
 */
public final class UserDirectory implements UserRecords.Sink, ReplyListener, io.ordergate.gateway.core.StateBesideEngine
{
    private final Map<String, UserView> byId = new ConcurrentHashMap<>();
    /** The oldest user holding each login name (an email or a username, as {@link Fields#normalLogin} makes it). */
    private final Map<String, UserView> byLogin = new ConcurrentHashMap<>();
    /**
     * Names held by more than one user, their ids oldest first (immutable lists): only journals from before emails were
     * normalised hold them, two signups whose emails differed only in Unicode form, which the engine took as two
     * addresses and still does on their replay. Each account stays reachable by its id; a login by such a name is
     * decided by the password ({@link #findAllByLogin}).
     */
    private final Map<String, List<String>> sharedLogins = new ConcurrentHashMap<>();
    private final Map<Integer, UserView> byPrincipal = new ConcurrentHashMap<>();
    private final Map<String, SessionView> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, SessionView>> sessionsByUser = new ConcurrentHashMap<>();
    /**
     * The user id of each live reset token's hash, and the reverse (only a user's newest token counts, as in the engine):
     * a reset's new password is checked against the email and username of the user its token names, as at signup.
     */
    private final Map<String, String> userByResetHash = new ConcurrentHashMap<>();
    private final Map<String, String> resetHashByUser = new ConcurrentHashMap<>();
    private final BodyReader bodyReader = new BodyReader();
    private final AsciiView bodyText = new AsciiView();
    private final CompletePasswordResetBody resetBody = new CompletePasswordResetBody();
    private final UserRecords records = new UserRecords();

    /** Who a valid bearer token belongs to: a live session of an enabled user. */
    public record SignedIn(UserView user, SessionView session)
    {
    }

    // ---- the writer: reply thread or replay ----

    @Override
    public void onReplayed(final CommandEvent event)
    {
        apply(event);
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        apply(event);
    }

    /** Applies the users and sessions a command changed, if it is a users-room command. */
    public void apply(final CommandEvent event)
    {
        if (event.outputKind == CommandEvent.OUTPUT_USER_RECORDS)
        {
            records.read(event.output, this);
        }
        if (event.result == null || !event.result.isSuccess())
        {
            return;
        }
        if (event.type == CommandType.DELETE_ACCOUNT)
        {
            forgetAccount(accountIdOf(event));
        }
        else if (event.type == CommandType.ISSUE_PASSWORD_RESET)
        {
            bodyReader.wrap(event.frame, CommandFrame.BODY_OFFSET);
            final String userId = bodyReader.readString(bodyText).toString();
            final String tokenHash = bodyReader.readString(bodyText).toString();
            forgetReset(userId);
            userByResetHash.put(tokenHash, userId);
            resetHashByUser.put(userId, tokenHash);
        }
        else if (event.type == CommandType.COMPLETE_PASSWORD_RESET)
        {
            final String userId = userByResetHash.get(resetBody.wrap(event).tokenHash().toString());
            if (userId != null)
            {
                forgetReset(userId);
            }
        }
    }

    /** The user's reset token is used, replaced, or dead (the user was disabled). */
    private void forgetReset(final String userId)
    {
        final String tokenHash = resetHashByUser.remove(userId);
        if (tokenHash != null)
        {
            userByResetHash.remove(tokenHash);
        }
    }

    /** A deleted account leaves every user's list, as it leaves the engine's users (see ApiKeyRegistry.forgetAccount). */
    private void forgetAccount(final String accountId)
    {
        for (final UserView user : byId.values())
        {
            if (user.accountIds().contains(accountId))
            {
                user(user.withoutAccount(accountId));
            }
        }
    }

    private static String accountIdOf(final CommandEvent event)
    {
        return new BodyReader().wrap(event.frame, CommandFrame.BODY_OFFSET).readString(new AsciiView()).toString();
    }

    @Override
    public void user(final UserView user)
    {
        final UserView before = byId.put(user.id(), user);
        if (before != null && !before.username().equals(user.username()))
        {
            byLogin.computeIfPresent(normal(before.username()), (name, holder) -> holder.id().equals(user.id()) ? null : holder);
        }
        holdLogin(normal(user.email()), user);
        holdLogin(normal(user.username()), user);
        byPrincipal.put(user.principal(), user);
        if (user.disabled())
        {
            forgetReset(user.id());  // the engine clears a disabled user's reset token
        }
    }

    /** The oldest user keeps a name another user also holds (replay order is creation order: the same on every replay). */
    private void holdLogin(final String name, final UserView user)
    {
        final UserView holder = byLogin.get(name);
        if (holder == null || holder.id().equals(user.id()) || user.index() < holder.index())
        {
            byLogin.put(name, user);
        }
        if (holder != null && !holder.id().equals(user.id()))
        {
            final List<String> ids = new ArrayList<>(sharedLogins.getOrDefault(name, List.of()));
            for (final String id : List.of(holder.id(), user.id()))
            {
                if (!ids.contains(id))
                {
                    ids.add(id);
                }
            }
            ids.sort(Comparator.comparingInt(id -> byId.get(id).index()));
            sharedLogins.put(name, List.copyOf(ids));
        }
    }

    @Override
    public void session(final SessionView session)
    {
        final Map<String, SessionView> ofUser = sessionsByUser.computeIfAbsent(session.userId(), id -> new ConcurrentHashMap<>());
        if (session.ended())
        {
            sessions.remove(session.id());
            ofUser.remove(session.id());
        }
        else
        {
            sessions.put(session.id(), session);
            ofUser.put(session.id(), session);
        }
    }

    // ---- readers: any thread ----

    /**
     * The signed-in user of a token's claims, or null when the session has ended (or never was), belongs to another
     * user, or its user is disabled: then the token is answered 401 INVALID_JWT.
     */
    public SignedIn authenticate(final TokenService.Claims claims)
    {
        if (claims == null)
        {
            return null;
        }
        final SessionView session = sessions.get(claims.sessionId());
        final UserView user = session == null ? null : byId.get(session.userId());
        if (user == null || user.disabled() || !user.id().equals(claims.userId()))
        {
            return null;
        }
        return new SignedIn(user, session);
    }

    /**
     * Every user whose email or username this is, in any letter case or Unicode form, oldest first: none or one, except
     * for a name journaled by two signups before emails were normalised (see {@link #sharedLogins}).
     */
    public List<UserView> findAllByLogin(final String emailOrUsername)
    {
        final String name = emailOrUsername == null ? null : normal(emailOrUsername);
        final List<String> shared = name == null ? null : sharedLogins.get(name);
        if (shared != null)
        {
            final List<UserView> holders = new ArrayList<>(shared.size());
            shared.forEach(id -> holders.add(byId.get(id)));
            return holders;
        }
        final UserView user = name == null ? null : byLogin.get(name);
        return user == null ? List.of() : List.of(user);
    }

    /** The user whose email or username this is, in any letter case or Unicode form (the oldest, if two hold it), or null. */
    public UserView findByLogin(final String emailOrUsername)
    {
        return emailOrUsername == null ? null : byLogin.get(normal(emailOrUsername));
    }

    /**
     * The user a reset token (by its SHA-256) was issued to, while it is that user's newest; null for an unknown token.
     * Whether it has expired is the engine's word.
     */
    public UserView userByResetToken(final String tokenHash)
    {
        final String userId = tokenHash == null ? null : userByResetHash.get(tokenHash);
        return userId == null ? null : byId.get(userId);
    }

    public UserView user(final String userId)
    {
        return userId == null ? null : byId.get(userId);
    }

    /** The user acting with an engine principal, or null (an API key). */
    public UserView byPrincipal(final int principal)
    {
        return byPrincipal.get(principal);
    }

    /** Whether a user signed in earlier is still: the session not ended, the user not disabled. */
    public boolean stillSignedIn(final UserCaller caller)
    {
        final SessionView session = sessions.get(caller.session().id());
        final UserView user = byId.get(caller.user().id());
        return session != null && user != null && !user.disabled();
    }

    /**
     * The most a key made by this principal may do now, as the engine caps it ({@code Principals.effectiveScope}): a
     * user's key its user's role's scope, nothing (null) while that user is disabled; a key made by the system or by
     * another key is not capped ({@link Scope#ADMIN}).
     */
    public Scope keyCap(final int owner)
    {
        if (owner < 0 || byPrincipal.isEmpty())
        {
            return Scope.ADMIN;  // the system's and admin keys' owners, and gateways without users: no lookup, no boxing
        }
        final UserView user = byPrincipal.get(owner);
        return user == null ? Scope.ADMIN : user.disabled() ? null : Scope.fromCode(user.role().scope());
    }

    public SessionView session(final String sessionId)
    {
        return sessionId == null ? null : sessions.get(sessionId);
    }

    /** A user's live sessions, oldest first. */
    public List<SessionView> sessionsOf(final String userId)
    {
        final Map<String, SessionView> ofUser = sessionsByUser.get(userId);
        final List<SessionView> list = ofUser == null ? new ArrayList<>() : new ArrayList<>(ofUser.values());
        list.sort(Comparator.comparingLong(SessionView::createdMicros).thenComparing(SessionView::id));
        return list;
    }

    /** Every user, in creation order. */
    public List<UserView> users()
    {
        final List<UserView> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparingInt(UserView::index));
        return list;
    }

    public int size()
    {
        return byId.size();
    }

    private static String normal(final String login)
    {
        return Fields.normalLogin(login);
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("users.by_id", byId);
        roots.put("users.by_login", byLogin);
        roots.put("users.shared_logins", sharedLogins);
        roots.put("users.by_principal", byPrincipal);
        roots.put("users.sessions", sessions);
        roots.put("users.sessions_by_user", sessionsByUser);
        roots.put("users.user_by_reset_hash", userByResetHash);
        roots.put("users.reset_hash_by_user", resetHashByUser);
    }
}
