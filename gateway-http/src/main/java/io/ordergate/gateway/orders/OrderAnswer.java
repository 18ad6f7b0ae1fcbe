package io.ordergate.gateway.orders;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.ApiErrors;
import io.ordergate.gateway.core.ErrorFormat;

/**
 * The answer of the order and position commands: the order the command made or changed (a 422 rejection is the error
 * and the whole rejected order: it is recorded), or the engine's JSON (a position, a list). Stateless.
 */
final class OrderAnswer
{
    static final Answer ORDER = OrderAnswer::render;

    /**
     * An order placed in seed 002's spelling: the order, and the names seed 002's client reads from it
     * ({@code broker_order_id}, {@code fill_price}, {@code timestamp}), null until the venue has said them.
     */
    static final Answer SEED_002 = OrderAnswer::renderSeed002;

    private OrderAnswer()
    {
    }

    private static int render(final CommandEvent event, final JsonWriter json)
    {
        final ResultCode result = event.result;
        if (event.type == null || result == null)
        {
            return Answers.failure(event, json, ErrorFormat.API);
        }
        if (!result.isSuccess())
        {
            if (event.outputKind == CommandEvent.OUTPUT_ORDER && (result.isOrderRejection() || result == ResultCode.CONFLICT))
            {
                // A rejection is recorded: the error and the order. A conflict names the order it conflicts with.
                json.startObject();
                ApiErrors.member(json, result.name(), message(event), event.resultField);
                OrderJson.writeFields(event.order, json);
                json.endObject();
            }
            else
            {
                ErrorFormat.API.write(json, result.name(), message(event), event.resultField);
            }
            return result.httpStatus();
        }
        if (event.outputKind == CommandEvent.OUTPUT_ORDER)
        {
            OrderJson.write(event.order, json);
            return result.httpStatus();
        }
        return Answers.ENGINE_JSON.render(event, json);
    }

    private static int renderSeed002(final CommandEvent event, final JsonWriter json)
    {
        if (event.type == null || event.result == null || !event.result.isSuccess() || event.outputKind != CommandEvent.OUTPUT_ORDER)
        {
            return render(event, json);
        }
        final OrderView order = event.order;
        json.startObject();
        OrderJson.writeFields(order, json);
        json.name("broker_order_id");
        if (order.venueOrderId == 0)
        {
            json.nullValue();
        }
        else
        {
            json.string(order.venuePrefix, order.venueOrderId);
        }
        json.name("fill_price").decimalOrNull(order.averagePrice, order.priceDigits, OrderView.NONE);
        json.name("timestamp").time(order.updatedAtMicros);
        json.endObject();
        return event.result.httpStatus();
    }

    private static String message(final CommandEvent event)
    {
        if (event.resultMessage != null)
        {
            return event.resultMessage;
        }
        if (event.outputKind == CommandEvent.OUTPUT_ORDER && event.order.rejectMessage != null)
        {
            return event.order.rejectMessage;
        }
        return event.result.defaultMessage();
    }
}
