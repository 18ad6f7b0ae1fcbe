package io.ordergate.engine.expert;

import java.util.ArrayList;
import java.util.List;

import io.ordergate.engine.Engine;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountScope;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.candle.CandleQuery;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.OrderEntry;
import io.ordergate.engine.venue.FuturesSettings;
import io.ordergate.fixed.FixedPoint;

/**
 * The engine's room for seed 001's experts: create, start/stop, strategy updates and the drawdown stop are journaled
 * commands applied here (ids from the room's own sequence), so a replay rebuilds them exactly. Orders are {@link
 * ExpertOrders}', reads {@link ExpertViews}'. <b>Not thread safe</b>: built before replay; engine thread after.
 *
 * <pre>
 *   CREATE_EXPERT, CONTROL_EXPERT, EXPERT_STRATEGY, QUOTES (drawdown)  ─► here
 *   EXPERT_ORDER                                                        ─► ExpertOrders
 *   GET_EXPERT                                                          ─► ExpertViews
 * </pre>
 */
public final class ExpertRoom
{
    static final long WIRE_ONE = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);
    static final long HUNDRED_PERCENT = 100 * WIRE_ONE;

    private final EngineContext context;
    private final AccountValues values;
    private final List<Expert> experts = new ArrayList<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AccountScope accountScope;
    private final ExpertBodies.Strategy strategy = new ExpertBodies.Strategy();
    private final ExpertJson json;
    private final ExpertFutures futures;
    private long nextId = 1;
    /** {@code engine.max_experts} and {@code engine.expert_log_entries}. */
    private final int maxExperts;
    private final int logCapacity;

    public ExpertRoom(final Engine engine, final OrderEntry orders, final CandleQuery candles)
    {
        this.context = engine.context();
        this.maxExperts = context.config().engine().maxExperts();
        this.logCapacity = context.config().engine().expertLogEntries();
        this.values = context.values();
        this.accountScope = new AccountScope(context);
        this.json = new ExpertJson(context);
        this.futures = new ExpertFutures(context);
        final ExpertOrders expertOrders = new ExpertOrders(this, context, orders, json);
        final ExpertViews views = new ExpertViews(this, context, json, candles);
        engine.handle(CommandType.CREATE_EXPERT, event -> create(event, CommandFrame.BODY_OFFSET));
        engine.handle(CommandType.CONTROL_EXPERT, this::control);
        engine.handle(CommandType.EXPERT_STRATEGY, this::updateStrategy);
        engine.handle(CommandType.EXPERT_ORDER, expertOrders::place);
        engine.handle(CommandType.GET_EXPERT, views::view);
    }

    /**
     * A cancel or close sent by an expert's route names the expert after its body ({@code bodyLength} bytes): the
     * expert must be the caller's to see, and for the rest of the command no account but the expert's can be reached,
     * so another account's order or position answers 404 as one that does not exist, and changes nothing.
     *
     * @return false when the named expert is not found (the event is rejected); true otherwise, also without one
     */
    public boolean actFor(final CommandEvent event, final int bodyLength)
    {
        if (event.frameLength() <= CommandFrame.BODY_OFFSET + bodyLength)
        {
            return true;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET + bodyLength);
        final AsciiView expertId = reader.readString(text);
        if (expertId.isEmpty())
        {
            return accountScope.narrowTo(event, reader.readString(text));  // no expert: seed 002's close names its account
        }
        final Expert expert = find(event, expertId);
        if (expert == null)
        {
            return false;
        }
        context.principals().narrow(expert.account.index);
        return true;
    }

    /** The expert a command names, if the principal may see its account; else the event is rejected NOT_FOUND. */
    Expert find(final CommandEvent event, final AsciiView id)
    {
        for (int i = 0; i < experts.size(); i++)
        {
            final Expert expert = experts.get(i);
            if (id.contentEquals(expert.idBytes) && context.principals().canAccess(event.principal(), expert.account.index))
            {
                return expert;
            }
        }
        event.reject(ResultCode.NOT_FOUND, "expert not found", "expert_id");
        return null;
    }

    /**
     * The account of the expert a command names, if the principal may see it; else null and the event rejected
     * NOT_FOUND (outbound webhooks registered for an expert, seed 001).
     */
    public Account accountOf(final CommandEvent event, final AsciiView id)
    {
        final Expert expert = find(event, id);
        return expert == null ? null : expert.account;
    }

    /**
     * CREATE_EXPERT, or its part of a command that makes the expert's account in the same step (an exchange account:
     * EXCHANGE_CREATE_EXPERT), whose handler takes the account back when this refuses.
     *
     * @param bodyOffset where CREATE_EXPERT's body starts in the event's frame; it runs to the end of the frame's body
     * @return whether the expert was made (else the event is rejected and nothing changed here)
     */
    public boolean create(final CommandEvent event, final int bodyOffset)
    {
        reader.wrap(event.frame, bodyOffset);
        final Account account = context.accounts().find(reader.readString(text));
        if (account == null || !context.principals().canAccess(event.principal(), account.index))
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return false;
        }
        if (!context.principals().requireTrade(event))
        {
            return false;
        }
        final String name = reader.readString(text).toString();  // admin path: may allocate
        final String timeframe = reader.readString(text).toString();
        final long strategyId = reader.readLong();
        strategy.decode(reader);
        final int bodyEnd = CommandFrame.BODY_OFFSET + event.frame.getInt(CommandFrame.BODY_LENGTH_OFFSET);
        final boolean futuresAsked = reader.position() < bodyEnd && reader.readBoolean();
        final int marginMode = reader.position() < bodyEnd ? reader.readByte() : FuturesSettings.UNCHANGED;
        final int positionMode = reader.position() < bodyEnd ? reader.readByte() : FuturesSettings.UNCHANGED;
        if (experts.size() >= maxExperts)
        {
            event.reject(ResultCode.CONFLICT, "the expert table is full (engine.max_experts)", null);
            return false;
        }
        final Expert expert = new Expert("exp_" + nextId, account, name, timeframe, strategyId, event.wallMicros(), logCapacity);
        expert.leverage = account.leverage * WIRE_ONE;
        final long leverageAsked = strategy.has(ExpertBodies.HAS_LEVERAGE) ? strategy.leverage : 0;
        if (!apply(event, expert) || futures.refused(event, account, futuresAsked, expert.symbol, leverageAsked, marginMode, positionMode))
        {
            return false;
        }
        expert.marginMode = marginMode;
        expert.positionMode = positionMode;
        futures.send(event, account, expert.symbol, leverageAsked, marginMode, positionMode);
        nextId++;
        experts.add(expert);
        expert.log.add(ExpertLog.CREATED, event.wallMicros(), 0, 0);
        json.created(event, expert);
        return true;
    }

    private void control(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Expert expert = find(event, reader.readString(text));
        if (expert == null || !context.principals().requireTrade(event))
        {
            return;
        }
        final int action = reader.readByte();
        final long now = event.wallMicros();
        if (action == ExpertBodies.START)
        {
            if (!expert.isRunning())
            {
                expert.status = Expert.RUNNING;
                expert.peakEquity = values.equity(expert.account);  // the drawdown counts from here
                expert.log.add(ExpertLog.STARTED, now, expert.peakEquity, 0);
            }
        }
        else if (action == ExpertBodies.STOP)
        {
            if (expert.isRunning())
            {
                expert.status = Expert.STOPPED;
                expert.log.add(ExpertLog.STOPPED, now, 0, 0);
            }
        }
        else
        {
            event.reject(ResultCode.VALIDATION_ERROR, "action must be start or stop", "action");
            return;
        }
        expert.updatedMicros = now;
        json.controlled(event, expert);
    }

    private void updateStrategy(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Expert expert = find(event, reader.readString(text));
        if (expert == null || !context.principals().requireTrade(event))
        {
            return;
        }
        strategy.decode(reader);
        if (strategy.flags == 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "give at least one strategy parameter", null);
            return;
        }
        // a new leverage, or a new symbol (which gets the expert's leverage and modes), goes to a futures account too
        final boolean newSymbol = strategy.has(ExpertBodies.HAS_SYMBOL);
        final Instrument symbol = newSymbol ? context.instruments().find(strategy.symbol) : expert.symbol;
        final long leverage = strategy.has(ExpertBodies.HAS_LEVERAGE) ? strategy.leverage : newSymbol ? expert.leverage : 0;
        final int marginMode = newSymbol ? expert.marginMode : FuturesSettings.UNCHANGED;
        final int positionMode = newSymbol ? expert.positionMode : FuturesSettings.UNCHANGED;
        if ((symbol != null || !newSymbol) && futures.refused(event, expert.account, false, symbol, leverage, marginMode, positionMode)
            || !apply(event, expert))
        {
            return;
        }
        futures.send(event, expert.account, symbol, leverage, marginMode, positionMode);
        expert.updatedMicros = event.wallMicros();
        expert.log.add(ExpertLog.STRATEGY_UPDATED, event.wallMicros(), strategy.flags, 0);
        json.strategyUpdated(event, expert, strategy.flags);
    }

    /** Checks every given strategy value, then sets them all (or none, with the event rejected). */
    private boolean apply(final CommandEvent event, final Expert expert)
    {
        Instrument symbol = expert.symbol;
        if (strategy.has(ExpertBodies.HAS_SYMBOL))
        {
            symbol = context.instruments().find(strategy.symbol);
            if (symbol == null)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "symbol is not a configured instrument", "symbol");
                return false;
            }
        }
        // 0 is "off" (checkDrawdown skips it); a negative floor would sit above the peak and stop the expert at once
        if (strategy.has(ExpertBodies.HAS_MAX_DRAWDOWN)
            && (strategy.maxDrawdownPct < 0 || drawdownPercent(strategy.maxDrawdownPct) >= HUNDRED_PERCENT))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "max_drawdown_pct must be 0 (off) or above, and below 100 (a value below 1 is a"
                + " fraction: 0.2 = 20%)", "max_drawdown_pct");
            return false;
        }
        if (strategy.has(ExpertBodies.HAS_LEVERAGE) && strategy.leverage < WIRE_ONE)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "leverage must be at least 1", "leverage");
            return false;
        }
        final int sizeType = strategy.has(ExpertBodies.HAS_SIZE_TYPE) ? strategy.sizeType : expert.sizeType;
        final long sizeValue = strategy.has(ExpertBodies.HAS_SIZE_VALUE) ? strategy.sizeValue : expert.sizeValue;
        // the pair that will hold, not the value given: a fixed 150 lots made risk_based alone would risk 150% of equity
        if (sizeType != ExpertBodies.SIZE_FIXED && sizeValue >= HUNDRED_PERCENT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "size_value is a percent of equity for " + ExpertBodies.SIZE_TYPE_NAMES[sizeType]
                + ": it must be below 100", "size_value");
            return false;
        }
        // each would refuse every order it protects (a stop or a sell's target at or below zero): refused here, loud and once
        if (!percentBelowHundred(event, ExpertBodies.HAS_STOP_LOSS_PCT, strategy.stopLossPct, "stop_loss_pct")
            || !percentBelowHundred(event, ExpertBodies.HAS_TAKE_PROFIT_PCT, strategy.takeProfitPct, "take_profit_pct")
            || !percentBelowHundred(event, ExpertBodies.HAS_TRAILING_STOP_PCT, strategy.trailingStopPct, "trailing_stop_pct"))
        {
            return false;
        }
        expert.symbol = symbol;
        expert.sizeType = sizeType;
        expert.leverage = strategy.has(ExpertBodies.HAS_LEVERAGE) ? strategy.leverage : expert.leverage;
        expert.maxDrawdownPct = strategy.has(ExpertBodies.HAS_MAX_DRAWDOWN) ? strategy.maxDrawdownPct : expert.maxDrawdownPct;
        expert.sizeValue = sizeValue;
        expert.stopLossPct = strategy.has(ExpertBodies.HAS_STOP_LOSS_PCT) ? strategy.stopLossPct : expert.stopLossPct;
        expert.takeProfitPct = strategy.has(ExpertBodies.HAS_TAKE_PROFIT_PCT) ? strategy.takeProfitPct : expert.takeProfitPct;
        expert.trailingStopPct = strategy.has(ExpertBodies.HAS_TRAILING_STOP_PCT) ? strategy.trailingStopPct : expert.trailingStopPct;
        return true;
    }

    private boolean percentBelowHundred(final CommandEvent event, final int flag, final long value, final String field)
    {
        if (strategy.has(flag) && value >= HUNDRED_PERCENT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, field + " must be below 100", field);
            return false;
        }
        return true;
    }

    /**
     * Seed 001 writes {@code max_drawdown_pct} as a fraction (0.2 for 20%) although it is named a percent: a value below
     * 1 is read as a fraction, 1 and above as a percent. Wire digits in, a percent at wire digits out.
     */
    static long drawdownPercent(final long given)
    {
        return given < WIRE_ONE ? given * 100 : given;
    }

    /**
     * After every applied QUOTES command: a running expert whose account's equity has fallen {@code max_drawdown_pct}
     * below its peak since it started is stopped, as if by its own stop command. Allocates nothing.
     */
    public void afterQuotes(final CommandEvent event)
    {
        for (int i = 0; i < experts.size(); i++)
        {
            checkDrawdown(experts.get(i), event.wallMicros());
        }
    }

    /**
     * Moves a running expert's peak, also while it has no max_drawdown_pct: one set later measures from the highest
     * equity since the start, as documented, not from the equity at the start.
     *
     * @return whether the expert is (still) running
     */
    boolean checkDrawdown(final Expert expert, final long nowMicros)
    {
        if (!expert.isRunning())
        {
            return false;
        }
        final long equity = values.equity(expert.account);
        if (equity > expert.peakEquity)
        {
            expert.peakEquity = equity;
            return true;
        }
        if (expert.maxDrawdownPct == 0)
        {
            return true;
        }
        final long floor = expert.peakEquity - FixedPoint.mulDiv(expert.peakEquity, drawdownPercent(expert.maxDrawdownPct), HUNDRED_PERCENT);
        // a loss, not only a floor reached: from a peak of 0 (an account whose first balance has not landed) the floor is 0 too
        if (equity <= floor && equity < expert.peakEquity)
        {
            expert.status = Expert.STOPPED;
            expert.updatedMicros = nowMicros;
            expert.log.add(ExpertLog.DRAWDOWN_STOP, nowMicros, equity, expert.peakEquity);
            return false;
        }
        return true;
    }

    int count()
    {
        return experts.size();
    }

    /** The id of an expert whose home is the account (it must not be deleted under it), or null. Admin path. */
    public String expertOn(final Account account)
    {
        for (int i = 0; i < experts.size(); i++)
        {
            if (experts.get(i).account == account)
            {
                return experts.get(i).id;
            }
        }
        return null;
    }

    /** A fingerprint of every expert, for the engine's state digest. */
    public long digest()
    {
        long h = nextId;
        for (int i = 0; i < experts.size(); i++)
        {
            h = h * 31 + experts.get(i).digest();
        }
        return h;
    }
}
