package io.ordergate.engine;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.bot.Bots;
import io.ordergate.engine.candle.Candles;
import io.ordergate.engine.change.Changes;
import io.ordergate.engine.group.FanOuts;
import io.ordergate.engine.group.Groups;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.order.Trades;
import io.ordergate.engine.position.ClosedPositions;
import io.ordergate.engine.position.HedgePositions;
import io.ordergate.engine.position.Ledger;
import io.ordergate.engine.risk.RiskCheck;

/**
 * Every table the engine owns, sized once from the configuration. <b>Not thread safe</b>: owned by the engine
 * thread (or the replaying start-up thread before the pipeline starts).
 */
final class EngineState
{
    /** The longest list a read answers (QueryFlow's limit). */
    static final int MAX_READ = 1000;

    final GatewayConfig config;
    final Instruments instruments;
    final Accounts accounts;
    final Orders orders;
    final Trades trades;
    final ClosedPositions closedPositions;
    final Ledger ledger;
    final Principals principals;
    final AccountValues values;
    final RiskCheck risk;
    final Groups groups;
    final Bots bots;
    final FanOuts fanOuts;
    final Candles candles;
    final Changes changes;

    EngineState(final GatewayConfig config)
    {
        this.config = config;
        this.instruments = new Instruments(config.instruments());
        this.accounts = new Accounts(config.engine().maxAccounts());
        this.orders = new Orders(config.engine().maxOrders(), instruments.count());
        this.trades = new Trades(config.engine().maxTrades());
        this.closedPositions = new ClosedPositions(config.engine().maxTrades(), MAX_READ);
        this.ledger = new Ledger(trades, new HedgePositions(config.engine().maxHedgePositions()), closedPositions);
        this.principals = new Principals(config.engine().maxKeys() + config.engine().maxUsers());  // keys and users
        this.values = new AccountValues(instruments);
        this.risk = new RiskCheck(values);
        // What each command changes is noted by the tables that change (orders, fills, bookings) and copied out at its end.
        this.changes = new Changes(accounts, instruments, values);
        orders.changes(changes);
        trades.changes(changes);
        ledger.changes(changes);
        this.groups = new Groups(config.engine().maxGroups());
        this.bots = new Bots(config.engine().maxBots());
        this.candles = new Candles(instruments, config.engine().candlesPerTimeframe());
        // Remembered group orders and signals (idempotency reaches this far back), and their children: room for at
        // least two full fan-outs across every account. A fan-out whose children are overwritten is forgotten (FanOuts).
        this.fanOuts = new FanOuts(Math.max(256, Math.min(65536, config.engine().maxOrders() / 16)),
            Math.max(config.engine().maxOrders(), 2 * config.engine().maxAccounts()));
    }
}
