package io.ordergate.engine.view;

import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.engine.change.ChangeSet;
import io.ordergate.engine.change.PositionChange;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.fixed.FixedPoint;

/**
 * An applied command as readable text, for people: what was asked (from the journaled frame) and what came of it
 * (the result, and the orders and positions the command changed), e.g.
 * {@code NEW_ORDER buy 0.1 EURUSD market on paper-1 -> CREATED: order 17 filled 0.1 at 1.08428; position 5 opened}.
 * The same text is {@code GET /api/v1/logs}'s message and the journal dump's line. It never shows a secret or a
 * hash: key, executor, bot, webhook and user commands are named by their ids only.
 * <b>Not thread safe</b>: one per thread; allocates (it is for logs and tools, off the order path).
 */
public final class CommandLines
{
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final NewOrderBody order = new NewOrderBody();
    private final UnsafeBuffer digitScratch = new UnsafeBuffer(new byte[32]);
    /** Ids returned lately by {@link #account}: the same account's string again, not a new one per command. */
    private final String[] recentIds = new String[8];
    private int nextRecentId;

    /** The account the command's body names (orders, account admin), or null. */
    public String account(final CommandEvent event)
    {
        switch (event.type)
        {
            case NEW_ORDER:
                return known(order.decode(reader.wrap(event.frame, CommandFrame.BODY_OFFSET)).accountId);
            case CREATE_ACCOUNT:
            case SET_RISK:
            case PAUSE_ACCOUNT:
            case RESUME_ACCOUNT:
            case CLOSE_ALL:
                return known(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
            default:
                return event.outputKind == CommandEvent.OUTPUT_ORDER ? event.order.accountId : null;
        }
    }

    /** What the command asked. */
    public void what(final CommandEvent event, final StringBuilder out)
    {
        out.append(event.type.name());
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        switch (event.type)
        {
            case NEW_ORDER:
                order.decode(reader);
                out.append(' ').append(order.side == null ? "?" : order.side.wireName()).append(' ');
                ascii(decimal(out, order.quantity).append(' '), order.symbol).append(' ')
                    .append(order.type == null ? "?" : order.type.wireName());
                if (order.has(NewOrderBody.HAS_PRICE))
                {
                    decimal(out.append(" at "), order.price);
                }
                ascii(out.append(" on "), order.accountId);
                if (!order.clientOrderId.isEmpty())
                {
                    ascii(out.append(" (client order id "), order.clientOrderId).append(')');
                }
                return;
            case CANCEL_ORDER:
                out.append(" order ").append(reader.readLong());
                return;
            case CLOSE_POSITION:
            case MODIFY_POSITION:
                out.append(" position ").append(reader.readLong());
                return;
            case QUOTES:
                out.append(' ').append(reader.readInt()).append(" quote(s)");
                return;
            case CREATE_ACCOUNT:
                ascii(out.append(' '), reader.readString(text));
                reader.readByte();
                ascii(out.append(' '), reader.readString(text)).append(' ');
                decimal(out, reader.readLong(), NewOrderBody.WIRE_DIGITS);
                return;
            case SET_RISK:
            case PAUSE_ACCOUNT:
            case RESUME_ACCOUNT:
            case CLOSE_ALL:
                ascii(out.append(' '), reader.readString(text));
                return;
            case CREATE_KEY:
            case CREATE_EXECUTOR:
            case EXECUTOR_HEARTBEAT:
            case CREATE_GROUP:
            case CREATE_BOT:
            case SET_BOT_STATUS:
            case TERMINATE_BOT:
            case WEBHOOK_SIGNAL:
            case WEBHOOK_CREATE:
            case WEBHOOK_DELETE:
                ascii(out.append(' '), reader.readString(text));  // the key, executor, group, bot or webhook id
                return;
            case START_EPOCH:
                out.append(' ').append(reader.readLong());
                return;
            default:
                // users, sessions and the rest: the command's name says enough, and their bodies hold personal data
        }
    }

    /** What came of it: the result, and what it did to orders and positions. */
    public void result(final CommandEvent event, final StringBuilder out)
    {
        final ResultCode result = event.result;
        out.append(result == null ? "FAILED" : result.name());
        if (result != null && !result.isSuccess() && event.resultMessage != null)
        {
            out.append(" (").append(event.resultMessage).append(')');
        }
        final ChangeSet changes = event.changes;
        String separator = ": ";
        if (changes.orderCount() == 0 && event.outputKind == CommandEvent.OUTPUT_ORDER)
        {
            describe(out.append(separator), event.order);
            separator = "; ";
        }
        for (int i = 0; i < changes.orderCount(); i++)
        {
            describe(out.append(separator), changes.order(i));
            separator = "; ";
        }
        for (int i = 0; i < changes.positionCount(); i++)
        {
            final PositionChange position = changes.position(i);
            if (position.opened || position.closed)
            {
                out.append(separator).append("position ").append(position.positionId).append(position.closed ? " closed" : " opened")
                    .append(" on ").append(position.accountId);
                separator = "; ";
            }
        }
    }

    /** {@code time who what -> result}: the journal dump's line. */
    public void line(final CommandEvent event, final String who, final StringBuilder out)
    {
        time(out, event.wallMicros()).append("  ").append(who).append("  ");
        what(event, out);
        out.append("  ->  ");
        result(event, out);
    }

    private void describe(final StringBuilder out, final OrderView order)
    {
        out.append("order ").append(order.orderId);
        if (order.origin != null)
        {
            out.append(" (").append(order.origin).append(')');
        }
        out.append(' ').append(order.status == null ? "?" : order.status.wireName());
        if (order.filledQuantity > 0)
        {
            decimal(out.append(' '), order.filledQuantity, order.quantityDigits);
            if (order.averagePrice != OrderView.NONE)
            {
                decimal(out.append(" at "), order.averagePrice, order.priceDigits);
            }
        }
        if (order.rejectCode != null)
        {
            out.append(' ').append(order.rejectCode.name());
        }
        out.append(" on ").append(order.accountId);
    }

    private StringBuilder decimal(final StringBuilder out, final long wire)
    {
        return decimal(out, wire, NewOrderBody.WIRE_DIGITS);
    }

    /** A fixed-point value as a plain decimal without trailing zeros, written through a scratch buffer (no string per value). */
    private StringBuilder decimal(final StringBuilder out, final long value, final int digits)
    {
        final int length = FixedPoint.putDecimalTrimmed(digitScratch, 0, value, digits);
        for (int i = 0; i < length; i++)
        {
            out.append((char)digitScratch.getByte(i));
        }
        return out;
    }

    /** A view's text, byte by byte when it is ASCII (ids and symbols are), decoded as UTF-8 otherwise. */
    private static StringBuilder ascii(final StringBuilder out, final AsciiView view)
    {
        for (int i = 0; i < view.length(); i++)
        {
            if (view.byteAt(i) < 0)
            {
                return out.append(view);  // not ASCII: the view's own decoding
            }
        }
        for (int i = 0; i < view.length(); i++)
        {
            out.append((char)view.byteAt(i));
        }
        return out;
    }

    /** The id in a view as a string, the same instance as the last few times it was seen (the account of every order). */
    private String known(final AsciiView view)
    {
        for (final String id : recentIds)
        {
            if (id != null && sameText(id, view))
            {
                return id;
            }
        }
        final String id = view.toString();
        recentIds[nextRecentId] = id;
        nextRecentId = (nextRecentId + 1) % recentIds.length;
        return id;
    }

    private static boolean sameText(final String id, final AsciiView view)
    {
        if (id.length() != view.length())
        {
            return false;
        }
        for (int i = 0; i < id.length(); i++)
        {
            if (id.charAt(i) != view.byteAt(i))
            {
                return false;  // a non-ASCII byte is negative and never equals a char
            }
        }
        return true;
    }

    /** ISO-8601 UTC with milliseconds. */
    public static StringBuilder time(final StringBuilder out, final long epochMicros)
    {
        return out.append(java.time.Instant.ofEpochMilli(Math.floorDiv(epochMicros, 1000L)));
    }
}
