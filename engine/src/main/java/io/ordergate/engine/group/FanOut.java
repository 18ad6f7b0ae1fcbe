package io.ordergate.engine.group;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.order.Order;

/**
 * One group order or webhook signal: who sent it, its idempotency keys and the range of its children in
 * {@link FanOuts}. A preallocated slot. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class FanOut
{
    public static final int KIND_GROUP_ORDER = 1;
    public static final int KIND_SIGNAL = 2;
    public static final int KIND_TERMINATE = 3;

    public long id;
    public int kind;
    /** The group's id (group orders and signals to a group bot), or null. */
    public String groupId;
    /** The bot's id for signals, or null. */
    public String botId;
    public int action;
    final byte[] key = new byte[OrderView.MAX_CLIENT_ORDER_ID_LENGTH];
    int keyLength;
    long keyHash;
    public long bodyHash;
    /** Its group (a group order) or bot (a signal) was deleted: its key and body name nothing a namesake made later sends. */
    boolean ownerRetired;
    public long createdAtMicros;
    long firstChild;
    public int childCount;
    public int successCount;
    public int errorCount;

    void reset(final long id)
    {
        this.id = id;
        kind = 0;
        groupId = null;
        botId = null;
        action = 0;
        keyLength = 0;
        keyHash = 0;
        bodyHash = 0;
        ownerRetired = false;
        createdAtMicros = 0;
        firstChild = 0;
        childCount = 0;
        successCount = 0;
        errorCount = 0;
    }

    /**
     * Records what one child did and counts it: the order it made ({@code order} non-null), else the code that
     * refused it before an order existed.
     */
    void record(final FanOutChild child, final Order order, final ResultCode code)
    {
        if (order != null)
        {
            child.orderId = order.orderId;
            child.status = order.status;
            child.rejectCode = order.rejectCode;
            child.symbol = order.symbol;
            child.quantityDigits = order.quantityDigits;
            child.priceDigits = order.priceDigits;
        }
        else
        {
            child.status = OrderStatus.REJECTED;
            child.rejectCode = code;
        }
        if (child.status == OrderStatus.REJECTED)
        {
            errorCount++;
        }
        else
        {
            successCount++;
        }
    }

    /** The client order id (group orders) or alert id (signals), copied in; ids longer than the slot are cut. */
    public void key(final AsciiView text)
    {
        keyLength = Math.min(text.length(), key.length);
        for (int i = 0; i < keyLength; i++)
        {
            key[i] = text.byteAt(i);
        }
        keyHash = hash(key, keyLength);
    }

    /** Whether its group or bot was deleted since (see {@link FanOuts#retireOwner}). */
    public boolean ownerRetired()
    {
        return ownerRetired;
    }

    public boolean hasKey()
    {
        return keyLength > 0;
    }

    public byte[] keyBytes()
    {
        return key;
    }

    public int keyLength()
    {
        return keyLength;
    }

    boolean keyEquals(final AsciiView text, final long hash)
    {
        if (keyHash != hash || keyLength != Math.min(text.length(), key.length))
        {
            return false;
        }
        for (int i = 0; i < keyLength; i++)
        {
            if (key[i] != text.byteAt(i))
            {
                return false;
            }
        }
        return true;
    }

    static long hash(final byte[] bytes, final int length)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++)
        {
            hash ^= bytes[i] & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    static long hash(final AsciiView text)
    {
        long hash = 0xcbf29ce484222325L;
        final int length = Math.min(text.length(), OrderView.MAX_CLIENT_ORDER_ID_LENGTH);
        for (int i = 0; i < length; i++)
        {
            hash ^= text.byteAt(i) & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
