package io.ordergate.engine;

import io.ordergate.config.GatewayConfig;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.account.AccountAdmin;
import io.ordergate.engine.account.AccountRemoval;
import io.ordergate.engine.auth.KeyAdmin;
import io.ordergate.engine.bot.BotFlow;
import io.ordergate.engine.candle.CandleQuery;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.checkpoint.ReplayCheckpoints;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.expert.ExpertRoom;
import io.ordergate.engine.group.DrawdownGuard;
import io.ordergate.engine.group.FanOutCloser;
import io.ordergate.engine.group.FanOutFlow;
import io.ordergate.engine.group.FanOutJson;
import io.ordergate.engine.group.GroupFlow;
import io.ordergate.engine.order.OrderFlow;
import io.ordergate.engine.order.StartEpochs;
import io.ordergate.engine.position.PositionCloser;
import io.ordergate.engine.position.PositionFlow;
import io.ordergate.engine.position.PositionStops;
import io.ordergate.engine.position.PositionSweeps;
import io.ordergate.engine.query.PerformanceQuery;
import io.ordergate.engine.query.ClosedPositionQuery;
import io.ordergate.engine.query.PositionListQuery;
import io.ordergate.engine.query.QueryFlow;
import io.ordergate.engine.quote.QuoteFlow;
import io.ordergate.engine.user.UserRoom;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.venue.Venues;
import io.ordergate.engine.venue.paper.PaperVenue;
import io.ordergate.engine.view.EngineJson;

/**
 * The single-threaded business logic: applies one command at a time and writes its result into the event.
 * <b>Not thread safe</b>: owned by the engine thread once the pipeline starts, by the start-up thread before
 * (replay). It reads time only from the command, makes ids from its own sequences, and allocates nothing per
 * order in steady state.
 */
public final class Engine
{
    private final EngineState state;
    private final EngineJson json;
    private final OrderFlow orders;
    private final PositionFlow positions;
    private final PositionSweeps sweeps;
    private final QuoteFlow quotes;
    private final AccountAdmin accounts;
    private final KeyAdmin keys;
    private final QueryFlow queries;
    private final ClosedPositionQuery closedPositions;
    private final PositionListQuery positionList;
    private final Venues venues = new Venues();
    private final StateDigest digest = new StateDigest();
    private final EngineContext context;
    private final CommandHandler[] handlers = new CommandHandler[256];  // every code CommandType allows
    private final GroupFlow groups;
    private final BotFlow bots;
    private final UserRoom users;
    private final CandleQuery candles;
    private final ExpertRoom experts;
    private final AccountRemoval removal;
    private final ReplayCheckpoints checkpoints;

    public Engine(final GatewayConfig config)
    {
        // The tables, and the view of them the rooms and plugged-in modules get.
        state = new EngineState(config);
        json = new EngineJson(state.values, state.accounts, state.instruments);
        context = new EngineContext(state, json, venues);
        json.venues(venues);
        // Venues by account kind: paper here, the connectors' own through registerVenue.
        venues.register(VenueKind.PAPER, new PaperVenue(context));
        state.values.venueHoldings(venues);
        state.values.positionLeverage(venues);
        // The rooms, each with the tables and collaborators it uses.
        final PositionCloser positionCloser = new PositionCloser(context, venues);
        orders = new OrderFlow(context, state.risk, venues);
        positions = new PositionFlow(context, json, venues, positionCloser);
        sweeps = new PositionSweeps(context, venues, positionCloser);
        quotes = new QuoteFlow(context, venues, new PositionStops(context, positionCloser));
        accounts = new AccountAdmin(context, json, positions);
        keys = new KeyAdmin(context);
        queries = new QueryFlow(context, json, venues);
        candles = new CandleQuery(context, state.candles);
        closedPositions = new ClosedPositionQuery(context);
        positionList = new PositionListQuery(context, json, venues);
        // Group orders and webhook signals share one fan-out table and these four parts over it.
        final FanOutFlow fanOut = new FanOutFlow(context, orders, state.fanOuts);
        final FanOutCloser closer = new FanOutCloser(context, positionCloser, state.fanOuts);
        final DrawdownGuard drawdown = new DrawdownGuard(state.values);
        final FanOutJson fanOutJson = new FanOutJson(context, state.fanOuts);
        groups = new GroupFlow(context, state.groups, fanOut, drawdown, fanOutJson);
        bots = new BotFlow(context, state.bots, state.groups, fanOut, closer, drawdown, fanOutJson, orders);
        groups.targetedByBot(bots::targets, bots::forget);
        users = new UserRoom(this, config.engine().maxUsers());
        experts = new ExpertRoom(this, orders, candles);
        handle(CommandType.PERFORMANCE_DATA, new PerformanceQuery(context, json, state.groups, state.bots)::apply);
        removal = new AccountRemoval(context, venues, groups, bots, users, experts);
        checkpoints = new ReplayCheckpoints(this::stateDigest);
        handle(CommandType.CHECKPOINT, checkpoints::checkpoint);
        handle(CommandType.CHECKPOINT_DIGEST, checkpoints::confirm);
        handle(CommandType.START_EPOCH, new StartEpochs(state.orders)::apply);
    }

    /** Whether replays agreed with the live run at its clean stops. */
    public ReplayCheckpoints checkpoints()
    {
        return checkpoints;
    }

    /** Seed 001's experts, for handlers plugged in before the pipeline starts (webhooks registered for an expert). */
    public ExpertRoom experts()
    {
        return experts;
    }

    /** The engine's tables, for venues and handlers plugged in before the pipeline starts. */
    public EngineContext context()
    {
        return context;
    }

    /** The account room, for a module whose command makes an account and more in one step (an exchange account). */
    public AccountAdmin accountAdmin()
    {
        return accounts;
    }

    /** Account removal, for a module whose command makes an account and more in one step and must take it back when the rest is refused. */
    public AccountRemoval accountRemoval()
    {
        return removal;
    }

    /** Routes a command type owned by another module to its handler; before the pipeline starts. */
    public void handle(final CommandType type, final CommandHandler handler)
    {
        handlers[type.code()] = handler;
    }

    /**
     * Plugs in the venue for every account of {@code kind} (the paper venue is plugged in already); before replay.
     * A kind with no venue rejects its accounts' orders EXECUTOR_OFFLINE.
     */
    public void registerVenue(final VenueKind kind, final Venue venue)
    {
        venues.register(kind, venue);
    }

    public void apply(final CommandEvent event)
    {
        event.clearResult();
        event.startEpoch = state.orders.startEpoch();
        state.changes.begin();
        try
        {
            dispatch(event);
        }
        finally
        {
            state.principals.widen();
        }
        state.changes.seal(event);
    }

    private void dispatch(final CommandEvent event)
    {
        switch (event.type)
        {
            case NEW_ORDER: orders.newOrder(event); break;
            case CANCEL_ORDER:
                if (experts.actFor(event, CommandBodies.CANCEL_ORDER_LENGTH))
                {
                    orders.cancel(event);
                }
                break;
            case CLOSE_POSITION:
                if (experts.actFor(event, CommandBodies.CLOSE_POSITION_LENGTH))
                {
                    positions.close(event);
                }
                break;
            case CLOSE_SYMBOL: sweeps.closeSymbol(event); break;
            case TERMINATE_ACCOUNT: sweeps.terminate(event); break;
            case MODIFY_POSITION: positions.modify(event); break;
            case QUOTES:
                quotes.quotes(event);
                if (event.result == ResultCode.ACCEPTED)
                {
                    groups.afterQuotes(event);
                    experts.afterQuotes(event);
                }
                break;
            case CREATE_ACCOUNT: accounts.createAccount(event); break;
            case SET_RISK: accounts.setRisk(event); break;
            case PAUSE_ACCOUNT:
            case RESUME_ACCOUNT:
            case CLOSE_ALL: accounts.setStatus(event); break;
            case DELETE_ACCOUNT: removal.remove(event); break;
            case CREATE_KEY: keys.createKey(event); break;
            case GET_ORDER: queries.getOrder(event); break;
            case LIST_ORDERS: queries.listOrders(event); break;
            case LIST_POSITIONS: positionList.list(event); break;
            case GET_ACCOUNT: queries.getAccount(event); break;
            case LIST_ACCOUNTS: queries.listAccounts(event); break;
            case LIST_TRADES: queries.listTrades(event); break;
            case LIST_CLOSED_POSITIONS: closedPositions.list(event); break;
            case GET_QUOTE: queries.getQuote(event); break;
            case GET_CANDLES: candles.getCandles(event); break;
            case STATE_DIGEST: stateDigest(event); break;
            case CREATE_GROUP:
            case UPDATE_GROUP:
            case DELETE_GROUP:
            case ADD_GROUP_MEMBERS:
            case REMOVE_GROUP_MEMBER:
            case PAUSE_GROUP:
            case RESUME_GROUP:
            case GROUP_ORDER:
            case GET_GROUP:
            case LIST_GROUPS:
            case GET_GROUP_ORDER: groups.apply(event); break;
            case CREATE_BOT:
            case SET_BOT_STATUS:
            case UPDATE_BOT:
            case DELETE_BOT:
            case BOT_ACCOUNTS:
            case BOT_ACCOUNT:
            case TERMINATE_BOT:
            case WEBHOOK_SIGNAL:
            case GET_BOT:
            case LIST_BOTS: bots.apply(event); break;
            default:
                final CommandHandler handler = handlers[event.type.code()];
                if (handler != null)
                {
                    handler.apply(event);
                }
                else
                {
                    event.reject(ResultCode.VALIDATION_ERROR, "unsupported command", null);
                }
        }
    }

    /**
     * Whether an account exists. For the start-up thread only, between replay and {@link
     * io.ordergate.engine.pipeline.Pipeline#start}, to decide which configured accounts still need creating.
     */
    public boolean hasAccount(final String accountId)
    {
        return state.accounts.find(accountId) != null;
    }

    /** A fingerprint of the whole state; equal digests mean equal state. Engine thread only. */
    public long stateDigest()
    {
        return digest.compute(state) ^ venues.digest() ^ Long.rotateLeft(users.digest(), 17)
            ^ Long.rotateLeft(state.principals.digest(), 41)
            ^ Long.rotateLeft(experts.digest(), 29);
    }

    private void stateDigest(final CommandEvent event)
    {
        json.begin(event).startObject()
            .name("digest").string("", stateDigest())
            .name("orders").number(state.orders.nextOrderId() - 1)
            .name("trades").number(state.trades.count())
            .name("accounts").number(state.accounts.count())
            .endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }
}
