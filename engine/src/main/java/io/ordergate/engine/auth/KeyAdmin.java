package io.ordergate.engine.auth;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.util.AsciiIndex;

/**
 * CREATE_KEY: an API key's scope and accounts, for the engine's own access checks (the gateway keeps the secret's
 * hash). Rare and never on the order path, so it may allocate (a key's account list). <b>Not thread safe</b>:
 * engine thread.
 */
public final class KeyAdmin
{
    private final Accounts accounts;
    private final Principals principals;
    /** {@code engine.max_keys_per_user}: see {@link io.ordergate.config.EngineConfig#maxKeysPerUser()}. */
    private final int maxKeysPerUser;
    /** {@code engine.max_keys_made_per_user}: see {@link io.ordergate.config.EngineConfig#maxKeysMadePerUser()}. */
    private final int maxKeysMadePerUser;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    public KeyAdmin(final EngineContext context)
    {
        this.accounts = context.accounts();
        this.principals = context.principals();
        this.maxKeysPerUser = context.config().engine().maxKeysPerUser();
        this.maxKeysMadePerUser = context.config().engine().maxKeysMadePerUser();
    }

    public void createKey(final CommandEvent event)
    {
        final int principal = event.principal();
        // An admin makes any key; a signed-in user keys for its own accounts, no wider than its role (issue 10).
        if (!principals.isUser(principal) && !principals.requireAdmin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String apiKey = reader.readString(text).toString();
        reader.readString(text);  // the secret's hash is for the gateway's registry, not the engine
        final int scope = reader.readByte();
        final int count = reader.readInt();
        final int[] accountIndexes = new int[count];
        for (int i = 0; i < count; i++)
        {
            final Account account = accounts.find(reader.readString(text));
            // another's account reads as unknown, so ids do not leak
            if (account == null || !principals.canAccess(principal, account.index))
            {
                event.reject(ResultCode.VALIDATION_ERROR, "account_ids names an unknown account", "account_ids");
                return;
            }
            accountIndexes[i] = account.index;
        }
        final int rules = CommandBodies.keyRules(reader, event.frameLength());
        if (rules >= CommandBodies.KEY_RULES_FREE_REVOKED)
        {
            principals.freeRevokedKeys();  // from the first key made by this release on, on replay too
        }
        if (!principals.mayGrant(principal, scope, accountIndexes))
        {
            event.reject(ResultCode.FORBIDDEN, "a key may be no wider than its maker's role", "scope");
            return;
        }
        if (principals.isUser(principal) && !principals.isAdmin(principal) && !withinUserKeyLimits(event, principal, rules))
        {
            return;
        }
        final int existing = principals.find(apiKey);
        if (existing != AsciiIndex.MISSING)
        {
            if (principal != CommandFrame.PRINCIPAL_SYSTEM)
            {
                event.reject(ResultCode.CONFLICT, "an API key with this id exists", "api_key");
                return;
            }
            principals.replace(existing, scope, accountIndexes);  // the start-up admin key's secret was rotated
            event.resultId = existing;
        }
        else
        {
            if (principals.isFull())
            {
                event.reject(ResultCode.CONFLICT, "the key table is full (engine.max_keys)", null);
                return;
            }
            event.resultId = principals.addKey(apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8), scope, accountIndexes,
                principals.keyOwnerFor(principal), event.wallMicros());
        }
        event.result = ResultCode.CREATED;
    }

    /**
     * Whether a user may make one more key, by the rules the key was journaled with ({@link CommandBodies#keyRules}): no more
     * than {@code engine.max_keys_per_user} that still work; for a key journaled while revoked keys kept their principal's
     * row, also no more than {@code engine.max_keys_made_per_user} in all; before that, every key made counted against
     * {@code max_keys_per_user}. Rejects the command CONFLICT when not.
     */
    private boolean withinUserKeyLimits(final CommandEvent event, final int user, final int rules)
    {
        if (rules == CommandBodies.KEY_RULES_EVERY_KEY_MADE)
        {
            if (principals.keysMadeBy(user) >= maxKeysPerUser)
            {
                event.reject(ResultCode.CONFLICT, "this user made engine.max_keys_per_user API keys (revoked ones count)", "api_key");
                return false;
            }
            return true;
        }
        if (principals.workingKeysOf(user) >= maxKeysPerUser)
        {
            event.reject(ResultCode.CONFLICT, "this user holds engine.max_keys_per_user working API keys: revoke one first", "api_key");
            return false;
        }
        if (rules == CommandBodies.KEY_RULES_WORKING_KEYS && principals.keysMadeBy(user) >= maxKeysMadePerUser)
        {
            event.reject(ResultCode.CONFLICT,
                "this user made engine.max_keys_made_per_user API keys (revoked ones count: each keeps its principal)", "api_key");
            return false;
        }
        return true;
    }
}
