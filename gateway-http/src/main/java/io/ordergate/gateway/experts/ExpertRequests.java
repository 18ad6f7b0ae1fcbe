package io.ordergate.gateway.experts;

import java.util.Set;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.venue.FuturesSettings;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * Seed 001's expert bodies, decoded: {@code POST /experts} (an {@code account_id}, {@code trading_config},
 * {@code logging_config}, {@code strategy_config}) and {@code PUT /experts/{id}/strategy} (the strategy values alone).
 * An {@code exchange} with credentials makes an exchange account for the expert first ({@link ExpertTradingConfig});
 * {@code trading_config} goes into CREATE_EXPERT, whose engine step sends it to a futures account. Admin-rate requests: a new instance per request.
 */
final class ExpertRequests implements RequestBody
{
    private static final long WIRE_ONE = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);
    /** The highest leverage an account takes (POST /accounts), so the highest an expert's strategy may ask of any venue. */
    private static final long MAX_LEVERAGE = io.ordergate.config.AccountSpec.MAX_LEVERAGE;
    private static final long HUNDRED_PERCENT = 100 * WIRE_ONE;
    private static final String[] SIZE_TYPES = {"fixed", "risk_based", "percent_equity"};
    private static final String[] LOGGING_CONFIG = {"log_level", "log_file", "trade_log_file", "error_log_file", "log_to_console",
        "structured_logging", "async_logging"};

    private final ExpertTradingConfig trading = new ExpertTradingConfig();
    private String prefix = "";
    private String accountId;
    private String strategyName = "";
    private String timeframe = "";
    private long strategyId;
    private String symbol;
    private int flags;
    private long leverage;
    private long maxDrawdownPct;
    private int sizeType;
    private long sizeValue;
    private long stopLossPct;
    private long takeProfitPct;
    private long trailingStopPct;

    /** {@code POST /experts}: the body of CREATE_EXPERT. */
    static ExpertRequests create(final RequestReader in, final byte[] body, final int length, final Set<String> symbols) throws BadRequest
    {
        final ExpertRequests request = new ExpertRequests();
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "account_id": request.accountId = in.id(field, Ids.MAX_LENGTH); break;
                case "exchange": request.trading.readExchange(in, field); break;
                case "trading_config": request.trading.readTradingConfig(in, field); break;
                case "logging_config": request.known(in, field, LOGGING_CONFIG); break;
                case "strategy_config":
                    if (in.expectObject(field))
                    {
                        request.prefix = "strategy_config.";
                        request.strategy(in, true);
                    }
                    break;
                default: in.unknownField(field);
            }
        }
        // the pair the expert will hold (fixed when size_type is not given); a PUT's pair depends on the expert: the engine checks it
        if (request.sizeType > ExpertBodies.SIZE_FIXED && request.sizeValue >= HUNDRED_PERCENT)
        {
            in.fail("strategy_config.size_value", "size_value is a percent of equity for " + ExpertBodies.SIZE_TYPE_NAMES[request.sizeType]
                + ": it must be below 100");
        }
        request.checkSymbolAndLeverage(in, symbols);
        in.finish();
        request.trading.checkVenueMarket();
        if (request.accountId == null && request.trading.exchange() == null)
        {
            throw BadRequest.validation("account_id", "account_id (an existing account) or exchange (an exchange account made for the expert)"
                + " is required");
        }
        return request;
    }

    /**
     * What the engine would refuse of a creation's symbol and leverage (it keeps its own checks), refused here with the same
     * message so that a body with an {@code exchange} block is refused before its account is made: a symbol that is not a
     * configured instrument, and on the futures account an exchange block makes (market_type futures) a leverage or mode
     * without a symbol, or a leverage above 125. (A leverage that is not a whole number from 1 to 1000 was refused as read.)
     */
    private void checkSymbolAndLeverage(final RequestReader in, final Set<String> symbols) throws BadRequest
    {
        if (symbol != null && !symbols.contains(symbol))
        {
            in.fail("strategy_config.symbol", "symbol is not a configured instrument");
        }
        final boolean leverageGiven = (flags & ExpertBodies.HAS_LEVERAGE) != 0;
        if (trading.exchange() == null || !trading.futures() || !leverageGiven && !trading.setsModes())
        {
            return;
        }
        if (symbol == null)
        {
            in.fail("strategy_config.symbol", "strategy_config.symbol is needed to set the futures account's leverage and modes");
        }
        else if (leverageGiven && (leverage % WIRE_ONE != 0 || leverage / WIRE_ONE > FuturesSettings.MAX_LEVERAGE))
        {
            in.fail("strategy_config.leverage", "leverage must be a whole number from 1 to " + FuturesSettings.MAX_LEVERAGE + " on a futures account");
        }
    }

    /** {@code PUT /experts/{id}/strategy}: the strategy values to change, encoded after the expert id by the caller. */
    static ExpertRequests strategy(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        final ExpertRequests request = new ExpertRequests();
        in.begin(body, length, false);
        request.strategy(in, false);
        in.finish();
        return request;
    }

    /** Reads the current object's strategy fields up to its end. */
    private void strategy(final RequestReader in, final boolean creating) throws BadRequest
    {
        while (in.nextField())
        {
            final String field = in.fieldName();
            final String named = prefix + field;
            switch (field)
            {
                case "symbol":
                    symbol = in.string(named, 16);
                    flags |= symbol == null ? 0 : ExpertBodies.HAS_SYMBOL;
                    symbol = symbol == null ? null : symbol.toUpperCase(java.util.Locale.ROOT);
                    break;
                case "leverage":
                    leverage = value(in, named, ExpertBodies.HAS_LEVERAGE);
                    // a venue takes a whole leverage up to its maximum (an account's 1000; 125 on a futures account: the engine's check)
                    if ((flags & ExpertBodies.HAS_LEVERAGE) != 0 && (leverage % WIRE_ONE != 0 || leverage > MAX_LEVERAGE * WIRE_ONE))
                    {
                        in.fail(named, named + " must be a whole number from 1 to " + MAX_LEVERAGE);
                    }
                    break;
                case "max_drawdown_pct":
                    maxDrawdownPct = percentOrOff(in, named, ExpertBodies.HAS_MAX_DRAWDOWN);
                    if (maxDrawdownPct >= HUNDRED_PERCENT)  // below 1 a fraction (0.2 = 20%): always below 100
                    {
                        in.fail(named, named + " must be below 100 (a value below 1 is a fraction: 0.2 = 20%)");
                    }
                    break;
                case "size_value": sizeValue = value(in, named, ExpertBodies.HAS_SIZE_VALUE); break;
                case "stop_loss_pct": stopLossPct = stopPercent(in, named, ExpertBodies.HAS_STOP_LOSS_PCT); break;
                case "take_profit_pct": takeProfitPct = stopPercent(in, named, ExpertBodies.HAS_TAKE_PROFIT_PCT); break;
                case "trailing_stop_pct": trailingStopPct = stopPercent(in, named, ExpertBodies.HAS_TRAILING_STOP_PCT); break;
                case "size_type":
                    final int index = in.choice(named, SIZE_TYPES, "fixed, risk_based, percent_equity");
                    if (index >= 0)
                    {
                        sizeType = index + 1;
                        flags |= ExpertBodies.HAS_SIZE_TYPE;
                    }
                    break;
                case "timeframe":
                case "strategy_name":
                case "strategy_id":
                case "lookback_bars":
                    if (!creating)
                    {
                        in.fail(named, field + " is set when the expert is created");
                        in.ignore();
                        break;
                    }
                    identity(in, field, named);
                    break;
                default: in.unknownField(named);
            }
        }
    }

    private void identity(final RequestReader in, final String field, final String named) throws BadRequest
    {
        switch (field)
        {
            case "timeframe": timeframe = orEmpty(in.string(named, 8)); break;
            case "strategy_name": strategyName = orEmpty(in.string(named, 128)); break;
            case "strategy_id": strategyId = Math.max(0, in.wholeNumber(named)); break;
            default: in.ignore();  // lookback_bars: the strategy's own business; the gateway keeps no bars for it
        }
    }

    private long value(final RequestReader in, final String named, final int flag) throws BadRequest
    {
        final long value = in.positiveDecimal(named);
        if (value == RequestReader.NULL || value == RequestReader.BAD)
        {
            return 0;
        }
        flags |= flag;
        return value;
    }

    /**
     * {@code max_drawdown_pct}, {@code stop_loss_pct}, {@code take_profit_pct}, {@code trailing_stop_pct}: {@code 0} or
     * {@code null} turns the protection off (as {@code null}/{@code 0} turn off an account's risk limits; the engine keeps
     * 0 as "none"), so one once set can be removed; only a negative value is refused.
     */
    private long percentOrOff(final RequestReader in, final String named, final int flag) throws BadRequest
    {
        final long value = in.nonNegativeDecimal(named);
        if (value == RequestReader.BAD)
        {
            return 0;
        }
        flags |= flag;
        return value == RequestReader.NULL ? 0 : value;
    }

    /**
     * {@code stop_loss_pct}, {@code take_profit_pct}, {@code trailing_stop_pct}: off as {@link #percentOrOff}, else below
     * 100, checked here as well as by the engine so that a body with an {@code exchange} block is refused before its
     * account is made: at 100 a buy's stop, or a sell's target, would be at or below zero and every such order refused.
     */
    private long stopPercent(final RequestReader in, final String named, final int flag) throws BadRequest
    {
        final long value = percentOrOff(in, named, flag);
        if (value >= HUNDRED_PERCENT)
        {
            in.fail(named, named + " must be below 100: at 100 or more every " + (flag == ExpertBodies.HAS_TAKE_PROFIT_PCT ? "sell's target"
                : "buy's stop") + " would be at or below zero");
        }
        return value;
    }

    /** An object of known, accepted settings the gateway has no use for (seed 001's logging and market settings). */
    private void known(final RequestReader in, final String field, final String[] names) throws BadRequest
    {
        if (!in.expectObject(field))
        {
            return;
        }
        while (in.nextField())
        {
            final String name = in.fieldName();
            if (java.util.Arrays.asList(names).contains(name))
            {
                in.ignore();
            }
            else
            {
                in.unknownField(field + "." + name);
            }
        }
    }

    private static String orEmpty(final String text)
    {
        return text == null ? "" : text;
    }

    /** A PUT with no strategy value changes nothing: refused before the engine. */
    boolean isEmpty()
    {
        return flags == 0;
    }

    /** The account the expert trades on: named, or (with an exchange block) the one made for it; null until then. */
    String accountId()
    {
        return accountId;
    }

    /** Names the account made for the expert (an exchange block without account_id). */
    void accountId(final String id)
    {
        accountId = id;
    }

    /** The exchange block's credentials (market type from trading_config), or null. */
    io.ordergate.gateway.accounts.ExchangeCredentialFields exchange()
    {
        return trading.exchange();
    }

    /** The exchange of the account {@link #exchange()} makes. */
    io.ordergate.config.VenueKind venue()
    {
        return trading.venue();
    }

    /** CREATE_EXPERT's body. */
    @Override
    public void encode(final BodyWriter writer)
    {
        writer.putString(accountId).putString(strategyName).putString(timeframe).putLong(strategyId);
        encodeStrategy(writer);
        trading.encode(writer);
    }

    void encodeStrategy(final BodyWriter writer)
    {
        ExpertBodies.encodeStrategy(writer, symbol, flags, leverage, maxDrawdownPct, sizeType, sizeValue, stopLossPct, takeProfitPct,
            trailingStopPct);
    }
}
