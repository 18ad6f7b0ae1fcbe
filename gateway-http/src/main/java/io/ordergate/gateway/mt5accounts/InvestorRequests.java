package io.ordergate.gateway.mt5accounts;

import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.InvestorBodies;

/**
 * Seed 004's bodies, camelCase as its app sends them, unknown fields refused: {@code POST /api/mt5/connect}
 * {@code {"tradingAccountId", "mt5Login", "mt5Server", "investorPassword"}} and {@code POST /api/mt5/test-connection}
 * (the same without the account, which may be given to choose the terminal). {@code tradingAccountId} is a string or a
 * number; {@code mt5Login} a number (or a string of digits). The password is sealed here, on the event loop (one
 * AES-256-GCM of a few bytes), so the journal gets only ciphertext; it is never kept in this object.
 */
final class InvestorRequests
{
    static final int MAX_PASSWORD = 128;
    static final int MAX_SERVER = 128;
    /** The context a password is sealed under: the account's, or the test's. */
    static final String SEAL_CONTEXT = "mt5/investor_password/";

    private InvestorRequests()
    {
    }

    /** INVESTOR_CONNECT or INVESTOR_TEST, with the password sealed. Immutable. */
    record Credentials(String accountId, long login, String server, String sealed, String sealContext) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            InvestorBodies.credentials(writer, accountId, login, server, sealed, sealContext);
        }

        @Override
        public String toString()
        {
            return "Credentials{" + accountId + ", login " + login + "}";  // never even the ciphertext
        }
    }

    /** A body naming one account (sync, disconnect, status). */
    record Account(String accountId) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            InvestorBodies.accountId(writer, accountId);
        }
    }

    /** An operation whose outcome is read (INVESTOR_OUTCOME). */
    record Outcome(long opId) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            InvestorBodies.outcome(writer, opId);
        }
    }

    /** @param accountRequired true for connect; a test may name an account or not */
    static Credentials credentials(final RequestReader in, final byte[] body, final int length, final boolean accountRequired, final SecretBox secrets)
        throws BadRequest
    {
        String accountId = null;
        long login = 0;
        String server = null;
        String password = null;
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "tradingAccountId": accountId = accountId(in, field); break;
                case "mt5Login":
                    final long value = in.wholeNumber(field);
                    if (value != RequestReader.BAD && value != RequestReader.NULL && value <= 0)
                    {
                        in.fail(field, "mt5Login must be a positive whole number");
                    }
                    login = value == RequestReader.BAD || value == RequestReader.NULL ? 0 : value;
                    break;
                case "mt5Server": server = in.string(field, MAX_SERVER); break;
                case "investorPassword": password = in.string(field, MAX_PASSWORD); break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (accountRequired && accountId == null)
        {
            throw BadRequest.validation("tradingAccountId", "tradingAccountId is required");
        }
        if (login <= 0)
        {
            throw BadRequest.validation("mt5Login", "mt5Login is required (the MT5 account number)");
        }
        if (server == null || server.isBlank())
        {
            throw BadRequest.validation("mt5Server", "mt5Server is required (the broker's server, e.g. Broker-Demo)");
        }
        if (password == null || password.isEmpty())
        {
            throw BadRequest.validation("investorPassword", "investorPassword is required (the read-only investor password)");
        }
        final String context = SEAL_CONTEXT + (accountId == null ? "test" : accountId);
        return new Credentials(accountId == null ? "" : accountId, login, server, secrets.seal(password, context), context);
    }

    /** A string or a number of {@code A-Z a-z 0-9 . _ -}, as seed 004's ids are numbers and Ordergate's are text. */
    private static String accountId(final RequestReader in, final String field) throws BadRequest
    {
        final String text = in.isNull() ? null : in.scalarText();
        if (text == null || !Ids.isId(text, Ids.MAX_LENGTH))
        {
            in.fail(field, field + " must be an account id (a string or a number of at most " + Ids.MAX_LENGTH + " characters)");
            if (text == null && !in.isNull())
            {
                in.ignore();
            }
            return null;
        }
        return text;
    }
}
