package io.ordergate.gateway.webhooksout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.change.ChangeJson;
import io.ordergate.engine.change.ChangeSet;
import io.ordergate.engine.change.PositionChange;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.WebhookBodies;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;

/**
 * The webhook events of one journaled command, in a fixed order, each with its body rendered once:
 * <pre>
 *   order_filled / order_rejected / order_cancelled   an order of the change set that reached that status
 *   error_occurred                                    an order whose outcome became unknown (the venue did not say)
 *   position_opened / position_closed                 a position of the change set opened or closed
 *   bot_signal                                        a TradingView signal a bot executed (its answer as data)
 *   executor_offline                                  a WEBHOOK_EVENT the gateway raised when an executor fell silent
 * </pre>
 * An event's id is {@code evt_<journal index in hex>_<n>_<start epoch>}, n its place among the command's events,
 * the epoch the start its command was journaled in ({@code CommandEvent.startEpoch}; without {@code _<epoch>} for a
 * command from before start epochs): the same after any number of replays, so an event delivered before a crash and
 * again after it is the same event, byte for byte; and never the same for another command, also when a lost journal
 * tail gives its index again (the next start has another epoch).
 * <b>Not thread safe</b>: the fan-out thread (the replaying thread before it).
 */
final class EventDerivation
{
    /**
     * One event: its kind, the account it is about (null for a bot signal), the accounts it touched, its body (with
     * {@code "expert_id": null} at {@code expertAt}).
     */
    record Event(WebhookEvent kind, String eventId, String accountId, List<String> accounts, byte[] body, int expertAt, long micros)
    {
        private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

        /** The body as a webhook registered for an expert gets it: its {@code expert_id} named (ids are plain ASCII). */
        byte[] bodyFor(final String expertId)
        {
            if (expertId == null)
            {
                return body;
            }
            final byte[] quoted = ('"' + expertId + '"').getBytes(StandardCharsets.US_ASCII);
            final byte[] named = new byte[body.length - NULL.length + quoted.length];
            System.arraycopy(body, 0, named, 0, expertAt);
            System.arraycopy(quoted, 0, named, expertAt, quoted.length);
            System.arraycopy(body, expertAt + NULL.length, named, expertAt + quoted.length, body.length - expertAt - NULL.length);
            return named;
        }
    }

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(2048);
    private final JsonWriter json = new JsonWriter();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final List<Event> events = new ArrayList<>();
    private int expertAt;

    /** The events of a journaled command (empty for most). The list is reused: read it before the next call. */
    List<Event> of(final CommandEvent event)
    {
        events.clear();
        if (event.journalIndex < 0 || event.type == null || event.result == null)
        {
            return events;
        }
        final ChangeSet changes = event.changes;
        for (int i = 0; i < changes.orderCount(); i++)
        {
            order(event, changes.order(i), changes.previousStatus(i));
        }
        for (int i = 0; i < changes.positionCount(); i++)
        {
            final PositionChange position = changes.position(i);
            if (position.closed || position.opened)
            {
                final JsonWriter data = begin(event, position.closed ? WebhookEvent.POSITION_CLOSED : WebhookEvent.POSITION_OPENED,
                    position.accountId);
                ChangeJson.position(position, data);
                add(event, position.closed ? WebhookEvent.POSITION_CLOSED : WebhookEvent.POSITION_OPENED, position.accountId, null);
            }
        }
        // OK only: a DUPLICATE (a TradingView retry of a signal already run) ran nothing, and told again it would
        // reach receivers as another signal under a new event id
        if (event.type == CommandType.WEBHOOK_SIGNAL && event.result == ResultCode.OK && event.outputKind == CommandEvent.OUTPUT_JSON)
        {
            final List<String> accounts = new ArrayList<>();
            for (int i = 0; i < changes.orderCount(); i++)
            {
                accounts.add(changes.order(i).accountId);
            }
            begin(event, WebhookEvent.BOT_SIGNAL, null).raw(event.output, 0, event.outputLength);
            add(event, WebhookEvent.BOT_SIGNAL, null, accounts);
        }
        if (event.type == CommandType.WEBHOOK_EVENT && event.result == ResultCode.OK)
        {
            raised(event);
        }
        return events;
    }

    private void order(final CommandEvent event, final OrderView order, final OrderStatus before)
    {
        final WebhookEvent kind;
        if (order.status == before)
        {
            return;
        }
        switch (order.status)
        {
            case FILLED: kind = WebhookEvent.ORDER_FILLED; break;
            case REJECTED: kind = WebhookEvent.ORDER_REJECTED; break;
            case CANCELLED: kind = WebhookEvent.ORDER_CANCELLED; break;
            case UNKNOWN: kind = WebhookEvent.ERROR_OCCURRED; break;
            default: return;
        }
        final JsonWriter data = begin(event, kind, order.accountId);
        if (kind == WebhookEvent.ERROR_OCCURRED)
        {
            data.startObject().name("error").string("ORDER_UNKNOWN")
                .name("message").string("the venue did not say what became of the order: it is unknown until it is settled")
                .name("order");
            writeOrder(order, data);
            data.endObject();
        }
        else
        {
            writeOrder(order, data);
        }
        add(event, kind, order.accountId, null);
    }

    /**
     * The order object, with {@code average_fill_price} beside {@code average_price}: seed 001's webhook receivers read
     * the fill price by that name (its "Webhook Payload Example"), and its expert webhooks are registered here.
     */
    private static void writeOrder(final OrderView order, final JsonWriter data)
    {
        data.startObject();
        OrderJson.writeFields(order, data);
        data.name("average_fill_price").decimalOrNull(order.averagePrice, order.priceDigits, OrderView.NONE);
        data.endObject();
    }

    private void raised(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int kind = reader.readByte();
        final String accountId = reader.readString(text).toString();
        final String subject = reader.readString(text).toString();
        final long subjectMicros = reader.readLong();
        if (kind == WebhookBodies.EVENT_EXECUTOR_OFFLINE)
        {
            begin(event, WebhookEvent.EXECUTOR_OFFLINE, accountId).startObject().name("executor_id").string(subject)
                .name("account_id").string(accountId).name("last_heartbeat_at").time(subjectMicros).endObject();
            add(event, WebhookEvent.EXECUTOR_OFFLINE, accountId, null);
        }
    }

    /** Starts the envelope and returns the writer at the data value. */
    private JsonWriter begin(final CommandEvent event, final WebhookEvent kind, final String accountId)
    {
        json.wrap(buffer, 0).startObject();
        json.name("event").string(kind.wireName());
        json.name("event_id").string(eventId(event, events.size()));
        json.name("account_id").string(accountId);
        json.name("expert_id");
        expertAt = json.length();
        json.nullValue();  // a webhook registered for an expert gets its id here (Event.bodyFor)
        json.name("timestamp").time(event.wallMicros());
        return json.name("data");
    }

    private void add(final CommandEvent event, final WebhookEvent kind, final String accountId, final List<String> accounts)
    {
        json.endObject();
        final byte[] body = new byte[json.length()];
        buffer.getBytes(0, body);
        events.add(new Event(kind, eventId(event, events.size()), accountId, accounts, body, expertAt, event.wallMicros()));
    }

    private static String eventId(final CommandEvent event, final int n)
    {
        final String id = "evt_" + Long.toHexString(event.journalIndex) + "_" + n;
        return event.startEpoch == 0 ? id : id + "_" + event.startEpoch;
    }
}
