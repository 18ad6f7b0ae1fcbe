package io.ordergate.benchmarks.loadgen;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * The few executor messages the simulated executors read and write (docs/executors.md), without a JSON library and
 * without allocating per message: a command frame is scanned in place for its {@code id}, {@code command},
 * {@code parameters.orderId} and {@code parameters.lots}, and the {@code command_result} is written straight into
 * the outgoing buffer, copying the id and lots bytes from the frame.
 *
 * <p>The gateway writes command frames itself (seed 000's pending command object, no whitespace):
 * {@code {"id":"ord_42","command":"OPEN_POSITION","parameters":{"symbol":"EURUSD","type":"BUY","lots":0.01,
 * "sl":0,"tp":0,"orderId":"42","magicNumber":...},"priority":"HIGH","createdAt":"..."}}. Anything not starting with
 * {@code {"id":"} is not a command (answers to our own messages start with {@code {"success"}, errors with
 * {@code {"type":"error"}}). Stateless apart from the flyweight {@link Command}: each socket has its own.
 */
final class ExecutorMessages
{
    private static final byte[] COMMAND_START = ascii("{\"id\":\"");
    private static final byte[] COMMAND_KEY = ascii("\"command\":\"");
    private static final byte[] ORDER_ID_KEY = ascii("\"orderId\":");
    private static final byte[] LOTS_KEY = ascii("\"lots\":");
    private static final byte[] ERROR_START = ascii("{\"type\":\"error\"");
    private static final byte[] OPEN_POSITION = ascii("OPEN_POSITION");

    private static final byte[] RESULT_1 = ascii("{\"type\":\"command_result\",\"commandId\":\"");
    private static final byte[] RESULT_2 = ascii("\",\"status\":\"executed\",\"result\":{\"success\":true,\"message\":\"executed by the ordergate load generator\",\"details\":{");
    private static final byte[] TICKET = ascii("\"ticket\":");
    private static final byte[] PRICE = ascii(",\"price\":");
    private static final byte[] LOTS = ascii(",\"lots\":");
    private static final byte[] RESULT_END = ascii("}}}");

    private static final byte[] CLOSE_1 = ascii("{\"type\":\"trade\",\"executorId\":\"");
    private static final byte[] CLOSE_2 = ascii("\",\"ticket\":");
    private static final byte[] CLOSE_3 = ascii(",\"closePrice\":");
    private static final byte[] CLOSE_END = ascii(",\"commission\":0,\"swap\":0,\"profit\":0}");

    /** Sent on connect and every {@code HEARTBEAT_SECONDS}: makes the executor online. */
    static final String HEARTBEAT = "{\"type\":\"heartbeat\",\"status\":\"online\",\"metadata\":{\"terminal\":\"ordergate-loadgen simulated executor\"}}";
    static final int HEARTBEAT_SECONDS = 20;

    private ExecutorMessages()
    {
    }

    /** Where the parts of one command frame are, as reader offsets into its buffer. Reused per socket. */
    static final class Command
    {
        int idStart;
        int idEnd;
        boolean openPosition;
        /** The order id of an order command, or 0 for a command without one. */
        long orderId;
        /** The lots value as sent (a JSON number or string), or -1 when absent. */
        int lotsStart = -1;
        int lotsEnd = -1;
    }

    /** True for {@code {"type":"error",...}}: the gateway refused one of our messages (rate limit, validation). */
    static boolean isError(final ByteBuf frame)
    {
        return startsWith(frame, frame.readerIndex(), ERROR_START);
    }

    /**
     * Reads a command frame into {@code into}.
     *
     * @return false when the frame is not a command (an answer to a heartbeat or result, an error)
     */
    static boolean parseCommand(final ByteBuf frame, final Command into)
    {
        final int start = frame.readerIndex();
        final int end = frame.writerIndex();
        if (!startsWith(frame, start, COMMAND_START))
        {
            return false;
        }
        into.idStart = start + COMMAND_START.length;
        into.idEnd = frame.indexOf(into.idStart, end, (byte)'"');
        if (into.idEnd < 0)
        {
            return false;
        }
        final int command = find(frame, into.idEnd, end, COMMAND_KEY);
        into.openPosition = command >= 0 && startsWith(frame, command, OPEN_POSITION) && frame.getByte(command + OPEN_POSITION.length) == '"';
        into.orderId = 0;
        into.lotsStart = -1;
        into.lotsEnd = -1;
        final int orderId = find(frame, into.idEnd, end, ORDER_ID_KEY);
        if (orderId >= 0)
        {
            into.orderId = digits(frame, orderId, end);
        }
        final int lots = find(frame, into.idEnd, end, LOTS_KEY);
        if (lots >= 0)
        {
            int e = lots;
            while (e < end && frame.getByte(e) != ',' && frame.getByte(e) != '}')
            {
                e++;
            }
            into.lotsStart = lots;
            into.lotsEnd = e;
        }
        return true;
    }

    /**
     * Writes {@code {"type":"command_result","commandId":ID,"status":"executed","result":{"success":true,"message":...,
     * "details":{"ticket":T,"price":P,"lots":L}}}}: L is the command's lots as sent (0.01 when it had none).
     */
    static void writeResult(final ByteBuf out, final ByteBuf frame, final Command command, final long ticket, final byte[] price)
    {
        out.writeBytes(RESULT_1);
        out.writeBytes(frame, command.idStart, command.idEnd - command.idStart);
        out.writeBytes(RESULT_2);
        out.writeBytes(TICKET);
        writeLong(out, ticket);
        out.writeBytes(PRICE);
        out.writeBytes(price);
        out.writeBytes(LOTS);
        if (command.lotsStart >= 0)
        {
            out.writeBytes(frame, command.lotsStart, command.lotsEnd - command.lotsStart);
        }
        else
        {
            out.writeByte('0').writeByte('.').writeByte('0').writeByte('1');
        }
        out.writeBytes(RESULT_END);
    }

    /**
     * Writes the trade report that closes ticket {@code ticket} at {@code price}, profit 0:
     * {@code {"type":"trade","executorId":ID,"ticket":T,"closePrice":P,"commission":0,"swap":0,"profit":0}}.
     */
    static void writeClose(final ByteBuf out, final byte[] executorId, final long ticket, final byte[] price)
    {
        out.writeBytes(CLOSE_1);
        out.writeBytes(executorId);
        out.writeBytes(CLOSE_2);
        writeLong(out, ticket);
        out.writeBytes(CLOSE_3);
        out.writeBytes(price);
        out.writeBytes(CLOSE_END);
    }

    /**
     * The order id in an order's HTTP answer ({@code "order_id":"42"} or {@code "order_id": 42}), or 0 when the body
     * has none.
     */
    static long orderIdOfAnswer(final ByteBuf body)
    {
        final int at = find(body, body.readerIndex(), body.writerIndex(), ORDER_ID_ANSWER_KEY);
        return at < 0 ? 0 : digits(body, at, body.writerIndex());
    }

    private static final byte[] ORDER_ID_ANSWER_KEY = ascii("\"order_id\"");

    /** The first run of decimal digits at or after {@code from} (skipping spaces, colon and a quote), or 0. */
    private static long digits(final ByteBuf buf, final int from, final int end)
    {
        int i = from;
        while (i < end && (buf.getByte(i) == ' ' || buf.getByte(i) == ':' || buf.getByte(i) == '"'))
        {
            i++;
        }
        long value = 0;
        int count = 0;
        while (i < end && count < 18)
        {
            final byte b = buf.getByte(i);
            if (b < '0' || b > '9')
            {
                break;
            }
            value = value * 10 + (b - '0');
            count++;
            i++;
        }
        return value;
    }

    /** The index just after the first occurrence of {@code key} in [from, end), or -1. */
    static int find(final ByteBuf buf, final int from, final int end, final byte[] key)
    {
        final int last = end - key.length;
        for (int i = from; i <= last; i++)
        {
            if (buf.getByte(i) == key[0] && startsWith(buf, i, key))
            {
                return i + key.length;
            }
        }
        return -1;
    }

    private static boolean startsWith(final ByteBuf buf, final int at, final byte[] prefix)
    {
        if (at + prefix.length > buf.writerIndex())
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (buf.getByte(at + i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private static void writeLong(final ByteBuf out, final long value)
    {
        if (value == 0)
        {
            out.writeByte('0');
            return;
        }
        long v = value;
        if (v < 0)
        {
            out.writeByte('-');
            v = -v;
        }
        long divisor = 1;
        while (v / divisor >= 10)
        {
            divisor *= 10;
        }
        while (divisor > 0)
        {
            out.writeByte((int)('0' + v / divisor % 10));
            divisor /= 10;
        }
    }

    static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
