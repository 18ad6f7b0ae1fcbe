package io.ordergate.gateway.keys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/** The body of {@code POST /api/v1/keys} and the command it becomes. Stateless. */
public final class KeyRequests
{
    public static final int MAX_KEY_ACCOUNTS = 1000;

    private static final String[] SCOPES = {"read", "trade", "admin"};

    private KeyRequests()
    {
    }

    /** POST /api/v1/keys. The secret is made here and travels only in the connection, never in the command. */
    public record CreateKey(String apiKey, String apiSecret, byte[] secretHash, Scope scope, List<String> accountIds) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.createKey(writer, apiKey, secretHash, scope.code(), accountIds);
        }

        @Override
        public String toString()
        {
            return "CreateKey{" + apiKey + ", " + scope + "}";  // never the secret
        }
    }

    /** The scope and accounts of a new key; the caller makes the key and secret. */
    public record KeyGrant(Scope scope, List<String> accountIds)
    {
    }

    public static KeyGrant keyGrant(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        Scope scope = null;
        boolean sawScope = false;
        List<String> accounts = null;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "scope":
                    sawScope = true;
                    final int s = in.choice(name, SCOPES, "read, trade, admin");
                    scope = s >= 0 ? Scope.fromWireName(SCOPES[s]) : null;
                    if (s == -1)
                    {
                        in.fail(name, "scope is required");
                    }
                    break;
                case "account_ids":
                    if (in.isNull())
                    {
                        break;
                    }
                    if (!in.expectArray(name))
                    {
                        break;
                    }
                    accounts = new ArrayList<>();
                    final Set<String> seen = new HashSet<>();
                    final AsciiChars id = new AsciiChars(Ids.MAX_LENGTH);
                    while (in.nextElement())
                    {
                        if (!id.read(in, name, true))
                        {
                            in.fail(name, "account_ids must hold account ids (1 to 64 of A-Z a-z 0-9 . _ -)");
                            continue;
                        }
                        if (!seen.add(id.toString()))
                        {
                            in.fail(name, "account_ids names " + id + " twice");
                        }
                        if (accounts.size() == MAX_KEY_ACCOUNTS)
                        {
                            in.fail(name, "account_ids holds more than " + MAX_KEY_ACCOUNTS + " accounts");
                        }
                        else
                        {
                            accounts.add(id.toString());
                        }
                    }
                    break;
                default:
                    in.unknownField(name);
            }
        }
        if (!sawScope)
        {
            in.fail("scope", "scope is required");
        }
        if (scope == Scope.ADMIN && accounts != null && !accounts.isEmpty())
        {
            in.fail("account_ids", "an admin key sees every account: account_ids must be empty");
        }
        if (scope != null && scope != Scope.ADMIN && (accounts == null || accounts.isEmpty()))
        {
            in.fail("account_ids", "account_ids is required and must not be empty for a " + scope.wireName() + " key");
        }
        in.finish();
        return new KeyGrant(scope, accounts == null ? List.of() : List.copyOf(accounts));
    }

}
