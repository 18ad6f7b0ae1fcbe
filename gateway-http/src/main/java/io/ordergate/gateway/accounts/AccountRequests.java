package io.ordergate.gateway.accounts;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * Decoders of the account routes' bodies (creation, risk limits, the empty bodies of pause, resume and close-all).
 * Rare requests: each decode makes a small object. Stateless.
 */
public final class AccountRequests
{
    public static final int MAX_LEVERAGE = 1000;

    private static final String[] VENUES = {"paper", "mt5", "binance", "okx"};
    private static final int[] VENUE_CODES = {CommandBodies.VENUE_PAPER, CommandBodies.VENUE_MT5, io.ordergate.config.VenueKind.BINANCE.code(),
        io.ordergate.config.VenueKind.OKX.code()};
    /** Seed 001's {@code hedge} and MT5's {@code hedging} name the same mode. */
    private static final String[] POSITION_MODES = {"netting", "hedging", "hedge", "one_way"};
    private static final int[] POSITION_MODE_CODES = {CommandBodies.POSITION_MODE_NETTING, CommandBodies.POSITION_MODE_HEDGING,
        CommandBodies.POSITION_MODE_HEDGING, CommandBodies.POSITION_MODE_NETTING};
    private static final String[] RISK_FIELDS = {
        "max_order_quantity", "max_position_quantity", "max_open_orders", "max_orders_per_second",
        "max_notional", "price_collar_pct", "max_daily_loss"};

    private AccountRequests()
    {
    }

    /** POST /api/v1/accounts. */
    /** @param feeRate the paper venue's fee rate, a fraction at wire digits (0 for other venues) */
    public record CreateAccount(String accountId, int venue, String currency, long balance, int leverage, int positionMode, long feeRate)
        implements RequestBody
    {
        public CreateAccount(final String accountId, final int venue, final String currency, final long balance, final int leverage,
            final long feeRate)
        {
            this(accountId, venue, currency, balance, leverage, CommandBodies.POSITION_MODE_NETTING, feeRate);
        }

        @Override
        public void encode(final BodyWriter writer)
        {
            CommandBodies.createAccount(writer, accountId, venue, currency, balance, leverage, positionMode, feeRate);
        }
    }

    public static CreateAccount createAccount(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        return createAccount(in, body, length, null, 0);
    }

    /**
     * POST /api/v1/accounts, whose body may also carry an exchange account's credentials (read into {@code credentials}).
     *
     * @param defaultFeeRate a paper account's fee rate when the body names none ({@code engine.paper_fee_rate})
     */
    public static CreateAccount createAccount(final RequestReader in, final byte[] body, final int length, final ExchangeCredentialFields credentials,
        final long defaultFeeRate) throws BadRequest
    {
        in.begin(body, length, false);
        final AsciiChars accountId = new AsciiChars(Ids.MAX_LENGTH);
        boolean sawAccountId = false;
        int venue = CommandBodies.VENUE_PAPER;
        String currency = "USD";
        long balance = 0;
        long leverage = 100;
        int positionMode = CommandBodies.POSITION_MODE_NETTING;
        long feeRate = -1;
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
                    final int v = in.choice(name, VENUES, "paper, mt5, binance, okx");
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
                case "position_mode":
                    final int mode = in.choice(name, POSITION_MODES, "netting, hedging");
                    positionMode = mode >= 0 ? POSITION_MODE_CODES[mode] : positionMode;
                    break;
                case "fee_rate":
                    final long rate = in.nonNegativeDecimal(name);
                    if (rate != RequestReader.NULL && rate != RequestReader.BAD && rate >= io.ordergate.config.EngineConfig.FEE_RATE_LIMIT)
                    {
                        in.fail(name, "fee_rate is a fraction of the notional: at least 0 and less than 0.1");
                    }
                    feeRate = rate == RequestReader.NULL || rate == RequestReader.BAD ? feeRate : rate;
                    break;
                default:
                    if (credentials == null || !credentials.read(in, name))
                    {
                        in.unknownField(name);
                    }
            }
        }
        if (!sawAccountId)
        {
            in.fail("account_id", "account_id is required");
        }
        if (credentials != null && credentials.given())
        {
            if (!io.ordergate.config.VenueKind.exchange(venue))
            {
                in.fail("venue", "credentials are for exchange accounts: venue must be binance or okx");
            }
            credentials.require(in, venue);
        }
        if (feeRate > 0 && venue != CommandBodies.VENUE_PAPER)
        {
            in.fail("fee_rate", "fee_rate is for paper accounts (a venue charges its own fees)");
        }
        in.finish();
        final long rate = venue != CommandBodies.VENUE_PAPER ? 0 : feeRate >= 0 ? feeRate : defaultFeeRate;
        return new CreateAccount(accountId.toString(), venue, currency, balance, (int)leverage, positionMode, rate);
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
