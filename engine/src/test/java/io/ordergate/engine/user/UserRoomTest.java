package io.ordergate.engine.user;

import static io.ordergate.engine.user.UserDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

class UserRoomTest
{
    private final UserDriver driver = new UserDriver();

    @Test
    void signupMakesAUserWithoutAccountsAndRefusesTheAdminRoleOrATakenEmail()
    {
        final UserView user = driver.user(expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER)));
        assertEquals("u-1", user.id());
        assertEquals(Role.TRADER, user.role());
        assertEquals(UserDriver.HASH, user.passwordHash());
        assertTrue(user.accountIds().isEmpty());
        assertFalse(user.onboarded());
        expect(ResultCode.FORBIDDEN, driver.signup("u-2", "eve@example.com", Role.ADMIN));
        final CommandEvent taken = expect(ResultCode.CONFLICT, driver.signup("u-3", "ann@example.com", Role.VIEWER));
        assertEquals("email", taken.resultField);
    }

    @Test
    void aSignupCanSignInAtOnce()
    {
        final CommandEvent created = expect(ResultCode.CREATED, driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_USER,
            w -> UserBodies.createUser(w, "u-1", "ann@example.com", "ann", "Ann", Role.TRADER, UserDriver.HASH, List.of(),
                "s-1", "10.0.0.1", "curl", "cli")));
        assertEquals("s-1", driver.sessions(created).get(0).id());
        assertEquals("10.0.0.1", driver.sessions(created).get(0).ipAddress());
        expect(ResultCode.OK, driver.refresh("s-1", 0));
    }

    @Test
    void onlyAnAdminCreatesUsersWithAccountsAndAUsersRoleBoundsWhatItSees()
    {
        expect(ResultCode.CREATED, driver.account("paper-1"));
        expect(ResultCode.CREATED, driver.account("paper-2"));
        final CommandEvent created = expect(ResultCode.CREATED, driver.createUser("u-1", "ann@example.com", Role.VIEWER, List.of("paper-1")));
        final int ann = (int)created.resultId;
        expect(ResultCode.OK, driver.getAccount(ann, "paper-1"));
        expect(ResultCode.NOT_FOUND, driver.getAccount(ann, "paper-2"));
        expect(ResultCode.FORBIDDEN, driver.send(ann, CommandType.CREATE_USER,
            w -> UserBodies.createUser(w, "u-2", "bob@example.com", "bob", "Bob", Role.ADMIN, UserDriver.HASH, List.of())));
    }

    @Test
    void aUserMakesKeysOnlyForItsOwnAccountsAndNoWiderThanItsRole()
    {
        expect(ResultCode.CREATED, driver.account("paper-1"));
        expect(ResultCode.CREATED, driver.account("paper-2"));
        final int trader = (int)expect(ResultCode.CREATED, driver.createUser("u-1", "t@example.com", Role.TRADER, List.of("paper-1"))).resultId;
        final int viewer = (int)expect(ResultCode.CREATED, driver.createUser("u-2", "v@example.com", Role.VIEWER, List.of("paper-1"))).resultId;
        final int key = (int)expect(ResultCode.CREATED, driver.createKey(trader, "og_trader1", CommandBodies.SCOPE_TRADE, List.of("paper-1"))).resultId;
        expect(ResultCode.OK, driver.getAccount(key, "paper-1"));
        assertEquals("account_ids", expect(ResultCode.VALIDATION_ERROR,
            driver.createKey(trader, "og_trader2", CommandBodies.SCOPE_TRADE, List.of("paper-2"))).resultField);
        expect(ResultCode.FORBIDDEN, driver.createKey(trader, "og_trader3", CommandBodies.SCOPE_ADMIN, List.of()));
        expect(ResultCode.FORBIDDEN, driver.createKey(viewer, "og_viewer1", CommandBodies.SCOPE_TRADE, List.of("paper-1")));
        expect(ResultCode.CREATED, driver.createKey(viewer, "og_viewer2", CommandBodies.SCOPE_READ, List.of("paper-1")));
        expect(ResultCode.FORBIDDEN, driver.createKey(key, "og_bykey", CommandBodies.SCOPE_READ, List.of("paper-1")));
    }

    @Test
    void aUserHoldsAFewWorkingKeysAndMakesAsManyMoreAsItRevokes()
    {
        final AnnWithKeyLimits given = annWithKeyLimits();
        final UserDriver users = given.users();
        final int ann = given.ann();
        expect(ResultCode.CREATED, users.createKey(ann, "og_ann0", CommandBodies.SCOPE_READ, List.of("paper-1")));
        expect(ResultCode.CREATED, users.createKey(ann, "og_ann1", CommandBodies.SCOPE_READ, List.of("paper-1")));
        final CommandEvent full = expect(ResultCode.CONFLICT, users.createKey(ann, "og_ann2", CommandBodies.SCOPE_READ, List.of("paper-1")));
        assertTrue(full.resultMessage.contains("engine.max_keys_per_user"), full.resultMessage);
        expect(ResultCode.OK, users.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_ann0")));
        expect(ResultCode.CREATED, users.createKey(ann, "og_ann2", CommandBodies.SCOPE_READ, List.of("paper-1")));
        expect(ResultCode.OK, users.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_ann1")));
        // a revoked key frees its row, so max_keys_made_per_user (3) no longer bounds the keys made
        expect(ResultCode.CREATED, users.createKey(ann, "og_ann3", CommandBodies.SCOPE_READ, List.of("paper-1")));
    }

    @Test
    void aKeyJournaledWhileRevokedKeysKeptTheirRowsIsStillBoundedByTheKeysMadeLimit()
    {
        final AnnWithKeyLimits given = annWithKeyLimits();
        final UserDriver users = given.users();
        final int ann = given.ann();
        for (int i = 0; i < 4; i++)
        {
            final String apiKey = "og_then" + i;
            final CommandEvent made = users.send(ann, CommandType.CREATE_KEY, w -> w.putString(apiKey).putBytes(new byte[32], 0, 32)
                .putByte(CommandBodies.SCOPE_READ).putInt(1).putString("paper-1").putByte(CommandBodies.KEY_RULES_WORKING_KEYS));
            expect(i < 3 ? ResultCode.CREATED : ResultCode.CONFLICT, made);
            if (i == 3)
            {
                assertTrue(made.resultMessage.contains("engine.max_keys_made_per_user"), made.resultMessage);
            }
            else
            {
                expect(ResultCode.OK, users.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, apiKey)));
            }
        }
        // the first key of this release frees the revoked rows: the limit judges it no more
        expect(ResultCode.CREATED, users.createKey(ann, "og_now", CommandBodies.SCOPE_READ, List.of("paper-1")));
    }

    @Test
    void aKeyJournaledBeforeRevokedKeysStoppedCountingIsJudgedAsItWasThen()
    {
        final GatewayConfig roomy = ConfigLoader.parse(UserDriver.CONFIG.replace("max_keys: 16", "max_keys: 64, max_keys_per_user: 2"), "users");
        final UserDriver users = new UserDriver(roomy, new Engine(roomy));
        expect(ResultCode.CREATED, users.account("paper-1"));
        final int ann = (int)expect(ResultCode.CREATED, users.createUser("u-1", "ann@example.com", Role.TRADER, List.of("paper-1"))).resultId;
        for (int i = 0; i < 3; i++)
        {
            final String apiKey = "og_old" + i;
            // the body as written before its trailing flag: key | hash | scope | count | accounts
            final CommandEvent made = users.send(ann, CommandType.CREATE_KEY, w -> w.putString(apiKey).putBytes(new byte[32], 0, 32)
                .putByte(CommandBodies.SCOPE_READ).putInt(1).putString("paper-1"));
            expect(i < 2 ? ResultCode.CREATED : ResultCode.CONFLICT, made);
            if (i == 0)
            {
                expect(ResultCode.OK, users.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_old0")));
            }
        }
    }

    @Test
    void aKeyIsRevokedByItsOwnerOrAnAdminAndThenSeesNothing()
    {
        expect(ResultCode.CREATED, driver.account("paper-1"));
        final int ann = (int)expect(ResultCode.CREATED, driver.createUser("u-1", "ann@example.com", Role.TRADER, List.of("paper-1"))).resultId;
        final int bob = (int)expect(ResultCode.CREATED, driver.createUser("u-2", "bob@example.com", Role.TRADER, List.of("paper-1"))).resultId;
        final int annKey = (int)expect(ResultCode.CREATED, driver.createKey(ann, "og_ann", CommandBodies.SCOPE_READ, List.of("paper-1"))).resultId;
        final int oldKey = (int)expect(ResultCode.CREATED,
            driver.createKey(CommandFrame.PRINCIPAL_SYSTEM, "og_old", CommandBodies.SCOPE_READ, List.of("paper-1"))).resultId;
        expect(ResultCode.NOT_FOUND, driver.send(bob, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_ann")));
        expect(ResultCode.OK, driver.getAccount(annKey, "paper-1"));
        assertEquals(annKey, expect(ResultCode.OK, driver.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_ann"))).resultId);
        expect(ResultCode.NOT_FOUND, driver.getAccount(annKey, "paper-1"));
        expect(ResultCode.NOT_FOUND, driver.send(ann, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_ann")));
        // a key made before keys had owners is revoked by an admin
        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.REVOKE_KEY, w -> UserBodies.revokeKey(w, "og_old")));
        expect(ResultCode.NOT_FOUND, driver.getAccount(oldKey, "paper-1"));
    }

    @Test
    void aRefreshRotatesAndAReusedRefreshTokenRevokesTheSession()
    {
        expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER));
        final SessionView session = driver.sessions(expect(ResultCode.CREATED, driver.login("s-1", "u-1", 0))).get(0);
        assertEquals(0, session.generation());
        driver.now += 1_000_000;
        final SessionView rotated = driver.sessions(expect(ResultCode.OK, driver.refresh("s-1", 0))).get(0);
        assertEquals(1, rotated.generation());
        assertEquals(driver.now, rotated.refreshedMicros());
        final CommandEvent reuse = expect(ResultCode.INVALID_JWT, driver.refresh("s-1", 0));
        assertTrue(driver.sessions(reuse).get(0).ended(), "the reuse ends the session it names");
        expect(ResultCode.INVALID_JWT, driver.refresh("s-1", 1));
        expect(ResultCode.INVALID_JWT, driver.refresh("s-9", 0));
    }

    @Test
    void aSessionIsEndedByItsUserOrAnAdminOnly()
    {
        final int ann = (int)expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER)).resultId;
        final int bob = (int)expect(ResultCode.CREATED, driver.signup("u-2", "bob@example.com", Role.TRADER)).resultId;
        expect(ResultCode.CREATED, driver.login("s-1", "u-1", 0));
        expect(ResultCode.NOT_FOUND, driver.end(bob, "s-1"));
        assertTrue(driver.sessions(expect(ResultCode.OK, driver.end(ann, "s-1"))).get(0).ended());
        expect(ResultCode.NOT_FOUND, driver.end(ann, "s-1"));
        expect(ResultCode.CREATED, driver.login("s-2", "u-1", 0));
        expect(ResultCode.OK, driver.end(CommandFrame.PRINCIPAL_SYSTEM, "s-2"));
    }

    @Test
    void aLoginVerifiedAgainstAnOlderPasswordOrForADisabledUserIsRefused()
    {
        expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER));
        expect(ResultCode.INVALID_CREDENTIALS, driver.login("s-1", "u-1", 1));
        expect(ResultCode.INVALID_CREDENTIALS, driver.login("s-1", "u-9", 0));
        expect(ResultCode.CREATED, driver.login("s-1", "u-1", 0));
        expect(ResultCode.CREATED, driver.login("s-2", "u-1", 0));
        final CommandEvent disabled = expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.UPDATE_USER,
            w -> UserBodies.updateUser(w, "u-1", UserBodies.UPDATE_DISABLED, null, true, "", List.of())));
        assertEquals(2, driver.sessions(disabled).size());
        assertTrue(driver.sessions(disabled).stream().allMatch(SessionView::ended));
        assertTrue(driver.user(disabled).disabled());
        expect(ResultCode.INVALID_CREDENTIALS, driver.login("s-3", "u-1", 0));
        expect(ResultCode.INVALID_JWT, driver.refresh("s-1", 0));
    }

    @Test
    void aResetTokenWorksOnceBeforeItExpiresAndEndsEverySession()
    {
        expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER));
        expect(ResultCode.CREATED, driver.login("s-1", "u-1", 0));
        final String hash = "a".repeat(64);
        final String other = "b".repeat(64);
        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.ISSUE_PASSWORD_RESET,
            w -> UserBodies.issuePasswordReset(w, "u-1", hash, driver.now + 60_000_000)));
        expect(ResultCode.VALIDATION_ERROR, complete(other));
        final CommandEvent done = expect(ResultCode.OK, complete(hash));
        assertEquals(1, driver.user(done).credentialEpoch());
        assertEquals("$argon2id$new", driver.user(done).passwordHash());
        assertTrue(driver.sessions(done).get(0).ended());
        assertEquals("token", expect(ResultCode.VALIDATION_ERROR, complete(hash)).resultField);
        expect(ResultCode.INVALID_CREDENTIALS, driver.login("s-2", "u-1", 0));
        expect(ResultCode.CREATED, driver.login("s-2", "u-1", 1));

        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.ISSUE_PASSWORD_RESET,
            w -> UserBodies.issuePasswordReset(w, "u-1", other, driver.now + 60_000_000)));
        driver.now += 60_000_000;
        expect(ResultCode.VALIDATION_ERROR, complete(other));
    }

    @Test
    void aResetRevokesItsUsersKeysButOneJournaledBeforeResetsDidReplaysWithout()
    {
        expect(ResultCode.CREATED, driver.account("paper-1"));
        final int ann = (int)expect(ResultCode.CREATED, driver.createUser("u-1", "ann@example.com", Role.TRADER, List.of("paper-1"))).resultId;
        final int bob = (int)expect(ResultCode.CREATED, driver.createUser("u-2", "bob@example.com", Role.TRADER, List.of("paper-1"))).resultId;
        final int annsKey = (int)expect(ResultCode.CREATED, driver.createKey(ann, "k-ann", CommandBodies.SCOPE_READ, List.of("paper-1"))).resultId;
        final int bobsKey = (int)expect(ResultCode.CREATED, driver.createKey(bob, "k-bob", CommandBodies.SCOPE_READ, List.of("paper-1"))).resultId;
        final String before = "d".repeat(64);
        final String now = "e".repeat(64);
        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.ISSUE_PASSWORD_RESET,
            w -> UserBodies.issuePasswordReset(w, "u-1", before, driver.now + 60_000_000)));
        // the body as journaled before a reset revoked keys: no flag after the password hash
        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.COMPLETE_PASSWORD_RESET,
            w -> w.putString(before).putString("$argon2id$older")));
        expect(ResultCode.OK, driver.getAccount(annsKey, "paper-1"));

        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.ISSUE_PASSWORD_RESET,
            w -> UserBodies.issuePasswordReset(w, "u-1", now, driver.now + 60_000_000)));
        assertEquals(ann, (int)expect(ResultCode.OK, complete(now)).resultId, "the user's principal, for the gateway's keys");
        assertFalse(driver.getAccount(annsKey, "paper-1").result.isSuccess(), "the user's key is revoked");
        expect(ResultCode.OK, driver.getAccount(bobsKey, "paper-1"));
        expect(ResultCode.OK, driver.getAccount(ann, "paper-1"));
    }

    @Test
    void aLoginsRehashReplacesThePasswordHashWhileItsEpochHolds()
    {
        expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER));
        final String rehashed = "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA";
        final UserView user = driver.user(expect(ResultCode.CREATED, driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION,
            w -> UserBodies.createSession(w, "s-1", "u-1", 0, "", "", "", rehashed))));
        assertEquals(rehashed, user.passwordHash());
        assertEquals(0, user.credentialEpoch(), "the same password: logins checked against the old hash still count");
        // a session as journaled before logins rehashed: no hash after the device type
        final UserView older = driver.user(expect(ResultCode.CREATED, driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION,
            w -> w.putString("s-2").putString("u-1").putInt(0).putString("").putString("").putString(""))));
        assertEquals(rehashed, older.passwordHash());
        expect(ResultCode.INVALID_CREDENTIALS, driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.CREATE_SESSION,
            w -> UserBodies.createSession(w, "s-3", "u-1", 7, "", "", "", UserDriver.HASH)));
        assertEquals(rehashed, driver.user(expect(ResultCode.CREATED, driver.login("s-4", "u-1", 0))).passwordHash(), "a stale check changes nothing");
    }

    @Test
    void disablingAUserEndsItsPendingResetTokenSoAReEnableDoesNotReviveIt()
    {
        expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER));
        final String hash = "c".repeat(64);
        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.ISSUE_PASSWORD_RESET,
            w -> UserBodies.issuePasswordReset(w, "u-1", hash, driver.now + 60_000_000)));
        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.UPDATE_USER,
            w -> UserBodies.updateUser(w, "u-1", UserBodies.UPDATE_DISABLED, null, true, "", List.of())));
        expect(ResultCode.OK, driver.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.UPDATE_USER,
            w -> UserBodies.updateUser(w, "u-1", UserBodies.UPDATE_DISABLED, null, false, "", List.of())));
        assertEquals("token", expect(ResultCode.VALIDATION_ERROR, complete(hash)).resultField);
        expect(ResultCode.CREATED, driver.login("s-1", "u-1", 0));
    }

    @Test
    void onboardingConnectsAnMt5AccountTheUserOwnsAndRecordsTheDisclaimer()
    {
        final int ann = (int)expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER)).resultId;
        expect(ResultCode.FORBIDDEN, driver.send(CommandFrame.PRINCIPAL_SYSTEM, CommandType.CONNECT_BROKER, w -> broker(w, "bc-1")));
        final UserView connected = driver.user(expect(ResultCode.CREATED, driver.send(ann, CommandType.CONNECT_BROKER, w -> broker(w, "bc-1"))));
        assertEquals("bc-1", connected.broker().connectionId());
        assertEquals("demo", connected.broker().accountType());
        assertEquals(List.of("bc-1"), connected.accountIds());
        assertFalse(connected.onboarded());
        expect(ResultCode.OK, driver.getAccount(ann, "bc-1"));
        expect(ResultCode.VALIDATION_ERROR, driver.send(ann, CommandType.SET_ONBOARDING_PREFERENCES,
            w -> UserBodies.onboardingPreferences(w, true, 100_000_000L, true, List.of("NOPE"))));
        final UserView done = driver.user(expect(ResultCode.OK, driver.send(ann, CommandType.SET_ONBOARDING_PREFERENCES,
            w -> UserBodies.onboardingPreferences(w, true, 150_000_000L, true, List.of("EURUSD")))));
        assertTrue(done.onboarded());
        assertEquals(150, done.riskPercentHundredths());
        assertEquals(List.of("EURUSD"), done.preferredPairs());
    }

    @Test
    void aUserConnectsAFewBrokerAccountsNotTheWholeAccountTable()
    {
        final GatewayConfig few = ConfigLoader.parse(UserDriver.CONFIG.replace("max_users: 8", "max_users: 8, max_broker_connections_per_user: 2"), "users");
        assertEquals(2, few.engine().maxBrokerConnectionsPerUser());
        final UserDriver driver = new UserDriver(few, new Engine(few));
        final int ann = (int)expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER)).resultId;
        for (int i = 0; i < few.engine().maxBrokerConnectionsPerUser(); i++)
        {
            final int n = i;
            expect(ResultCode.CREATED, driver.send(ann, CommandType.CONNECT_BROKER, w -> broker(w, "bc-" + n)));
        }
        final CommandEvent refused = expect(ResultCode.CONFLICT, driver.send(ann, CommandType.CONNECT_BROKER, w -> broker(w, "bc-more")));
        assertEquals("broker_connection_id", refused.resultField);
        expect(ResultCode.NOT_FOUND, driver.getAccount(CommandFrame.PRINCIPAL_SYSTEM, "bc-more"));
        final int bob = (int)expect(ResultCode.CREATED, driver.signup("u-2", "bob@example.com", Role.TRADER)).resultId;
        expect(ResultCode.CREATED, driver.send(bob, CommandType.CONNECT_BROKER, w -> broker(w, "bc-bob")));
    }

    @Test
    void theOldestSessionEndsWhenAUserHoldsTooMany()
    {
        expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER));
        for (int i = 0; i < SessionFlow.MAX_SESSIONS_PER_USER; i++)
        {
            expect(ResultCode.CREATED, driver.login("s-" + i, "u-1", 0));
        }
        final List<SessionView> sessions = driver.sessions(expect(ResultCode.CREATED, driver.login("s-new", "u-1", 0)));
        assertEquals("s-0", sessions.get(0).id());
        assertTrue(sessions.get(0).ended());
        expect(ResultCode.INVALID_JWT, driver.refresh("s-0", 0));
        expect(ResultCode.OK, driver.refresh("s-1", 0));
    }

    private CommandEvent complete(final String hash)
    {
        return driver.send(CommandFrame.PRINCIPAL_ANONYMOUS, CommandType.COMPLETE_PASSWORD_RESET,
            w -> UserBodies.completePasswordReset(w, hash, "$argon2id$new"));
    }

    /** A connection of its own broker account (the same broker account again answers the connection it has). */
    private static void broker(final io.ordergate.engine.command.BodyWriter w, final String id)
    {
        UserBodies.connectBroker(w, id, "Exness Global", "12345678-" + id, UserBodies.ACCOUNT_TYPE_DEMO, "My Demo",
            "USD", 1_000_000_000_000L, 100);
    }

    /** A user's principal and its driver. */
    private record AnnWithKeyLimits(UserDriver users, int ann)
    {
    }

    /** Ann, a trader of paper-1, in an engine that lets a user hold 2 working keys and make 3 (max_keys_made_per_user). */
    private static AnnWithKeyLimits annWithKeyLimits()
    {
        final GatewayConfig roomy = ConfigLoader.parse(UserDriver.CONFIG.replace("max_keys: 16",
            "max_keys: 64, max_keys_per_user: 2, max_keys_made_per_user: 3"), "users");
        final UserDriver users = new UserDriver(roomy, new Engine(roomy));
        expect(ResultCode.CREATED, users.account("paper-1"));
        return new AnnWithKeyLimits(users,
            (int)expect(ResultCode.CREATED, users.createUser("u-1", "ann@example.com", Role.TRADER, List.of("paper-1"))).resultId);
    }
}
