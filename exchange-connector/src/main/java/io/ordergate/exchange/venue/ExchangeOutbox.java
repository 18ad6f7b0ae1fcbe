package io.ordergate.exchange.venue;

import java.util.ArrayList;
import java.util.List;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.order.Order;

/**
 * The exchange's records in an event's outbox, for the reply stage to hand to the connector's I/O. The outbox is
 * shared with the MT5 venue, whose records name an executor index (0 and up); an exchange record names its account
 * as {@code -1 - accountIndex}, so each reader skips the other's.
 *
 * <pre>
 *   target (int, -1 - account index) | length (int) | kind (byte) | order id (long, 0 for SETTINGS) |
 *   the order's start epoch (long, 0 for SETTINGS) | account id | namespace |
 *   symbol (the venue's) | testnet (byte) | then by kind:
 *     PLACE, CANCEL, FOLLOW  side (byte) | type (byte) | time in force (byte) | quantity (long) | quantity digits (byte) |
 *                            price (long, or NONE) | price digits (byte) | position side (byte, POSITION_SIDE_*) | reduce only (byte)
 *     SETTINGS               leverage (int, 0 = unchanged) | margin mode (byte) | position mode (byte)
 * </pre>
 * <b>Not thread safe</b>: the engine writes, the reply thread reads, the ring orders them.
 */
public final class ExchangeOutbox
{
    public static final int RECORD_HEADER_LENGTH = 2 * Integer.BYTES;
    public static final int PLACE = 1;
    public static final int CANCEL = 2;
    /** Ask the exchange what became of an order (after a restart). */
    public static final int FOLLOW = 3;
    /** Send futures settings (leverage, margin mode, position mode) for a symbol. */
    public static final int SETTINGS = 4;

    /** A futures order's position side: none (spot, or one-way mode), or the hedge-mode side it opens or closes. */
    public static final int POSITION_SIDE_NONE = 0;
    public static final int POSITION_SIDE_LONG = 1;
    public static final int POSITION_SIDE_SHORT = 2;

    /**
     * An order to send, cancel or ask for, as the connector's I/O reads it.
     *
     * @param positionSide {@link #POSITION_SIDE_NONE}, {@link #POSITION_SIDE_LONG} or {@link #POSITION_SIDE_SHORT}
     * @param reduceOnly   a one-way futures close: it may only reduce the position
     */
    public record OrderRecord(Side side, OrderType type, TimeInForce timeInForce, long quantity, int quantityDigits, long price, int priceDigits,
        int positionSide, boolean reduceOnly)
    {
    }

    /** Futures settings to send ({@code io.ordergate.engine.venue.FuturesSettings} codes). */
    public record SettingsRecord(int leverage, int marginMode, int positionMode)
    {
    }

    /** One record as the connector's I/O reads it (allocates: the I/O side is not the engine's hot path). */
    public record Record(int kind, long orderId, long startEpoch, String accountId, String namespace, String symbol, boolean testnet, OrderRecord order,
        SettingsRecord settings)
    {
    }

    private final BodyWriter writer = new BodyWriter();

    /** True for an exchange record's target; its account index is {@link #accountIndex}. */
    public static boolean isExchangeTarget(final int target)
    {
        return target < 0;
    }

    public static int accountIndex(final int target)
    {
        return -1 - target;
    }

    /** Reads the exchange records of an event's outbox (MT5 records are skipped). */
    public static List<Record> read(final CommandEvent event)
    {
        final List<Record> records = new ArrayList<>();
        final BodyReader reader = new BodyReader();
        final AsciiView text = new AsciiView();
        int offset = 0;
        for (int i = 0; i < event.outboxCount; i++)
        {
            final int target = event.outbox.getInt(offset);
            final int length = event.outbox.getInt(offset + Integer.BYTES);
            if (isExchangeTarget(target))
            {
                reader.wrap(event.outbox, offset + RECORD_HEADER_LENGTH);
                final int kind = reader.readByte();
                final long orderId = reader.readLong();
                final long startEpoch = reader.readLong();
                final String accountId = reader.readString(text).toString();
                final String namespace = reader.readString(text).toString();
                final String symbol = reader.readString(text).toString();
                final boolean testnet = reader.readBoolean();
                if (kind == SETTINGS)
                {
                    records.add(new Record(kind, orderId, startEpoch, accountId, namespace, symbol, testnet, null,
                        new SettingsRecord(reader.readInt(), reader.readByte(), reader.readByte())));
                }
                else
                {
                    records.add(new Record(kind, orderId, startEpoch, accountId, namespace, symbol, testnet, new OrderRecord(Side.values()[reader.readByte()],
                        OrderType.values()[reader.readByte()], TimeInForce.values()[reader.readByte()], reader.readLong(), reader.readByte(),
                        reader.readLong(), reader.readByte(), reader.readByte(), reader.readBoolean()), null));
                }
            }
            offset += RECORD_HEADER_LENGTH + length;
        }
        return records;
    }

    /** An order record; allocates nothing (the namespace is the account's cached one). */
    void write(final CommandEvent event, final int kind, final Order order, final String namespace, final boolean testnet)
    {
        write(event, kind, order, namespace, testnet, POSITION_SIDE_NONE, false);
    }

    /** An order record with its futures position effect. Allocates nothing. */
    void write(final CommandEvent event, final int kind, final Order order, final String namespace, final boolean testnet, final int positionSide,
        final boolean reduceOnly)
    {
        final int start = begin(event, kind, order.orderId, order.startEpoch, order.accountId, namespace, order.venueSymbolOrSymbol(), testnet);
        writer.putByte(order.side.ordinal()).putByte(order.type.ordinal()).putByte(order.timeInForce.ordinal())
            .putLong(order.quantity).putByte(order.quantityDigits).putLong(order.price).putByte(order.priceDigits)
            .putByte(positionSide).putBoolean(reduceOnly);
        end(event, start, order.accountIndex);
    }

    void writeSettings(final CommandEvent event, final int accountIndex, final String accountId, final String namespace, final String symbol,
        final boolean testnet, final int leverage, final int marginMode, final int positionMode)
    {
        final int start = begin(event, SETTINGS, 0, 0, accountId, namespace, symbol, testnet);
        writer.putInt(leverage).putByte(marginMode).putByte(positionMode);
        end(event, start, accountIndex);
    }

    private int begin(final CommandEvent event, final int kind, final long orderId, final long startEpoch, final String accountId, final String namespace,
        final String symbol, final boolean testnet)
    {
        final int start = event.outboxLength;
        writer.wrap(event.outbox, start + RECORD_HEADER_LENGTH)
            .putByte(kind).putLong(orderId).putLong(startEpoch).putString(accountId).putString(namespace).putString(symbol).putBoolean(testnet);
        return start;
    }

    private void end(final CommandEvent event, final int start, final int accountIndex)
    {
        event.outbox.putInt(start, -1 - accountIndex);
        event.outbox.putInt(start + Integer.BYTES, writer.length());
        event.outboxLength = start + RECORD_HEADER_LENGTH + writer.length();
        event.outboxCount++;
    }
}
