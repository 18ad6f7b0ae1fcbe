package io.ordergate.gateway.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.user.Role;
import io.ordergate.engine.user.UserBodies;

/**
 * The directory follows the engine's word, command by command, and a token stops working the moment the command
 * that ends its session has been applied: logout, a reused refresh token, a disabled user, a password reset.
 */
class UserDirectoryTest
{
    @TempDir
    Path directory;

    private final GatewayConfig config = ConfigLoader.parse(String.join("\n",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }", ""), "test");
    private final Engine engine = new Engine(config);
    private final UserDirectory users = new UserDirectory();
    private final BodyWriter writer = new BodyWriter();
    private final AtomicLong clock = new AtomicLong(1_795_341_600_000L);

    @Test
    void aTokenWorksWhileItsSessionLivesAndNotAfterLogout()
    {
        final TokenService tokens = new TokenService(SigningKeys.open(directory, null), clock::get, 3600, 86_400);
        signup("u-1", "Ann@Example.com");
        assertEquals("u-1", users.findByLogin("ann@example.COM").id());
        assertNull(users.findByLogin("bob@example.com"));
        send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION, w -> UserBodies.createSession(w, "s-1", "u-1", 0, "127.0.0.1", "ua", "web"));
        final TokenService.Pair pair = tokens.issue("u-1", "s-1", 0, "trader");
        final UserDirectory.SignedIn signedIn = users.authenticate(tokens.checkAccess(pair.accessToken()));
        assertNotNull(signedIn);
        assertEquals("s-1", signedIn.session().id());
        assertEquals(1, users.sessionsOf("u-1").size());
        assertSame(signedIn.user(), users.byPrincipal(signedIn.user().principal()));

        send(signedIn.user().principal(), CommandType.END_SESSION, w -> UserBodies.endSession(w, "s-1"));
        assertNull(users.authenticate(tokens.checkAccess(pair.accessToken())), "logged out: the same token is refused");
        assertEquals(0, users.sessionsOf("u-1").size());
    }

    @Test
    void aReusedRefreshTokenEndsTheSessionForBothHolders()
    {
        signup("u-1", "ann@example.com");
        send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION, w -> UserBodies.createSession(w, "s-1", "u-1", 0, "", "", ""));
        final TokenService.Claims claims = new TokenService.Claims("u-1", "s-1", 0, Long.MAX_VALUE);
        assertEquals(ResultCode.OK, refresh("s-1", 0).result);
        assertEquals(1, users.session("s-1").generation());
        assertNotNull(users.authenticate(claims));
        assertEquals(ResultCode.INVALID_JWT, refresh("s-1", 0).result);
        assertNull(users.authenticate(claims));
        assertNull(users.session("s-1"));
    }

    @Test
    void aDisabledUserOrAPasswordResetEndsEverySession()
    {
        signup("u-1", "ann@example.com");
        signup("u-2", "bob@example.com");
        for (final String session : List.of("s-1", "s-2"))
        {
            send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION, w -> UserBodies.createSession(w, session, "u-1", 0, "", "", ""));
        }
        send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION, w -> UserBodies.createSession(w, "s-3", "u-2", 0, "", "", ""));
        send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.UPDATE_USER,
            w -> UserBodies.updateUser(w, "u-1", UserBodies.UPDATE_DISABLED, null, true, "", List.of()));
        assertNull(users.authenticate(new TokenService.Claims("u-1", "s-1", 0, Long.MAX_VALUE)));
        assertNull(users.authenticate(new TokenService.Claims("u-1", "s-2", 0, Long.MAX_VALUE)));
        assertEquals(true, users.user("u-1").disabled());

        final String hash = ResetTokens.hash("token");
        send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.ISSUE_PASSWORD_RESET,
            w -> UserBodies.issuePasswordReset(w, "u-2", hash, clock.get() * 1000 + 60_000_000));
        assertNotNull(users.authenticate(new TokenService.Claims("u-2", "s-3", 0, Long.MAX_VALUE)), "asking for a reset ends nothing");
        send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.COMPLETE_PASSWORD_RESET, w -> UserBodies.completePasswordReset(w, hash, "$argon2id$x"));
        assertNull(users.authenticate(new TokenService.Claims("u-2", "s-3", 0, Long.MAX_VALUE)));
        assertEquals("$argon2id$x", users.user("u-2").passwordHash());
        assertEquals(1, users.user("u-2").credentialEpoch());
    }

    @Test
    void aTokenNamingAnotherUsersSessionIsRefused()
    {
        signup("u-1", "ann@example.com");
        signup("u-2", "bob@example.com");
        send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION, w -> UserBodies.createSession(w, "s-1", "u-1", 0, "", "", ""));
        assertNull(users.authenticate(new TokenService.Claims("u-2", "s-1", 0, Long.MAX_VALUE)));
        assertNull(users.authenticate(null));
    }

    private CommandEvent refresh(final String session, final int generation)
    {
        return send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.REFRESH_SESSION, w -> UserBodies.refreshSession(w, session, generation));
    }

    private void signup(final String id, final String email)
    {
        assertEquals(ResultCode.CREATED, send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_USER,
            w -> UserBodies.createUser(w, id, email.toLowerCase(java.util.Locale.ROOT), id, "N", Role.TRADER, "$argon2id$h", List.of())).result);
    }

    /** Applies a command as the pipeline would, then hands its event to the directory as the reply stage does. */
    private CommandEvent send(final int principal, final CommandType type, final Consumer<BodyWriter> body)
    {
        final CommandEvent event = new CommandEvent();
        event.reset(type);
        event.header(principal, clock.get() * 1000, 1, CommandFrame.SOURCE_HTTP);
        writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
        body.accept(writer);
        event.bodyLength(writer.length());
        engine.apply(event);
        users.apply(event);
        return event;
    }
}
