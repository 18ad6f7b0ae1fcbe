package io.ordergate.gateway.http;

import java.util.logging.Logger;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.ResultHandler;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;
import io.ordergate.gateway.ReplyTarget;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.json.AdminRequests;
import io.ordergate.gateway.metrics.ReplyStageMetrics;
import io.ordergate.gateway.webhook.TradingViewWebhook;

/**
 * Stage 3 of the pipeline: keeps the API key registry in step with the journal and answers whoever waits for each
 * command: an {@link HttpConnection}, a {@link ReplyTarget} (start-up), or nobody (the quote feed).
 * <b>Not thread safe</b>: owned by the reply thread (and by the replaying thread before the pipeline starts).
 */
public final class HttpReplies implements ResultHandler
{
    private static final Logger LOG = Logger.getLogger(HttpReplies.class.getName());

    private final ApiKeyRegistry keys;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    private final JsonWriter json = new JsonWriter();
    private final ReplyStageMetrics metrics;
    private ReplyExtension extension;

    public HttpReplies(final ApiKeyRegistry keys)
    {
        this(keys, null);
    }

    /** @param metrics where the reply stage records stage latencies and order results, or null for none */
    public HttpReplies(final ApiKeyRegistry keys, final ReplyStageMetrics metrics)
    {
        this.keys = keys;
        this.metrics = metrics;
    }

    /** Plugs in a feature package's part of the reply stage; before replay. */
    public void extension(final ReplyExtension extension)
    {
        this.extension = extension;
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        if (extension != null)
        {
            extension.onReplayed(event);
        }
        if (event.type == CommandType.CREATE_KEY && event.result != null && event.result.isSuccess())
        {
            keys.register(event);
        }
    }

    @Override
    public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.type == CommandType.CREATE_KEY && event.result != null && event.result.isSuccess())
        {
            keys.register(event);  // before the answer, so the new key works the moment its creator hears of it
        }
        if (metrics != null)
        {
            metrics.onResult(event);
        }
        if (extension != null)
        {
            extension.onResult(event);
        }
        final Object target = event.replyTo;
        if (target instanceof HttpConnection && ((HttpConnection)target).treeRoutes().webhook().takeReply(event))
        {
            return;  // a webhook's credential read: the connection goes on from its event loop
        }
        if (target instanceof HttpConnection)
        {
            final HttpConnection connection = (HttpConnection)target;
            if (extension != null && connection.exchange() != null)
            {
                extension.answer(event, connection);
            }
            else
            {
                answer(event, connection);
            }
            if (metrics != null)
            {
                metrics.answered(event, System.nanoTime());  // the answer is handed to Netty: engine_to_answer_written
            }
        }
        else if (target instanceof ReplyTarget)
        {
            ((ReplyTarget)target).onReply(event);
        }
    }

    private void answer(final CommandEvent event, final HttpConnection connection)
    {
        final ResultCode result = event.result;
        json.wrap(buffer, 0);
        final int status;
        if (event.type == null || result == null)
        {
            status = 500;
            ErrorJson.write(json, ErrorJson.INTERNAL_ERROR, event.resultMessage != null ? event.resultMessage : "the command was not applied", null);
            if (result == null)
            {
                LOG.warning(() -> "a " + event.type + " command came back without a result");
            }
        }
        else if (event.outputKind == CommandEvent.OUTPUT_ORDER && result.isOrderRejection())
        {
            status = result.httpStatus();
            json.startObject();
            ErrorJson.member(json, result.name(), message(event), null);
            OrderJson.writeFields(event.order, json);
            json.endObject();
        }
        else if (!result.isSuccess() && event.source() == io.ordergate.engine.command.CommandFrame.SOURCE_WEBHOOK)
        {
            status = result.httpStatus();
            TradingViewWebhook.error(json, result.name(), message(event), event.resultField);
        }
        else if (!result.isSuccess())
        {
            status = result.httpStatus();
            ErrorJson.write(json, result.name(), message(event), event.resultField);
        }
        else if (event.type == CommandType.CREATE_BOT && event.outputKind == CommandEvent.OUTPUT_JSON)
        {
            connection.treeRoutes().bots().replyCreatedBot(connection, event);
            return;
        }
        else if (event.outputKind == CommandEvent.OUTPUT_ORDER)
        {
            status = result.httpStatus();
            OrderJson.write(event.order, json);
        }
        else if (event.outputKind == CommandEvent.OUTPUT_JSON)
        {
            connection.reply(result.httpStatus(), event.output, event.outputLength, false);
            return;
        }
        else if (event.type == CommandType.CREATE_KEY && connection.createdKey() != null)
        {
            status = 201;
            final AdminRequests.CreateKey key = connection.createdKey();
            json.startObject()
                .name("api_key").string(key.apiKey())
                .name("api_secret").string(key.apiSecret())
                .name("scope").string(key.scope().wireName())
                .name("account_ids").startArray();
            for (final String accountId : key.accountIds())
            {
                json.string(accountId);
            }
            json.endArray().endObject();
        }
        else if (event.type == CommandType.QUOTES)
        {
            status = 202;
            json.startObject().name("accepted").number(connection.acceptedQuotes()).endObject();
        }
        else
        {
            status = result.httpStatus();
            json.startObject().name("status").string("ok").endObject();
        }
        connection.reply(status, buffer, json.length(), result == ResultCode.OVERLOADED);
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
