package io.ordergate.gateway.users;

import java.util.concurrent.TimeUnit;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.user.UserBodies;
import io.ordergate.engine.user.UserView;
import io.ordergate.gateway.core.Access;
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
 * Password reset: a token, single-use and expiring, mailed to the user through the configured SMTP server
 * ({@code /api/v1/auth/password/reset}, always the same answer, whether the email is known or not), or issued by an
 * admin when there is no SMTP server ({@code POST /api/v1/users/{user_id}/password-reset}); then
 * {@code /api/v1/auth/password/reset/complete} sets the new password and ends every session of the user. Only the
 * token's SHA-256 is published and kept. Thread safe.
 */
public final class PasswordResetRoutes implements Feature
{
    static final String SENT = "If an account exists with this email, reset instructions will be sent";

    private final UserServices users;
    private final Access admin;

    public PasswordResetRoutes(final UserServices users, final Access admin)
    {
        this.users = users;
        this.admin = admin;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/auth/password/reset", SignedOut.ANYONE, BodyKind.JSON, this::request));
        table.add(Route.post("/api/v1/auth/password/reset/complete", SignedOut.ANYONE, BodyKind.JSON, this::complete));
        table.add(Route.post("/api/v1/users/{user_id}/password-reset", admin, BodyKind.NONE, this::issue));
    }

    /**
     * Every request counts against the email and the address ({@code auth.login_failures_per_*}), known or not; an
     * unknown or disabled email takes the same way through the ring as a known one (the engine refuses it), so neither
     * the answer nor its timing tells whether the email has an account.
     */
    private void request(final Exchange exchange) throws BadRequest
    {
        final String email = UserRequests.resetRequest(exchange.json(), exchange.body(), exchange.bodyLength());
        final UserView user = users.directory().findByLogin(email);
        // counted per account, as logins are: a user found by a username that looks like an email is counted under its email
        final long wait = users.resets().countAttempt(user == null ? email : user.email(), SignInRoutes.address(exchange.remoteAddress()));
        if (wait > 0)
        {
            throw new BadRequest(ResultCode.RATE_LIMIT_EXCEEDED, "too many password-reset requests: wait before trying again", null, (int)wait);
        }
        if (!users.mailer().enabled())
        {
            UserJson.endEnvelope(UserJson.envelope(exchange.answer(), SENT), users.nowMillis() * 1000);
            exchange.send(200);
            return;
        }
        final boolean known = user != null && !user.disabled();
        final String userId = known ? user.id() : "";
        final String token = ResetTokens.newToken();
        final String hash = ResetTokens.hash(token);
        final long expires = expiresMicros();
        exchange.publish(CommandType.ISSUE_PASSWORD_RESET, SignedOut.NOBODY.principal(), io.ordergate.engine.command.CommandFrame.SOURCE_HTTP,
            writer -> UserBodies.issuePasswordReset(writer, userId, hash, expires), (event, json) ->
            {
                if (known && event.result == ResultCode.OK)
                {
                    users.mailer().send(user.email(), user.name(), token);  // on og-mail: never the reply thread
                }
                UserJson.endEnvelope(UserJson.envelope(json, SENT), event.wallMicros());
                return 200;
            });
    }

    /** Every completion counts against its address, so wrong tokens cannot keep the password workers busy. */
    private void complete(final Exchange exchange) throws BadRequest
    {
        final String[] request = UserRequests.resetComplete(exchange.json(), exchange.body(), exchange.bodyLength());
        final String tokenHash = ResetTokens.hash(request[0]);
        // the rules of a signup: not the email nor the username of the user the token names (an unknown token is refused later)
        final UserView user = users.directory().userByResetToken(tokenHash);
        final String problem = users.policy().problem(request[1], user == null ? null : user.email(), user == null ? null : user.username());
        if (problem != null)
        {
            throw BadRequest.validation("new_password", "new_password " + problem);
        }
        final long wait = users.resets().countAttempt(null, SignInRoutes.address(exchange.remoteAddress()));
        if (wait > 0)
        {
            throw new BadRequest(ResultCode.RATE_LIMIT_EXCEEDED, "too many password resets from this address: wait before trying again",
                null, (int)wait);
        }
        final Deferred later = exchange.defer();
        users.hasher().hashAsync(request[1]).whenComplete((hash, failure) ->
        {
            if (failure != null)
            {
                SignInRoutes.busyOr(later, failure, "the password could not be hashed", "new_password");
                return;
            }
            later.publish(CommandType.COMPLETE_PASSWORD_RESET, SignedOut.NOBODY.principal(),
                writer -> UserBodies.completePasswordReset(writer, tokenHash, hash), SignInRoutes.done(users, "Password reset successful"));
        });
    }

    /** 201 {@code {"user_id", "token", "expires_at"}}: the one answer that shows the token. */
    private void issue(final Exchange exchange) throws BadRequest
    {
        final UserView user = users.directory().user(exchange.path().text("user_id"));
        if (user == null)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "user not found", "user_id");
        }
        final String token = ResetTokens.newToken();
        final String hash = ResetTokens.hash(token);
        final long expires = expiresMicros();
        exchange.publish(CommandType.ISSUE_PASSWORD_RESET, writer -> UserBodies.issuePasswordReset(writer, user.id(), hash, expires),
            (event, json) ->
            {
                final int failed = Answers.failure(event, json, ErrorFormat.API);
                if (failed != 0)
                {
                    return failed;
                }
                json.startObject().name("user_id").string(user.id()).name("token").string(token).name("expires_at").time(expires).endObject();
                return 201;
            });
    }

    private long expiresMicros()
    {
        return TimeUnit.MILLISECONDS.toMicros(users.nowMillis()) + TimeUnit.SECONDS.toMicros(users.config().resetTokenTtlSeconds());
    }
}
