package io.ordergate.gateway.experts;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.expert.ExpertJson;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.ApiErrors;
import io.ordergate.gateway.core.ErrorFormat;

/**
 * Seed 001's answers built from the order a command made or changed: a placed order {@code {"success", "order_id",
 * "status", "timestamp", "order"}}, an order {@code {"order_id", ..., "average_fill_price"}}, a cancel {@code {"success",
 * "order_id", "status", "timestamp"}} and a close {@code {"success", "position_id", "status", "realized_pnl",
 * "timestamp"}}. Times are the engine's (the command's). A 422 rejection is API.md's error with the recorded order's
 * {@code order_id} and {@code status}. Stateless.
 */
final class ExpertAnswers
{
    static final Answer ORDER_PLACED = (event, json) ->
    {
        final int failed = rejection(event, json);
        if (failed != 0)
        {
            return failed;
        }
        final OrderView order = event.order;
        json.startObject().name("success").bool(true).name("order_id").idString(order.orderId)
            .name("status").string(order.status.wireName()).name("timestamp").time(order.createdAtMicros).name("order");
        ExpertJson.writeOrder(order, json);
        json.endObject();
        return event.result.httpStatus();
    };

    static final Answer ORDER = (event, json) ->
    {
        final int failed = Answers.failure(event, json, ErrorFormat.API);
        if (failed != 0)
        {
            return failed;
        }
        ExpertJson.writeOrder(event.order, json);
        return 200;
    };

    static final Answer ORDER_CANCELLED = (event, json) ->
    {
        final int failed = rejection(event, json);
        if (failed != 0)
        {
            return failed;
        }
        final OrderView order = event.order;
        json.startObject().name("success").bool(true).name("order_id").idString(order.orderId)
            .name("status").string(order.status.wireName()).name("timestamp").time(order.updatedAtMicros).endObject();
        return 200;
    };

    /** A close filled at once is {@code closed} with its realized PnL; one a venue fills later is the order's status. */
    static final Answer POSITION_CLOSED = (event, json) ->
    {
        final int failed = rejection(event, json);
        if (failed != 0)
        {
            return failed;
        }
        final OrderView order = event.order;
        final boolean filled = order.status == OrderStatus.FILLED;
        json.startObject().name("success").bool(true).name("position_id").idString(order.positionId)
            .name("status").string(filled ? "closed" : order.status.wireName())
            .name("realized_pnl");
        if (filled)
        {
            json.decimal(order.realizedPnl, Money.DIGITS);
        }
        else
        {
            json.nullValue();
        }
        json.name("order_id").idString(order.orderId).name("timestamp").time(order.updatedAtMicros).endObject();
        return 200;
    };

    private ExpertAnswers()
    {
    }

    /** API.md's error; a recorded order (a 422 rejection, a conflict) adds its {@code order_id} and {@code status}. */
    private static int rejection(final CommandEvent event, final JsonWriter json)
    {
        final ResultCode result = event.result;
        if (event.type == null || result == null || result.isSuccess() || event.outputKind != CommandEvent.OUTPUT_ORDER)
        {
            return Answers.failure(event, json, ErrorFormat.API);
        }
        final OrderView order = event.order;
        final String message = event.resultMessage != null ? event.resultMessage
            : order.rejectMessage != null ? order.rejectMessage : result.defaultMessage();
        json.startObject();
        ApiErrors.member(json, result.name(), message, event.resultField);
        json.name("success").bool(false).name("order_id").idString(order.orderId).name("status").string(order.status.wireName());
        json.endObject();
        return result.httpStatus();
    }
}
