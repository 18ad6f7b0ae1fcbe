package io.ordergate.exchange.venue;

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
 *   target (int, -1 - account index) | length (int) | kind (byte: PLACE, CANCEL, FOLLOW) | order id (long) |
 *   account id | namespace | symbol (the venue's) | side (byte) | type (byte) | time in force (byte) |
 *   quantity (long) | quantity digits (byte) | price (long, or NONE) | price digits (byte) | testnet (byte)
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

    /** One record as the connector's I/O reads it (allocates: the I/O side is not the engine's hot path). */
    public record Record(int kind, long orderId, String accountId, String namespace, String symbol, Side side, OrderType type,
        TimeInForce timeInForce, long quantity, int quantityDigits, long price, int priceDigits, boolean testnet)
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
    public static java.util.List<Record> read(final CommandEvent event)
    {
        final java.util.List<Record> records = new java.util.ArrayList<>();
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
                records.add(new Record(reader.readByte(), reader.readLong(), reader.readString(text).toString(), reader.readString(text).toString(),
                    reader.readString(text).toString(), Side.values()[reader.readByte()], OrderType.values()[reader.readByte()],
                    TimeInForce.values()[reader.readByte()], reader.readLong(), reader.readByte(), reader.readLong(), reader.readByte(),
                    reader.readBoolean()));
            }
            offset += RECORD_HEADER_LENGTH + length;
        }
        return records;
    }

    void write(final CommandEvent event, final int kind, final Order order, final String namespace, final boolean testnet)
    {
        final int start = event.outboxLength;
        writer.wrap(event.outbox, start + RECORD_HEADER_LENGTH)
            .putByte(kind).putLong(order.orderId).putString(order.accountId).putString(namespace).putString(order.venueSymbolOrSymbol())
            .putByte(order.side.ordinal()).putByte(order.type.ordinal()).putByte(order.timeInForce.ordinal())
            .putLong(order.quantity).putByte(order.quantityDigits).putLong(order.price).putByte(order.priceDigits).putBoolean(testnet);
        event.outbox.putInt(start, -1 - order.accountIndex);
        event.outbox.putInt(start + Integer.BYTES, writer.length());
        event.outboxLength = start + RECORD_HEADER_LENGTH + writer.length();
        event.outboxCount++;
    }
}
