package io.ordergate.engine.user;

import java.util.ArrayList;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;

/**
 * Sessions (login, refresh with rotation and reuse detection, logout, terminate) and password resets. Every
 * outcome that ends a session is a state change decided here, so a replay ends the same sessions.
 * Admin-path code: it allocates. <b>Not thread safe</b>: engine thread.
 */
final class SessionFlow
{
    /** Live sessions a user may hold; a login beyond it ends the oldest. */
    static final int MAX_SESSIONS_PER_USER = 20;

    private final EngineContext context;
    private final Users users;
    private final UserRecords records;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final CompletePasswordResetBody resetBody = new CompletePasswordResetBody();

    SessionFlow(final EngineContext context, final Users users, final UserRecords records)
    {
        this.context = context;
        this.users = users;
        this.records = records;
    }

    void create(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String sessionId = string();
        final User user = users.find(string());
        final int epoch = reader.readInt();
        final String ip = string();
        final String userAgent = string();
        final String deviceType = string();
        final String rehashed = reader.position() < event.frameLength() ? string() : "";
        // the password was checked against the hash of this epoch: a reset since then makes the check stale
        if (user == null || user.disabled || user.credentialEpoch != epoch)
        {
            event.reject(ResultCode.INVALID_CREDENTIALS, "invalid email, username or password", null);
            return;
        }
        if (sessionId.isEmpty() || users.session(sessionId) != null)
        {
            event.reject(ResultCode.CONFLICT, "a session with this id exists", null);
            return;
        }
        if (!rehashed.isEmpty())
        {
            // the same password at the configured cost: the epoch stays, so logins checked against the old hash still count
            user.passwordHash = rehashed;
        }
        records.begin(event);
        if (user.sessions.size() >= MAX_SESSIONS_PER_USER)
        {
            final Session oldest = user.sessions.get(0);
            users.endSession(oldest);
            records.session(oldest);
        }
        final Session session = new Session(sessionId, user, event.wallMicros(), ip, userAgent, deviceType);
        users.addSession(session);
        records.session(session);
        records.user(user, context.accounts());
        event.result = ResultCode.CREATED;
    }

    /**
     * Rotation: the refresh token of the session's current generation moves it to the next; one of an older
     * generation is a reuse (someone holds a copy), which ends the session for both holders.
     */
    void refresh(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Session session = users.session(string());
        final int generation = reader.readInt();
        if (session == null || session.user.disabled || generation > session.generation)
        {
            event.reject(ResultCode.INVALID_JWT, "the refresh token is invalid or revoked", "refresh_token");
            return;
        }
        records.begin(event);
        if (generation < session.generation)
        {
            users.endSession(session);
            records.session(session);
            event.reject(ResultCode.INVALID_JWT, "the refresh token was already used: its session is revoked", "refresh_token");
            return;
        }
        session.generation++;
        session.refreshedMicros = event.wallMicros();
        records.session(session);
        records.user(session.user, context.accounts());
        event.result = ResultCode.OK;
    }

    /** Logout and terminate: the session's own user, or an admin. Another's session is not found. */
    void end(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Session session = users.session(string());
        final boolean allowed = session != null
            && (session.user.principal == event.principal() || context.principals().isAdmin(event.principal()));
        if (!allowed)
        {
            event.reject(ResultCode.NOT_FOUND, "session not found", "session_id");
            return;
        }
        records.begin(event);
        users.endSession(session);
        records.session(session);
        event.result = ResultCode.OK;
    }

    /** Anyone may ask for a reset (the gateway answers the same whatever happens); only the token's hash is kept. */
    void issueReset(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final User user = users.find(string());
        final String tokenHash = string();
        final long expiresMicros = reader.readLong();
        final int principal = event.principal();
        if (principal != CommandFrame.PRINCIPAL_ANONYMOUS && !context.principals().requireAdmin(event))
        {
            return;
        }
        if (user == null || user.disabled)
        {
            event.reject(ResultCode.NOT_FOUND, "user not found", "user_id");
            return;
        }
        if (tokenHash.length() != 64 || expiresMicros <= event.wallMicros() || users.findByResetHash(tokenHash) != null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "a reset needs a fresh token hash and a future expiry", null);
            return;
        }
        users.resetToken(user, tokenHash, expiresMicros);
        event.result = ResultCode.OK;
    }

    /**
     * A valid, unexpired token sets the new password once, ends every session of the user (its refresh tokens with them)
     * and revokes every API key the user owns: a reset is how a user takes an account back, and a key made by whoever
     * held it would outlive the sessions. The user's principal is the result id, for the gateway's key registry.
     */
    void completeReset(final CommandEvent event)
    {
        resetBody.wrap(event);
        final User user = users.findByResetHash(resetBody.tokenHash().toString());
        final String passwordHash = resetBody.passwordHash().toString();
        final boolean revokeKeys = resetBody.revokesKeys();
        if (user == null || user.disabled || user.resetExpiresMicros <= event.wallMicros() || passwordHash.isEmpty())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "the reset token is invalid or expired", "token");
            return;
        }
        users.clearResetToken(user);
        user.passwordHash = passwordHash;
        user.credentialEpoch++;
        user.updatedMicros = event.wallMicros();
        records.begin(event);
        endAll(users, records, user);
        if (revokeKeys)
        {
            context.principals().revokeKeysOwnedBy(user.principal);
        }
        records.user(user, context.accounts());
        event.resultId = user.principal;
        event.result = ResultCode.OK;
    }

    /** Ends every session of the user, oldest first, and records each. */
    static void endAll(final Users users, final UserRecords records, final User user)
    {
        for (final Session session : new ArrayList<>(user.sessions))
        {
            users.endSession(session);
            records.session(session);
        }
    }

    private String string()
    {
        return reader.readString(text).toString();
    }
}
