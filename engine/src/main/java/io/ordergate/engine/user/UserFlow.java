package io.ordergate.engine.user;

import java.util.regex.Pattern;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.util.AsciiIndex;
import io.ordergate.fixed.Money;

/**
 * Users, their roles and accounts, onboarding, and key revocation. The gateway validates every field first; the
 * engine checks again what a journal could carry wrong, and decides what only the state can tell (taken emails,
 * who owns what). Admin-path code: it allocates. <b>Not thread safe</b>: engine thread.
 */
final class UserFlow
{
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int RISK_DIGITS = 2;

    private final EngineContext context;
    private final Users users;
    private final UserRecords records;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    UserFlow(final EngineContext context, final Users users, final UserRecords records)
    {
        this.context = context;
        this.users = users;
        this.records = records;
    }

    void create(final CommandEvent event)
    {
        final Principals principals = context.principals();
        final boolean signup = event.principal() == CommandFrame.PRINCIPAL_ANONYMOUS;
        if (!signup && !principals.requireAdmin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String id = string();
        final String email = string();
        final String username = string();
        final String name = string();
        final Role role = Role.fromCode(reader.readByte());
        final String passwordHash = string();
        final int[] accounts = accounts(event);
        if (accounts == null)
        {
            return;
        }
        final String sessionId = string();
        final String ip = string();
        final String userAgent = string();
        final String deviceType = string();
        if (role == null || (signup && (role == Role.ADMIN || accounts.length > 0)))
        {
            event.reject(ResultCode.FORBIDDEN, "signup makes a user without accounts and without the admin role", "role");
            return;
        }
        if (!VALID_ID.matcher(id).matches() || email.isEmpty() || username.isEmpty() || passwordHash.isEmpty())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "a user needs an id, an email, a username and a password", null);
            return;
        }
        if (users.find(id) != null || users.nameTaken(email))
        {
            event.reject(ResultCode.CONFLICT, "a user with this email exists", "email");
            return;
        }
        if (users.nameTaken(username))
        {
            event.reject(ResultCode.CONFLICT, "a user with this username exists", "username");
            return;
        }
        if (!sessionId.isEmpty() && users.session(sessionId) != null)
        {
            event.reject(ResultCode.CONFLICT, "a session with this id exists", null);
            return;
        }
        if (users.isFull() || principals.isFull())
        {
            event.reject(ResultCode.CONFLICT, "the user table is full (engine.max_users)", null);
            return;
        }
        final int principal = principals.addUser(role.scope(), accounts, event.wallMicros());
        final User user = new User(users.count(), id, email, username, principal, event.wallMicros());
        user.name = name;
        user.role = role;
        user.passwordHash = passwordHash;
        user.accounts = accounts;
        users.add(user);
        event.resultId = principal;
        records.begin(event);
        if (!sessionId.isEmpty())
        {
            final Session session = new Session(sessionId, user, event.wallMicros(), ip, userAgent, deviceType);
            users.addSession(session);
            records.session(session);
        }
        records.user(user, context.accounts());
        event.result = ResultCode.CREATED;
    }

    void update(final CommandEvent event)
    {
        if (!context.principals().requireAdmin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final User user = users.find(string());
        final int mask = reader.readInt();
        final Role role = Role.fromCode(reader.readByte());
        final boolean disabled = reader.readBoolean();
        final String name = string();
        final int[] accounts = accounts(event);
        if (accounts == null)
        {
            return;
        }
        if (user == null)
        {
            event.reject(ResultCode.NOT_FOUND, "user not found", "user_id");
            return;
        }
        if (set(mask, UserBodies.UPDATE_ROLE) && role == null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "role must be admin, trader, viewer or exporter", "role");
            return;
        }
        user.role = set(mask, UserBodies.UPDATE_ROLE) ? role : user.role;
        user.name = set(mask, UserBodies.UPDATE_NAME) ? name : user.name;
        user.accounts = set(mask, UserBodies.UPDATE_ACCOUNTS) ? accounts : user.accounts;
        user.disabled = set(mask, UserBodies.UPDATE_DISABLED) ? disabled : user.disabled;
        user.updatedMicros = event.wallMicros();
        records.begin(event);
        if (user.disabled)
        {
            SessionFlow.endAll(users, records, user);  // a disabled user's tokens stop working at once
            users.clearResetToken(user);  // and a reset asked for before stays dead after a re-enable
        }
        grant(user);
        records.user(user, context.accounts());
        event.result = ResultCode.OK;
    }

    void preferences(final CommandEvent event)
    {
        final User user = signedIn(event);
        if (user == null)
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final boolean hasRisk = reader.readBoolean();
        final long risk = Wire.exact(reader.readLong(), RISK_DIGITS);
        final boolean disclaimer = reader.readBoolean();
        final int pairCount = reader.readInt();
        final String[] pairs = new String[pairCount];
        for (int i = 0; i < pairCount; i++)
        {
            pairs[i] = string();
            if (context.instruments().find(pairs[i]) == null)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "preferred_pairs names an unknown instrument", "preferred_pairs");
                return;
            }
        }
        if (hasRisk && (risk == Wire.INEXACT || risk <= 0 || risk > 100 * 100))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "risk_percent must be above 0 and at most 100, with 2 decimals", "risk_percent");
            return;
        }
        user.riskPercent = hasRisk ? risk : user.riskPercent;
        user.disclaimerAccepted = disclaimer;
        user.preferredPairs = pairs;
        user.updatedMicros = event.wallMicros();
        answer(event, user, ResultCode.OK);
    }

    void connectBroker(final CommandEvent event)
    {
        final User user = signedIn(event);
        if (user == null)
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String accountId = string();
        final String brokerName = string();
        final String accountNumber = string();
        final int accountType = reader.readByte();
        final String label = string();
        final String currency = string();
        final long balance = Wire.exact(reader.readLong(), Money.DIGITS);
        final int leverage = reader.readInt();
        final int rules = UserBodies.brokerRules(reader, event.frameLength());
        if (!VALID_ID.matcher(accountId).matches() || balance == Wire.INEXACT || balance < 0 || leverage < 1
            || leverage > io.ordergate.config.AccountSpec.MAX_LEVERAGE || currency.length() != 3)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "the broker account's id, currency, balance or leverage is invalid", null);
            return;
        }
        if (rules >= UserBodies.BROKER_RULES_REPEAT_ANSWERED && connectedAlready(user, brokerName, accountNumber, accountType))
        {
            // A PUT repeated (the app's retry of one whose answer it never saw) names the account connected already:
            // answered as the first was, its label replaced, rather than made a second account for the one broker account.
            user.brokerLabel = label;
            user.updatedMicros = event.wallMicros();
            answer(event, user, ResultCode.CREATED);
            return;
        }
        if (user.brokerConnections >= context.config().engine().maxBrokerConnectionsPerUser())
        {
            event.reject(ResultCode.CONFLICT, "this user connected engine.max_broker_connections_per_user broker accounts (deleted ones count)",
                "broker_connection_id");
            return;
        }
        if (context.accounts().find(accountId) != null)
        {
            event.reject(ResultCode.CONFLICT, "an account with this account_id exists", "broker_connection_id");
            return;
        }
        if (context.accounts().isFull())
        {
            event.reject(ResultCode.CONFLICT, "the account table is full (engine.max_accounts)", null);
            return;
        }
        final Account account = new Account(context.accounts().count(), accountId, io.ordergate.config.VenueKind.MT5.code(), currency, balance,
            leverage, context.instruments().count(), event.wallMicros());
        context.accounts().add(account);
        final int[] owned = java.util.Arrays.copyOf(user.accounts, user.accounts.length + 1);
        owned[owned.length - 1] = account.index;
        user.accounts = owned;
        user.brokerConnections++;
        user.brokerConnectionId = accountId;
        user.brokerName = brokerName;
        user.brokerAccountNumber = accountNumber;
        user.brokerAccountType = accountType;
        user.brokerLabel = label;
        user.brokerConnectedMicros = event.wallMicros();
        user.updatedMicros = event.wallMicros();
        grant(user);
        answer(event, user, ResultCode.CREATED);
    }

    /** True when the user's current broker connection is this broker account, and its account is still the user's. */
    private boolean connectedAlready(final User user, final String brokerName, final String accountNumber, final int accountType)
    {
        if (user.brokerConnectionId == null || !brokerName.equals(user.brokerName) || !accountNumber.equals(user.brokerAccountNumber)
            || accountType != user.brokerAccountType)
        {
            return false;
        }
        final Account account = context.accounts().find(user.brokerConnectionId);
        for (int i = 0; account != null && i < user.accounts.length; i++)
        {
            if (user.accounts[i] == account.index)
            {
                return true;
            }
        }
        return false;
    }

    void revokeKey(final CommandEvent event)
    {
        final Principals principals = context.principals();
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int key = principals.find(string());
        final int caller = event.principal();
        final boolean mine = key != AsciiIndex.MISSING && principals.isUser(caller) && principals.owner(key) == caller;
        if (key == AsciiIndex.MISSING || principals.isRevoked(key) || !(principals.isAdmin(caller) || mine))
        {
            event.reject(ResultCode.NOT_FOUND, "API key not found", "api_key");
            return;
        }
        principals.revoke(key);
        event.resultId = key;
        event.result = ResultCode.OK;
    }

    /** The user behind the command's principal, or null after rejecting it. */
    private User signedIn(final CommandEvent event)
    {
        final User user = users.byPrincipal(event.principal());
        if (user == null || user.disabled)
        {
            event.reject(ResultCode.FORBIDDEN, "onboarding belongs to a signed-in user", null);
        }
        return user == null || user.disabled ? null : user;
    }

    /** The user's principal follows its role, accounts and disabled flag. */
    private void grant(final User user)
    {
        if (user.disabled)
        {
            context.principals().revoke(user.principal);
        }
        else
        {
            context.principals().replace(user.principal, user.role.scope(), user.accounts);
        }
    }

    private void answer(final CommandEvent event, final User user, final ResultCode code)
    {
        records.begin(event);
        records.user(user, context.accounts());
        event.result = code;
    }

    /** Reads a count and that many account ids; null after rejecting the command if one is unknown. */
    private int[] accounts(final CommandEvent event)
    {
        final int count = reader.readInt();
        final int[] indexes = new int[count];
        for (int i = 0; i < count; i++)
        {
            final Account account = context.accounts().find(reader.readString(text));
            if (account == null)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "account_ids names an unknown account", "account_ids");
                return null;
            }
            indexes[i] = account.index;
        }
        return indexes;
    }

    private String string()
    {
        return reader.readString(text).toString();
    }

    private static boolean set(final int mask, final int bit)
    {
        return (mask & bit) != 0;
    }
}
