package io.ordergate.mt5;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.view.JsonWriter;

/**
 * Makes executor commands, queues them per executor by priority, and writes each one the moment it exists into
 * the event's outbox for the reply stage to push on the executor's WebSocket. Settling a command takes it off its
 * queue. <b>Not thread safe</b>: owned by the engine thread; allocates nothing once the slots are warm.
 *
 * <p>Outbox record layout (little-endian), one per pushed command:
 * <pre>
 *   | executor index (int, {@link #SEALED_FLAG} set when the JSON holds a sealed password) | length (int) | the JSON |
 * </pre>
 * A command carrying a password (seed 004) names it only as a marker, {@code "investorPassword":"og-sealed:<context>|<sealed>"}:
 * the gateway opens it on its way to the executor, and the admin view shows {@code "[sealed]"}.
 */
public final class CommandQueue
{
    public static final int RECORD_HEADER_LENGTH = 2 * Integer.BYTES;
    /** Set in a record's executor index when its JSON holds a sealed-password marker (exchange records are negative). */
    public static final int SEALED_FLAG = 1 << 30;
    /** The marker's prefix, inside a JSON string. */
    public static final String SEALED_MARKER = "og-sealed:";
    /** Large enough for any parameters object the engine renders itself (OPEN_POSITION is the longest); grows if not. */
    private static final int ENGINE_PARAMETERS_CAPACITY = 512;

    private static final DirectBuffer EMPTY_OBJECT = new UnsafeBuffer("{}".getBytes(StandardCharsets.US_ASCII));

    private final ExecutorCommands commands;
    /** Where an id's start epoch comes from: the order's, or the one commands are made in now. */
    private final Orders orders;
    private final JsonWriter outboxJson = new JsonWriter();
    private final JsonWriter parametersJson = new JsonWriter();
    /** Where the engine renders a command's parameters before they are kept in the command's slot. */
    private final ExpandableArrayBuffer renderedParameters = new ExpandableArrayBuffer(ENGINE_PARAMETERS_CAPACITY);

    CommandQueue(final ExecutorCommands commands, final Orders orders)
    {
        this.commands = commands;
        this.orders = orders;
    }

    public ExecutorCommands commands()
    {
        return commands;
    }

    /** Starts a command; the caller checked {@link ExecutorCommands#canAllocate}, fills the parameters, then {@link #enqueue}s it. */
    ExecutorCommand start(
        final Executor executor, final ExecutorCommandType type, final CommandPriority priority, final long orderId, final long nowMicros)
    {
        final ExecutorCommand command = commands.allocate();
        command.executorIndex = executor.index;
        command.type = type;
        command.priority = priority;
        command.createdAtMicros = nowMicros;
        if (orderId != 0)
        {
            command.orderId = orderId;
            command.idPrefix = ExecutorCommand.ORDER_PREFIX;
            command.idNumber = orderId;
            final Order order = orders.get(orderId);
            command.idEpoch = order != null ? order.startEpoch : orders.startEpoch();
            commands.indexOrder(command);
        }
        else
        {
            command.idPrefix = prefix(type);
            command.idNumber = command.seq;
            command.idEpoch = orders.startEpoch();
        }
        return command;
    }

    /** A writer over the command's parameters buffer, for the engine's own commands; finish with {@link #endParameters}. */
    JsonWriter beginParameters(final ExecutorCommand command)
    {
        return parametersJson.wrap(renderedParameters, 0);
    }

    void endParameters(final ExecutorCommand command)
    {
        commands.parameters(command, renderedParameters, 0, parametersJson.length());
    }

    /** Copies an admin's raw parameters object. */
    void parameters(final ExecutorCommand command, final DirectBuffer source, final int offset, final int length)
    {
        commands.parameters(command, source, offset, length);
    }

    /**
     * Queues the command and pushes it: it goes out on the socket now, and in heartbeat answers until settled (each lists
     * the first {@link SyncPages#PAGE} pending: {@link #writePending}).
     */
    void enqueue(final Executor executor, final ExecutorCommand command, final CommandEvent event)
    {
        commands.addPending(executor, command);
        push(event, command);
    }

    /** Takes a settled command off its executor's queue. */
    void settle(final Executor executor, final ExecutorCommand command, final CommandStatus status, final long nowMicros)
    {
        commands.removePending(executor, command);
        commands.settle(command, status);
        command.executedAtMicros = nowMicros;
    }

    private static String prefix(final ExecutorCommandType type)
    {
        if (type == ExecutorCommandType.MODIFY_POSITION)
        {
            return ExecutorCommand.MODIFY_PREFIX;
        }
        if (type == ExecutorCommandType.SYNC_HISTORY)
        {
            return ExecutorCommand.SYNC_PREFIX;
        }
        return type.isInvestor() ? ExecutorCommand.INVESTOR_PREFIX : ExecutorCommand.CONTROL_PREFIX;
    }

    /**
     * Writes the first {@link SyncPages#PAGE} pending commands as a JSON array value into a writer in progress, by
     * priority then arrival: a heartbeat answer stays small and costs the engine a bounded time whatever the backlog;
     * the next ones come in later answers as these are settled ({@code pending_command_count} tells how many wait).
     *
     * @param forExecutor true for the executor itself (sealed passwords as markers), false for an admin's view
     */
    void writePending(final Executor executor, final JsonWriter json, final boolean forExecutor)
    {
        json.startArray();
        int written = 0;
        for (final CommandPriority priority : PRIORITIES)
        {
            for (ExecutorCommand c = commands.firstPending(executor, priority); c != null && written < SyncPages.PAGE; c = commands.nextPending(c))
            {
                writeCommand(c, json, forExecutor);
                written++;
            }
        }
        json.endArray();
    }

    /** The object seed 000's {@code pendingCommands} carries: id, command, parameters, priority, createdAt. */
    static void writeCommand(final ExecutorCommand command, final JsonWriter json, final boolean forExecutor)
    {
        json.startObject();
        json.name("id").string(command.idPrefix, command.idNumber, command.idEpoch);
        json.name("command").string(command.type.name());
        json.name("parameters");
        if (command.parametersLength == 0)
        {
            json.raw(EMPTY_OBJECT, 0, EMPTY_OBJECT.capacity());
        }
        else if (command.sealed == null)
        {
            json.raw(command.parameters, command.parametersOffset, command.parametersLength);
        }
        else
        {
            // the engine's own parameters object, with the password member added as it goes out
            json.startObject().members(command.parameters, command.parametersOffset + 1, command.parametersLength - 2);
            json.name("investorPassword").string(forExecutor ? command.sealed : "[sealed]");
            json.endObject();
        }
        json.name("priority").string(command.priority.name());
        json.name("createdAt").time(command.createdAtMicros);
        json.endObject();
    }

    /** Writes one command into the event's outbox, for the reply stage to push on its executor's socket. */
    void push(final CommandEvent event, final ExecutorCommand command)
    {
        final int start = event.outboxLength;
        outboxJson.wrap(event.outbox, start + RECORD_HEADER_LENGTH);
        writeCommand(command, outboxJson, true);
        final int length = outboxJson.length();
        event.outbox.putInt(start, command.sealed == null ? command.executorIndex : command.executorIndex | SEALED_FLAG);
        event.outbox.putInt(start + Integer.BYTES, length);
        event.outboxLength = start + RECORD_HEADER_LENGTH + length;
        event.outboxCount++;
    }

    private static final CommandPriority[] PRIORITIES = CommandPriority.values();
}
