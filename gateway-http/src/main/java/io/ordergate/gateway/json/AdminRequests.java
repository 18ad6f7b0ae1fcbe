package io.ordergate.gateway.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.OrderView;
import io.ordergate.gateway.auth.Scope;

/**
 * Decoders of the admin and position request bodies. These routes are rare, so clarity beats allocation here:
 * each decode makes a small object. Stateless: each decoder is called on one event loop with its reader.
 */
public final class AdminRequests
{
    public static final int MAX_QUOTES = 1000;
    public static final int MAX_KEY_ACCOUNTS = 1000;
    public static final int MAX_LEVERAGE = 1000;

    private static final String[] VENUES = {"paper", "mt5"};
    private static final int[] VENUE_CODES = {CommandBodies.VENUE_PAPER, CommandBodies.VENUE_MT5};
    private static final String[] SCOPES = {"read", "trade", "admin"};
    private static final String[] RISK_FIELDS = {
        "max_order_quantity", "max_position_quantity", "max_open_orders", "max_orders_per_second",
        "max_notional", "price_collar_pct", "max_daily_loss"};

    private AdminRequests()
    {
    }

    /** POST /api/v1/accounts. */
    public record CreateAccount(String accountId, int venue, String currency, long balance, int leverage) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.createAccount(writer, accountId, venue, currency, balance, leverage);
        }
    }

    public static CreateAccount createAccount(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        final AsciiChars accountId = new AsciiChars(OrderRequest.MAX_ACCOUNT_ID);
        boolean sawAccountId = false;
        int venue = CommandBodies.VENUE_PAPER;
        String currency = "USD";
        long balance = 0;
        long leverage = 100;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "account_id":
                    sawAccountId = accountId.read(in, name, true);
                    if (in.isNull())
                    {
                        in.fail(name, "account_id is required");
                    }
                    break;
                case "venue":
                    final int v = in.choice(name, VENUES, "paper, mt5");
                    venue = v >= 0 ? VENUE_CODES[v] : venue;
                    break;
                case "currency":
                    final String c = in.string(name, 3);
                    if (c != null && !c.matches("[A-Z]{3}"))
                    {
                        in.fail(name, "currency must be 3 capital letters");
                    }
                    currency = c == null ? currency : c;
                    break;
                case "balance":
                    final long b = in.nonNegativeDecimal(name);
                    balance = b == RequestReader.NULL || b == RequestReader.BAD ? 0 : b;
                    break;
                case "leverage":
                    final long l = in.wholeNumber(name);
                    if (l != RequestReader.NULL && l != RequestReader.BAD && (l < 1 || l > MAX_LEVERAGE))
                    {
                        in.fail(name, "leverage must be a whole number from 1 to " + MAX_LEVERAGE);
                    }
                    leverage = l >= 1 && l <= MAX_LEVERAGE ? l : leverage;
                    break;
                default:
                    in.unknownField(name);
            }
        }
        if (!sawAccountId)
        {
            in.fail("account_id", "account_id is required");
        }
        in.finish();
        return new CreateAccount(accountId.toString(), venue, currency, balance, (int)leverage);
    }

    /** PUT /api/v1/accounts/{id}/risk. */
    public record SetRisk(String accountId, int mask, long[] values) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.setRisk(writer, accountId, mask, values);
        }
    }

    public static SetRisk setRisk(final RequestReader in, final byte[] body, final int length, final String accountId) throws BadRequest
    {
        in.begin(body, length, false);
        int mask = 0;
        final long[] values = new long[CommandBodies.RISK_FIELD_COUNT];
        while (in.nextField())
        {
            final String name = in.fieldName();
            final int index = indexOf(RISK_FIELDS, name);
            if (index < 0)
            {
                in.unknownField(name);
                continue;
            }
            final long value = in.nonNegativeDecimal(name);
            if (value == RequestReader.BAD)
            {
                continue;
            }
            if ((mask & (1 << index)) != 0)
            {
                in.fail(name, "duplicate field " + name);
            }
            mask |= 1 << index;
            values[index] = value == RequestReader.NULL ? 0 : value;
        }
        in.finish();
        return new SetRisk(accountId, mask, values);
    }

    /** POST /api/v1/keys. The secret is made here and travels only in the connection, never in the command. */
    public record CreateKey(String apiKey, String apiSecret, byte[] secretHash, Scope scope, List<String> accountIds) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.createKey(writer, apiKey, secretHash, scope.code(), accountIds);
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
                    final AsciiChars id = new AsciiChars(OrderRequest.MAX_ACCOUNT_ID);
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

    /** POST /api/v1/quotes. */
    public record Quotes(List<String> symbols, long[] bids, long[] asks) implements RequestBody
    {
        public int count()
        {
            return symbols.size();
        }

        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.quotesHeader(writer, symbols.size());
            for (int i = 0; i < symbols.size(); i++)
            {
                CommandBodies.quote(writer, symbols.get(i), bids[i], asks[i]);
            }
        }
    }

    public static Quotes quotes(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        final JsonToken first = in.begin(body, length, true);
        final List<String> symbols = new ArrayList<>();
        final List<long[]> prices = new ArrayList<>();
        if (first == JsonToken.START_OBJECT)
        {
            readQuote(in, symbols, prices);
        }
        else
        {
            while (in.nextElement())
            {
                if (!in.expectObject("quotes"))
                {
                    continue;
                }
                if (symbols.size() == MAX_QUOTES)
                {
                    in.fail("quotes", "at most " + MAX_QUOTES + " quotes per request");
                }
                readQuote(in, symbols, prices);
            }
            if (symbols.isEmpty())
            {
                in.fail("quotes", "at least one quote is required");
            }
        }
        in.finish();
        final long[] bids = new long[symbols.size()];
        final long[] asks = new long[symbols.size()];
        for (int i = 0; i < bids.length; i++)
        {
            bids[i] = prices.get(i)[0];
            asks[i] = prices.get(i)[1];
        }
        return new Quotes(List.copyOf(symbols), bids, asks);
    }

    private static void readQuote(final RequestReader in, final List<String> symbols, final List<long[]> prices) throws BadRequest
    {
        final AsciiChars symbol = new AsciiChars(OrderRequest.MAX_SYMBOL);
        long bid = RequestReader.NULL;
        long ask = RequestReader.NULL;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "symbol":
                    symbol.read(in, name, true);
                    break;
                case "bid":
                    bid = in.positiveDecimal(name);
                    break;
                case "ask":
                    ask = in.positiveDecimal(name);
                    break;
                default:
                    in.unknownField(name);
            }
        }
        if (!symbol.isSet())
        {
            in.fail("symbol", "symbol is required");
        }
        if (bid == RequestReader.NULL)
        {
            in.fail("bid", "bid is required");
        }
        if (ask == RequestReader.NULL)
        {
            in.fail("ask", "ask is required");
        }
        if (bid > 0 && ask > 0 && ask < bid)
        {
            in.fail("ask", "ask must not be below bid");
        }
        symbols.add(symbol.toString());
        prices.add(new long[] {bid, ask});
    }

    /** POST /api/v1/positions/{id}/close: an optional quantity. */
    public record ClosePosition(long positionId, boolean hasQuantity, long quantity) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.closePosition(writer, positionId, hasQuantity, quantity);
        }
    }

    public static ClosePosition closePosition(final RequestReader in, final byte[] body, final int length, final long positionId) throws BadRequest
    {
        if (length == 0)
        {
            return new ClosePosition(positionId, false, 0);
        }
        in.begin(body, length, false);
        long quantity = RequestReader.NULL;
        while (in.nextField())
        {
            final String name = in.fieldName();
            if (name.equals("quantity"))
            {
                quantity = in.positiveDecimal(name);
            }
            else
            {
                in.unknownField(name);
            }
        }
        in.finish();
        final boolean has = quantity != RequestReader.NULL;
        return new ClosePosition(positionId, has, has ? quantity : 0);
    }

    /** PATCH /api/v1/positions/{id}: absent leaves a level as it is, null removes it. */
    public record ModifyPosition(long positionId, int flags, long stopLoss, long takeProfit) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.modifyPosition(writer, positionId, flags, stopLoss, takeProfit);
        }
    }

    public static ModifyPosition modifyPosition(final RequestReader in, final byte[] body, final int length, final long positionId) throws BadRequest
    {
        in.begin(body, length, false);
        int flags = 0;
        long stopLoss = OrderView.NONE;
        long takeProfit = OrderView.NONE;
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "stop_loss":
                    flags |= CommandBodies.MODIFY_STOP_LOSS;
                    final long sl = in.positiveDecimal(name);
                    stopLoss = sl == RequestReader.NULL || sl == RequestReader.BAD ? OrderView.NONE : sl;
                    break;
                case "take_profit":
                    flags |= CommandBodies.MODIFY_TAKE_PROFIT;
                    final long tp = in.positiveDecimal(name);
                    takeProfit = tp == RequestReader.NULL || tp == RequestReader.BAD ? OrderView.NONE : tp;
                    break;
                default:
                    in.unknownField(name);
            }
        }
        if (flags == 0)
        {
            in.fail(null, "give stop_loss and/or take_profit (null removes one)");
        }
        in.finish();
        return new ModifyPosition(positionId, flags, stopLoss, takeProfit);
    }

    /** Bodies of pause, resume and close-all: empty or {}. */
    public static void emptyObject(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        if (length == 0)
        {
            return;
        }
        in.begin(body, length, false);
        while (in.nextField())
        {
            in.unknownField(in.fieldName());
        }
        in.finish();
    }

    private static int indexOf(final String[] names, final String name)
    {
        for (int i = 0; i < names.length; i++)
        {
            if (names[i].equals(name))
            {
                return i;
            }
        }
        return -1;
    }
}
