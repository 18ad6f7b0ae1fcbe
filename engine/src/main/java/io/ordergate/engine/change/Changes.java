package io.ordergate.engine.change;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.Position;

/**
 * Notes what the command being applied touches, and at its end copies each touched thing once, as the command left
 * it, into the event's {@link ChangeSet}. The rooms call it where they change something the tables do not note by
 * themselves: a new order, a fill and a booking are noted by the tables ({@code Orders.allocate}, {@code
 * Trades.next}, {@code Ledger}); an order a venue fills, cancels or settles later, a stop change and account admin
 * by their rooms and venues, before they change it (so the status before is known). One rule completes the picture
 * at the end: an order's account changed with it (its open orders, margin and balance move with its orders). An
 * order whose status, fill and update time are what they were is left out (a repeated client order id, a refused
 * cancel).
 *
 * <p>Noting costs a compare and a store (a stamp per object says whether it is already noted in this command);
 * copying happens once per touched object. <b>Not thread safe</b>: owned by the engine thread; allocates nothing
 * once its lists have grown to the largest command.
 */
public final class Changes
{
    /**
     * Per noted position: id, quantity, open price, open time, account index, instrument index (a hedging position
     * given back to its pool during the command no longer names its account).
     */
    private static final int POSITION_STRIDE = 6;

    private final Accounts accounts;
    private final Instruments instruments;
    private final AccountValues values;
    /** Stamps objects noted in the current command; never 0, which no object is stamped with. */
    private long stamp;
    private Order[] touchedOrders = new Order[16];
    private OrderStatus[] statusBefore = new OrderStatus[16];
    private long[] filledBefore = new long[16];
    private long[] updatedBefore = new long[16];
    private int orderCount;
    private Trade[] touchedTrades = new Trade[16];
    private int tradeCount;
    private Position[] touchedPositions = new Position[16];
    private long[] positionBefore = new long[16 * POSITION_STRIDE];
    private int positionCount;
    private HeldPosition[] heldPositions = new HeldPosition[4];
    private Account[] heldAccounts = new Account[4];
    private int heldCount;
    private Account[] touchedAccounts = new Account[16];
    private int accountCount;
    /** Whether an account's equity and margin are worth valuing (someone streams accounts); see {@link #valueAccounts}. */
    private volatile boolean valueAccounts;
    private boolean valuing;

    public Changes(final Accounts accounts, final Instruments instruments, final AccountValues values)
    {
        this.accounts = accounts;
        this.instruments = instruments;
        this.values = values;
    }

    /**
     * Whether account and position changes carry their valuation (equity, margin, unrealized PnL, current price):
     * valuing walks positions and multiplies 128-bit, which costs the order path more than the rest of the change set
     * together, so it is done only while someone reads it (the gateway turns it on while an account or position
     * stream is subscribed); otherwise a position change has no current price and an unrealized PnL of 0. The
     * engine's state is the same either way. Any thread.
     */
    public void valueAccounts(final boolean wanted)
    {
        this.valueAccounts = wanted;
    }

    /** A command starts: nothing is noted. */
    public void begin()
    {
        stamp++;
        valuing = valueAccounts;
        orderCount = 0;
        tradeCount = 0;
        positionCount = 0;
        heldCount = 0;
        accountCount = 0;
    }

    /** The order will change, or was just made ({@code status} null before its first). */
    public void order(final Order order)
    {
        if (order.changeStamp == stamp)
        {
            return;
        }
        order.changeStamp = stamp;
        if (orderCount == touchedOrders.length)
        {
            final int size = orderCount * 2;
            touchedOrders = java.util.Arrays.copyOf(touchedOrders, size);
            statusBefore = java.util.Arrays.copyOf(statusBefore, size);
            filledBefore = java.util.Arrays.copyOf(filledBefore, size);
            updatedBefore = java.util.Arrays.copyOf(updatedBefore, size);
        }
        touchedOrders[orderCount] = order;
        statusBefore[orderCount] = order.status;
        filledBefore[orderCount] = order.filledQuantity;
        updatedBefore[orderCount] = order.updatedAtMicros;
        orderCount++;
    }

    /** A fill was recorded in this slot, or changed (its fields are read at the end of the command, once). */
    public void trade(final Trade trade)
    {
        for (int i = 0; i < tradeCount; i++)
        {
            if (touchedTrades[i] == trade)
            {
                return;  // a fill made and corrected in one command (an MT5 close's report and result together)
            }
        }
        if (tradeCount == touchedTrades.length)
        {
            touchedTrades = java.util.Arrays.copyOf(touchedTrades, tradeCount * 2);
        }
        touchedTrades[tradeCount++] = trade;
    }

    /** The engine's net position will change (a fill, new stops); its account changes with it. */
    public void position(final Account account, final Position position)
    {
        account(account);
        if (position.changeStamp == stamp)
        {
            return;
        }
        position.changeStamp = stamp;
        if (positionCount == touchedPositions.length)
        {
            touchedPositions = java.util.Arrays.copyOf(touchedPositions, positionCount * 2);
            positionBefore = java.util.Arrays.copyOf(positionBefore, positionCount * 2 * POSITION_STRIDE);
        }
        touchedPositions[positionCount] = position;
        final int at = positionCount * POSITION_STRIDE;
        positionBefore[at] = position.positionId;
        positionBefore[at + 1] = position.quantity;
        positionBefore[at + 2] = position.openPrice;
        positionBefore[at + 3] = position.openedAtMicros;
        positionBefore[at + 4] = account.index;
        positionBefore[at + 5] = position.instrumentIndex;
        positionCount++;
    }

    /** The account will change: money, status, limits, counts. */
    public void account(final Account account)
    {
        if (account.changeStamp == stamp)
        {
            return;
        }
        account.changeStamp = stamp;
        if (accountCount == touchedAccounts.length)
        {
            touchedAccounts = java.util.Arrays.copyOf(touchedAccounts, accountCount * 2);
        }
        touchedAccounts[accountCount++] = account;
    }

    /**
     * An account made earlier in this command and taken back before its end (its other part refused): the command
     * tells nothing of it, as if it had never been made.
     */
    public void forgetAccount(final Account account)
    {
        for (int i = 0; i < accountCount; i++)
        {
            if (touchedAccounts[i] == account)
            {
                System.arraycopy(touchedAccounts, i + 1, touchedAccounts, i, accountCount - i - 1);
                touchedAccounts[--accountCount] = null;
                account.changeStamp = 0;
                return;
            }
        }
    }

    /** A position a venue holds itself (an MT5 ticket) will change; its account changes with it. */
    public void heldPosition(final Account account, final HeldPosition position)
    {
        account(account);
        for (int i = 0; i < heldCount; i++)
        {
            if (heldPositions[i] == position)
            {
                return;  // a command touches few tickets: a scan is cheaper than a stamp in another module's object
            }
        }
        if (heldCount == heldPositions.length)
        {
            heldPositions = java.util.Arrays.copyOf(heldPositions, heldCount * 2);
            heldAccounts = java.util.Arrays.copyOf(heldAccounts, heldCount * 2);
        }
        heldAccounts[heldCount] = account;
        heldPositions[heldCount++] = position;
    }

    /** The command is done: copies what it touched into the event (journaled commands only; a read changes nothing). */
    public void seal(final CommandEvent event)
    {
        if (!event.type.journaled())
        {
            return;
        }
        final ChangeSet set = event.changes;
        final long now = event.wallMicros();
        for (int i = 0; i < orderCount; i++)
        {
            sealOrder(event, set, i);
        }
        for (int i = 0; i < tradeCount; i++)
        {
            sealTrade(set.addTrade(), touchedTrades[i]);
        }
        for (int i = 0; i < positionCount; i++)
        {
            sealPosition(set, touchedPositions[i], i * POSITION_STRIDE, now);
        }
        for (int i = 0; i < heldCount; i++)
        {
            final PositionChange change = describe(set.addPosition(), heldAccounts[i], null, now);
            heldPositions[i].describe(change, now);
        }
        for (int i = 0; i < accountCount; i++)
        {
            sealAccount(set.addAccount(), touchedAccounts[i], now);
        }
    }

    private void sealOrder(final CommandEvent event, final ChangeSet set, final int i)
    {
        final Order order = touchedOrders[i];
        if (order.status == statusBefore[i] && order.filledQuantity == filledBefore[i] && order.updatedAtMicros == updatedBefore[i])
        {
            return;  // touched but not changed: a repeated client order id, a refused cancel
        }
        if (order.accountIndex >= 0)
        {
            account(accounts.get(order.accountIndex));
        }
        if (event.outputKind == CommandEvent.OUTPUT_ORDER && event.order.orderId == order.orderId)
        {
            set.addAnswered(statusBefore[i]);
        }
        else
        {
            order.copyTo(set.addOrder(statusBefore[i]));
        }
    }

    private void sealTrade(final TradeChange change, final Trade trade)
    {
        change.tradeId = trade.tradeId;
        change.orderId = trade.orderId;
        change.accountId = accounts.get(trade.accountIndex).id;
        if (trade.instrumentIndex >= 0)
        {
            final Instrument instrument = instruments.get(trade.instrumentIndex);
            change.symbol = instrument.symbol;
            change.priceDigits = instrument.priceDigits;
            change.quantityDigits = instrument.quantityDigits;
        }
        else
        {
            // a synced MT5 deal of a symbol the gateway does not list carries its own
            change.symbol = trade.symbol;
            change.priceDigits = trade.priceDigits;
            change.quantityDigits = trade.quantityDigits;
        }
        change.side = trade.side;
        change.quantity = trade.quantity;
        change.price = trade.price;
        change.realizedPnl = trade.realizedPnl;
        change.fee = trade.fee;
        change.positionId = trade.positionId;
        change.timeMicros = trade.timeMicros;
    }

    private void sealPosition(final ChangeSet set, final Position position, final int before, final long now)
    {
        final Account account = accounts.get((int)positionBefore[before + 4]);
        final Instrument instrument = instruments.get((int)positionBefore[before + 5]);
        final long idBefore = positionBefore[before];
        if (idBefore != 0 && idBefore != position.positionId)
        {
            final PositionChange closed = describe(set.addPosition(), account, instrument, now);
            closed.positionId = idBefore;
            closed.closed = true;
            closed.isLong = positionBefore[before + 1] > 0;
            closed.quantity = 0;
            closed.openPrice = positionBefore[before + 2];
            closed.openedAtMicros = positionBefore[before + 3];
        }
        if (position.isOpen())
        {
            final PositionChange open = describe(set.addPosition(), account, instrument, now);
            open.positionId = position.positionId;
            open.opened = idBefore != position.positionId;
            open.isLong = position.quantity > 0;
            open.quantity = Math.abs(position.quantity);
            open.openPrice = position.openPrice;
            open.stopLoss = position.stopLoss();
            open.takeProfit = position.takeProfit();
            if (valuing)
            {
                open.currentPrice = instrument.hasQuote() ? (open.isLong ? instrument.bid : instrument.ask) : OrderView.NONE;
                open.unrealizedPnl = Valuation.unrealized(account, instrument, position);
            }
            open.openedAtMicros = position.openedAtMicros;
        }
    }

    private static PositionChange describe(final PositionChange change, final Account account, final Instrument instrument, final long now)
    {
        change.accountId = account.id;
        if (instrument != null)
        {
            change.symbol = instrument.symbol;
            change.priceDigits = instrument.priceDigits;
            change.quantityDigits = instrument.quantityDigits;
        }
        change.timeMicros = now;
        change.closed = false;
        change.opened = false;
        change.stopLoss = OrderView.NONE;
        change.takeProfit = OrderView.NONE;
        change.currentPrice = OrderView.NONE;
        change.unrealizedPnl = 0;
        return change;
    }

    private void sealAccount(final AccountChange change, final Account account, final long now)
    {
        change.accountId = account.id;
        change.venue = account.venueName();
        change.status = account.status.wireName();
        change.currency = account.currency;
        change.leverage = account.leverage;
        change.balance = account.balance;
        change.valued = valuing || account.openPositions == 0;
        if (account.openPositions == 0 || !valuing)
        {
            change.unrealizedPnl = 0;
            change.marginUsed = 0;
        }
        else
        {
            change.unrealizedPnl = values.unrealized(account);
            change.marginUsed = values.marginUsed(account);
        }
        change.equity = account.venueEquity != Account.NO_VENUE_EQUITY ? account.venueEquity : account.balance + change.unrealizedPnl;
        change.realizedPnl = account.realizedPnl;
        change.positionMode = account.positionModeName();
        change.feeRate = account.feeRate;
        change.openPositions = account.openPositions;
        change.openOrders = account.openOrders;
        change.maxOrderQuantity = account.risk.maxOrderQuantity;
        change.maxPositionQuantity = account.risk.maxPositionQuantity;
        change.maxOpenOrders = account.risk.maxOpenOrders;
        change.maxOrdersPerSecond = account.risk.maxOrdersPerSecond;
        change.maxNotional = account.risk.maxNotional;
        change.priceCollarPct = account.risk.priceCollarPct;
        change.maxDailyLoss = account.risk.maxDailyLoss;
        change.createdAtMicros = account.createdAtMicros;
        change.timeMicros = now;
    }
}
