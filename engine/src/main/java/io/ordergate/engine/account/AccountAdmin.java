package io.ordergate.engine.account;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.change.Changes;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.position.PositionFlow;
import io.ordergate.engine.view.EngineJson;
import io.ordergate.fixed.Money;

/**
 * Accounts: create, risk limits, pause, resume and close-all. Admin commands may allocate (an account's tables);
 * they are rare and never on the order path. <b>Not thread safe</b>: engine thread.
 */
public final class AccountAdmin
{
    private static final java.util.regex.Pattern VALID_ACCOUNT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final java.util.regex.Pattern VALID_CURRENCY = java.util.regex.Pattern.compile("[A-Z]{3}");
    private static final int MAX_LEVERAGE = io.ordergate.config.AccountSpec.MAX_LEVERAGE;
    /** 0.1 at wire digits: a fee rate is a fraction of the notional, and anything near it is a typo. */
    private static final long MAX_FEE_RATE = 10_000_000L;
    /** "venue must be paper or mt5": every kind, so a new venue kind is accepted without touching this. */
    private static final String VENUE_NAMES_MESSAGE = "venue must be " + java.util.Arrays.stream(VenueKind.values())
        .map(VenueKind::configName).collect(java.util.stream.Collectors.joining(" or "));

    private final Accounts accounts;
    private final Instruments instruments;
    private final Principals principals;
    private final EngineJson json;
    private final PositionFlow positions;
    private final Changes changes;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    public AccountAdmin(final EngineContext context, final EngineJson json, final PositionFlow positions)
    {
        this.accounts = context.accounts();
        this.instruments = context.instruments();
        this.principals = context.principals();
        this.changes = context.changes();
        this.json = json;
        this.positions = positions;
    }

    public void createAccount(final CommandEvent event)
    {
        if (!principals.requireAdmin(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String accountId = reader.readString(text).toString();
        final int venue = reader.readByte();
        final String currency = reader.readString(text).toString();
        final long wireBalance = reader.readLong();
        final int leverage = reader.readInt();
        final int positionMode = reader.position() < event.frameLength() ? reader.readByte() : CommandBodies.POSITION_MODE_NETTING;
        final long feeRate = reader.position() < event.frameLength() ? reader.readLong() : 0;
        if (feeRate < 0 || feeRate >= MAX_FEE_RATE)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "fee_rate must be at least 0 and less than 0.1 (10%)", "fee_rate");
            return;
        }
        if (feeRate != 0 && venue != VenueKind.PAPER.code())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "fee_rate is for paper accounts (a venue charges its own fees)", "fee_rate");
            return;
        }
        final Account account = create(event, accountId, venue, currency, wireBalance, leverage, positionMode);
        if (account != null)
        {
            account.feeRate = feeRate;
            json.account(event, account);
            event.result = ResultCode.CREATED;
        }
    }

    /**
     * Checks and adds an account (the caller checked the principal): answers it, or null after rejecting the event.
     * For commands that make an account and more in one journaled step (an exchange account with its credentials).
     *
     * @param positionMode {@link CommandBodies#POSITION_MODE_NETTING} or {@link CommandBodies#POSITION_MODE_HEDGING}
     */
    public Account create(final CommandEvent event, final String accountId, final int venue, final String currency, final long wireBalance,
        final int leverage, final int positionMode)
    {
        if (accounts.find(accountId) != null)
        {
            event.reject(ResultCode.CONFLICT, "an account with this account_id exists", "account_id");
            return null;
        }
        if (accounts.isFull())
        {
            event.reject(ResultCode.CONFLICT, "the account table is full (engine.max_accounts)", null);
            return null;
        }
        // The gateway checks these too; the engine checks again because a journal is input as well.
        if (!VALID_ACCOUNT_ID.matcher(accountId).matches())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "account_id must be 1..64 of A-Z a-z 0-9 . _ -", "account_id");
            return null;
        }
        if (VenueKind.fromCode(venue) == null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, VENUE_NAMES_MESSAGE, "venue");
            return null;
        }
        if (!VALID_CURRENCY.matcher(currency).matches())
        {
            event.reject(ResultCode.VALIDATION_ERROR, "currency must be 3 upper-case letters", "currency");
            return null;
        }
        if (leverage < 1 || leverage > MAX_LEVERAGE)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "leverage must be between 1 and 1000", "leverage");
            return null;
        }
        final long balance = Wire.exact(wireBalance, Money.DIGITS);
        if (balance == Wire.INEXACT || balance < 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "balance must be at least 0 with at most 2 decimal places", "balance");
            return null;
        }
        if (positionMode != CommandBodies.POSITION_MODE_NETTING && positionMode != CommandBodies.POSITION_MODE_HEDGING)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "position_mode must be netting or hedging", "position_mode");
            return null;
        }
        if (positionMode == CommandBodies.POSITION_MODE_HEDGING && venue != VenueKind.PAPER.code())
        {
            // An MT5 terminal keeps each ticket apart itself; an exchange's spot account nets.
            event.reject(ResultCode.VALIDATION_ERROR, "position_mode hedging is for paper accounts (an mt5 account's tickets are its "
                + "terminal's positions)", "position_mode");
            return null;
        }
        final Account account = new Account(accounts.count(), accountId, venue, currency, balance, leverage,
            instruments.count(), event.wallMicros());
        account.hedging = positionMode == CommandBodies.POSITION_MODE_HEDGING;
        accounts.add(account);
        changes.account(account);
        return account;
    }

    public void setRisk(final CommandEvent event)
    {
        final Account account = adminAccount(event);
        if (account == null)
        {
            return;
        }
        final int mask = reader.readInt();
        final RiskLimits risk = account.risk;
        final long maxOrderQuantity = reader.readLong();
        final long maxPositionQuantity = reader.readLong();
        final long maxOpenOrders = reader.readLong();
        final long maxOrdersPerSecond = reader.readLong();
        final long maxNotional = reader.readLong();
        final long priceCollarPct = reader.readLong();
        final long maxDailyLoss = reader.readLong();
        final long openOrders = Wire.exact(maxOpenOrders, 0);
        final long perSecond = Wire.exact(maxOrdersPerSecond, 0);
        final long notional = Wire.exact(maxNotional, Money.DIGITS);
        final long dailyLoss = Wire.exact(maxDailyLoss, Money.DIGITS);
        if (set(mask, CommandBodies.RISK_MAX_OPEN_ORDERS) && openOrders == Wire.INEXACT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "max_open_orders must be a whole number", "max_open_orders");
            return;
        }
        if (set(mask, CommandBodies.RISK_MAX_ORDERS_PER_SECOND) && perSecond == Wire.INEXACT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "max_orders_per_second must be a whole number", "max_orders_per_second");
            return;
        }
        if (set(mask, CommandBodies.RISK_MAX_NOTIONAL) && notional == Wire.INEXACT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "max_notional has more than 2 decimal places", "max_notional");
            return;
        }
        if (set(mask, CommandBodies.RISK_MAX_DAILY_LOSS) && dailyLoss == Wire.INEXACT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "max_daily_loss has more than 2 decimal places", "max_daily_loss");
            return;
        }
        risk.maxOrderQuantity = set(mask, CommandBodies.RISK_MAX_ORDER_QUANTITY) ? maxOrderQuantity : risk.maxOrderQuantity;
        risk.maxPositionQuantity = set(mask, CommandBodies.RISK_MAX_POSITION_QUANTITY) ? maxPositionQuantity : risk.maxPositionQuantity;
        risk.maxOpenOrders = set(mask, CommandBodies.RISK_MAX_OPEN_ORDERS) ? openOrders : risk.maxOpenOrders;
        risk.maxOrdersPerSecond = set(mask, CommandBodies.RISK_MAX_ORDERS_PER_SECOND) ? perSecond : risk.maxOrdersPerSecond;
        risk.maxNotional = set(mask, CommandBodies.RISK_MAX_NOTIONAL) ? notional : risk.maxNotional;
        risk.priceCollarPct = set(mask, CommandBodies.RISK_PRICE_COLLAR_PCT) ? priceCollarPct : risk.priceCollarPct;
        risk.maxDailyLoss = set(mask, CommandBodies.RISK_MAX_DAILY_LOSS) ? dailyLoss : risk.maxDailyLoss;
        changes.account(account);
        json.account(event, account);
        event.result = ResultCode.OK;
    }

    public void setStatus(final CommandEvent event)
    {
        final Account account = adminAccount(event);
        if (account == null)
        {
            return;
        }
        changes.account(account);
        if (event.type == CommandType.PAUSE_ACCOUNT)
        {
            account.status = AccountStatus.PAUSED;
        }
        else if (event.type == CommandType.RESUME_ACCOUNT)
        {
            account.status = AccountStatus.ACTIVE;
        }
        else if (positions.closeAll(event, account) != null)
        {
            return;  // paused, but the venue could send no close: its rejection is the answer, not success
        }
        json.account(event, account);
        event.result = ResultCode.OK;
    }

    /** Reads the account id at the start of the body; rejects and answers null unless admin and found. */
    private Account adminAccount(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Account account = accounts.find(reader.readString(text));
        if (!principals.requireAdmin(event))
        {
            return null;
        }
        if (account == null)
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return null;
        }
        return account;
    }

    private static boolean set(final int mask, final int bit)
    {
        return (mask & bit) != 0;
    }
}
