package io.ordergate.gateway.users;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.UUID;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.user.SessionView;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.engine.user.UserView;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.json.BadRequest;

/**
 * Signing up, in and out: {@code /api/v1/auth/signup}, {@code login}, {@code refresh}, {@code logout}. A password is
 * hashed or verified on the workers before anything is published (the journal sees only the hash); a login's failure
 * for a wrong password and for an unknown user is the same answer after the same work. Tokens are signed on the reply
 * thread once the engine has made the session. Thread safe.
 */
public final class SignInRoutes implements Feature
{
    static final String BAD_LOGIN = "invalid email, username or password";
    static final String SHARED_LOGIN = "this email names two accounts (made before emails were compared in Unicode NFC) and the password opens"
        + " both: sign in with the username, or ask an admin to disable the one not used";
    private static final int NONE = -1;
    private static final int TWO = -2;

    private final UserServices users;

    public SignInRoutes(final UserServices users)
    {
        this.users = users;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/auth/signup", SignedOut.ANYONE, BodyKind.JSON, this::signup));
        table.add(Route.post("/api/v1/auth/login", SignedOut.ANYONE, BodyKind.JSON, this::login));
        table.add(Route.post("/api/v1/auth/refresh", SignedOut.ANYONE, BodyKind.JSON, this::refresh));
        table.add(Route.post("/api/v1/auth/logout", SignedOut.bearer(users.bearer()), BodyKind.JSON, this::logout));
    }

    private void signup(final Exchange exchange) throws BadRequest
    {
        final UserRequests.Signup signup = UserRequests.signup(exchange.json(), exchange.body(), exchange.bodyLength());
        if (!users.config().signup())
        {
            throw new BadRequest(ResultCode.FORBIDDEN, "signup is off on this gateway (auth.signup): an admin makes users", null);
        }
        final String problem = users.policy().problem(signup.password(), signup.email(), signup.username());
        if (problem != null)
        {
            throw BadRequest.validation("password", "password " + problem);
        }
        final String address = address(exchange.remoteAddress());
        // each sign-up takes a user and a principal (shared with the API keys) for good, and its 409 tells whether an
        // email has an account: counted per address before either, so neither the tables nor the emails are there for
        // the asking
        final long wait = users.signups().countAttempt(null, address);
        if (wait > 0)
        {
            throw new BadRequest(ResultCode.RATE_LIMIT_EXCEEDED, "too many sign-ups from this address: wait before trying again", null, (int)wait);
        }
        if (users.directory().findByLogin(signup.email()) != null)
        {
            throw new BadRequest(ResultCode.CONFLICT, "a user with this email exists", "email");
        }
        final Deferred later = exchange.defer();
        final String userId = newId();
        final String sessionId = newId();
        users.hasher().hashAsync(signup.password()).whenComplete((hash, failure) ->
        {
            if (failure != null)
            {
                busyOr(later, failure, "the password could not be hashed", "password");
                return;
            }
            later.publish(CommandType.CREATE_USER, SignedOut.NOBODY.principal(), writer -> UserBodies.createUser(writer, userId,
                signup.email(), signup.username(), signup.name(), users.signupRole(), hash, List.of(), sessionId, address, "", ""),
                new SignedIn(users, userId, sessionId, 201));
        });
    }

    private void login(final Exchange exchange) throws BadRequest
    {
        final UserRequests.Login login = UserRequests.login(exchange.json(), exchange.body(), exchange.bodyLength());
        final String address = address(exchange.remoteAddress());
        // one user, none, or (journals from before emails were normalised) two whose emails differ only in Unicode form
        final List<UserView> holders = users.directory().findAllByLogin(login.login());
        // one count per account: a user's email and username are two names of it, and trying the other name after one
        // is locked must not start a fresh count (an unknown name is counted as typed, as before)
        final String counted = holders.isEmpty() ? login.login() : holders.get(0).email();
        // begun before the slow hash and counted while it runs: concurrent tries cannot all slip under the limit
        final long wait = users.throttle().tryBegin(counted, address);
        if (wait > 0)
        {
            throw new BadRequest(ResultCode.RATE_LIMIT_EXCEEDED, "too many failed logins: wait before trying again", null, (int)wait);
        }
        final Deferred later = exchange.defer();
        final String sessionId = newId();
        final String ip = login.ipAddress().isEmpty() ? address : login.ipAddress();
        final List<String> hashes = holders.stream().map(UserView::passwordHash).toList();
        users.hasher().verifyEachAsync(login.password(), hashes).whenComplete((verdicts, failure) ->
        {
            if (PasswordHasher.busy(failure))
            {
                users.throttle().abandoned(counted, address);
                later.error(ResultCode.OVERLOADED, "password hashing is busy: retry shortly", null);
                return;
            }
            final int opened = failure == null ? opened(holders, verdicts) : NONE;
            if (opened == TWO)
            {
                users.throttle().abandoned(counted, address);
                later.error(ResultCode.CONFLICT, SHARED_LOGIN, null);
                return;
            }
            if (opened == NONE)
            {
                users.throttle().failed(counted, address);
                later.error(ResultCode.INVALID_CREDENTIALS, BAD_LOGIN, null);
                return;
            }
            users.throttle().succeeded(counted, address);
            final UserView user = holders.get(opened);
            // a hash made at another cost than the configured one is replaced by the session's command (same password, same epoch)
            final String rehashed = verdicts.get(opened).rehashed() == null ? "" : verdicts.get(opened).rehashed();
            later.publish(CommandType.CREATE_SESSION, SignedOut.NOBODY.principal(), writer -> UserBodies.createSession(writer, sessionId,
                user.id(), user.credentialEpoch(), ip, login.userAgent(), login.deviceType(), rehashed), new SignedIn(users, user.id(), sessionId, 200));
        });
    }

    /**
     * Which of the users holding a login name the password opens: its index, {@link #NONE} (a wrong password, an unknown
     * or a disabled user), or {@link #TWO} when it opens more than one enabled user of a shared name: which was meant is
     * not known, and guessing could sign a person into an account that is not theirs.
     */
    private static int opened(final List<UserView> holders, final List<PasswordHasher.Verdict> verdicts)
    {
        int opened = NONE;
        for (int i = 0; i < verdicts.size(); i++)
        {
            if (verdicts.get(i).matches() && !holders.get(i).disabled())
            {
                if (opened != NONE)
                {
                    return TWO;
                }
                opened = i;
            }
        }
        return opened;
    }

    private void refresh(final Exchange exchange) throws BadRequest
    {
        final TokenService.Claims claims = users.tokens().checkRefresh(UserRequests.refresh(exchange.json(), exchange.body(), exchange.bodyLength()));
        if (claims == null)
        {
            throw new BadRequest(ResultCode.INVALID_JWT, "the refresh token is invalid or expired", "refresh_token");
        }
        exchange.publish(CommandType.REFRESH_SESSION, SignedOut.NOBODY.principal(), io.ordergate.engine.command.CommandFrame.SOURCE_HTTP,
            writer -> UserBodies.refreshSession(writer, claims.sessionId(), claims.generation()),
            new SignedIn(users, claims.userId(), claims.sessionId(), 200));
    }

    private void logout(final Exchange exchange)
    {
        final UserCaller caller = (UserCaller)exchange.caller();
        exchange.publish(CommandType.END_SESSION, writer -> UserBodies.endSession(writer, caller.session().id()),
            done(users, "Successfully logged out"));
    }

    /** Seed 003's {@code {"success": true, "message", "data": {"timestamp"}}} once the command succeeded. */
    static Answer done(final UserServices users, final String message)
    {
        return (event, json) ->
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            UserJson.endEnvelope(UserJson.envelope(json, message), event.wallMicros());
            return 200;
        };
    }

    /** Answers a hashing failure: 503 with Retry-After when the workers were busy, else 400 on the field. */
    static void busyOr(final Deferred later, final Throwable failure, final String message, final String field)
    {
        if (PasswordHasher.busy(failure))
        {
            later.error(ResultCode.OVERLOADED, "password hashing is busy: retry shortly", null);
        }
        else
        {
            later.error(ResultCode.VALIDATION_ERROR, message, field);
        }
    }

    static String newId()
    {
        return UUID.randomUUID().toString();
    }

    static String address(final SocketAddress remote)
    {
        return remote instanceof InetSocketAddress ? ((InetSocketAddress)remote).getAddress().getHostAddress() : "";
    }

    /**
     * The answer of a command that made or rotated a session: the engine's records are in the directory by now (it
     * listens before answers go out), so the tokens are signed for the session as the engine left it.
     */
    private record SignedIn(UserServices users, String userId, String sessionId, int status) implements Answer
    {
        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;  // the engine's refusals: a login checked against an older password, a reused refresh token
            }
            final SessionView session = users.directory().session(sessionId);
            final UserView user = users.directory().user(userId);
            if (session == null || user == null || !session.userId().equals(userId))
            {
                return Answers.failure(rejected(event), json, ErrorFormat.API);
            }
            UserJson.tokens(json, users.tokens().issue(userId, sessionId, session.generation(), user.role().wireName()), user);
            return status;
        }

        private static CommandEvent rejected(final CommandEvent event)
        {
            event.reject(ResultCode.INVALID_JWT, "the session has ended", null);
            return event;
        }

        @Override
        public String toString()
        {
            return "SignedIn{" + userId + ", " + sessionId + "}";
        }
    }
}
