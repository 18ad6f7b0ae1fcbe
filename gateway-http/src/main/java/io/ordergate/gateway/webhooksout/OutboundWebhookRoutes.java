package io.ordergate.gateway.webhooksout;

import java.util.List;

import io.ordergate.config.OutboundWebhooksConfig;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.WebhookBodies;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.SplicedField;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;

/**
 * {@code POST|GET /api/v1/webhooks}, {@code DELETE /api/v1/webhooks/{webhook_id}},
 * {@code GET /api/v1/webhooks/{webhook_id}/deliveries} (API.md, "Outbound webhooks and logs"). Registering needs a
 * trade key (or user), which sees only its own webhooks; an admin sees all. A registration's URL is resolved off the
 * event loop and refused (400 on {@code url}) if any of its addresses is not public ({@link TargetAddresses}), unless
 * {@code webhooks.allow_private_targets}. Seed 001's {@code POST /api/v1/experts/{expert_id}/webhooks} is one more row
 * to the same handler: seed 001's body ({@code url}, {@code events}; no {@code account_ids}), registered for the
 * expert's account (the engine resolves the expert, 404 if the caller may not see it), and its deliveries name the
 * expert in {@code expert_id}; it is listed and deleted like any other. Thread safe.
 */
final class OutboundWebhookRoutes implements Feature
{
    private final Accesses access;
    private final OutboundWebhooksConfig config;
    private final WebhookSecrets secrets;
    private final WebhookDirectory directory;
    private final WebhookSender sender;

    OutboundWebhookRoutes(final Accesses access, final OutboundWebhooksConfig config, final WebhookSecrets secrets, final WebhookDirectory directory,
        final WebhookSender sender)
    {
        this.access = access;
        this.config = config;
        this.secrets = secrets;
        this.directory = directory;
        this.sender = sender;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/webhooks", access.scope(Scope.TRADE), BodyKind.JSON, this::create))
            .add(Route.get("/api/v1/webhooks", access.scope(Scope.READ), this::list))
            .add(Route.delete("/api/v1/webhooks/{webhook_id}", access.scope(Scope.TRADE), this::delete))
            .add(Route.get("/api/v1/webhooks/{webhook_id}/deliveries", access.scope(Scope.READ), this::deliveries))
            .add(Route.post("/api/v1/experts/{expert_id}/webhooks", access.scope(Scope.TRADE), BodyKind.JSON, this::createForExpert));
    }

    private void create(final Exchange exchange) throws BadRequest
    {
        register(exchange, WebhookRequest.decode(exchange.json(), exchange.body(), exchange.bodyLength()), null);
    }

    private void createForExpert(final Exchange exchange) throws BadRequest
    {
        final String expertId = exchange.path().clientId("expert_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "expert not found");
        final WebhookRequest request = WebhookRequest.decode(exchange.json(), exchange.body(), exchange.bodyLength());
        if (!request.accountIds().isEmpty())
        {
            throw BadRequest.validation("account_ids", "an expert's webhook is for the expert's account: leave account_ids out");
        }
        register(exchange, request, expertId);
    }

    /**
     * Checks the URL's addresses (looked up off the event loops, within webhooks.timeout_seconds), then publishes the registration with a secret made for it.
     *
     * @param expertId the expert it is registered for (seed 001), or null
     */
    private void register(final Exchange exchange, final WebhookRequest request, final String expertId)
    {
        final int principal = exchange.caller().principal();
        final Deferred later = exchange.defer();
        sender.checkAddresses(request.url()).whenComplete((refused, failure) ->
        {
            if (failure != null)
            {
                later.internalError("the url's host could not be checked");
                return;
            }
            if (refused != null)
            {
                later.error(ResultCode.VALIDATION_ERROR, refused, "url");
                return;
            }
            final String id = secrets.newWebhookId();
            final String secret = secrets.newSecret();
            final String sealed;
            try
            {
                sealed = secrets.seal(secret, id);
            }
            catch (final RuntimeException ex)
            {
                // the master key could not be read: answered, not left waiting (the route's client would hold its connection)
                later.internalError("the webhook's secret could not be sealed");
                return;
            }
            final String url = request.url().toString();
            later.publish(CommandType.WEBHOOK_CREATE, principal, writer ->
            {
                if (expertId == null)
                {
                    WebhookBodies.create(writer, id, url, request.events(), sealed, request.accountIds());
                }
                else
                {
                    WebhookBodies.createForExpert(writer, id, url, request.events(), sealed, expertId);
                }
            }, SplicedField.of("secret", secret));
        });
    }

    private void list(final Exchange exchange)
    {
        final Caller caller = exchange.caller();
        final List<WebhookDirectory.Listed> visible = directory.visibleTo(caller.principal(), caller.allows(Scope.ADMIN));
        final JsonWriter json = exchange.answer().startObject().name("webhooks").startArray();
        for (final WebhookDirectory.Listed listed : visible)
        {
            json.raw(new org.agrona.concurrent.UnsafeBuffer(listed.json()), 0, listed.json().length);
        }
        json.endArray().endObject();
        exchange.send(200);
    }

    private void delete(final Exchange exchange) throws BadRequest
    {
        final String id = webhookId(exchange);
        exchange.publish(CommandType.WEBHOOK_DELETE, writer -> WebhookBodies.delete(writer, id), Answers.ENGINE_JSON);
    }

    private void deliveries(final Exchange exchange) throws BadRequest
    {
        final String id = webhookId(exchange);
        final Caller caller = exchange.caller();
        final WebhookDirectory.Listed listed = directory.visible(id, caller.principal(), caller.allows(Scope.ADMIN));
        if (listed == null)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "webhook not found", "webhook_id");
        }
        final JsonWriter json = exchange.answer().startObject().name("webhook_id").string(id).name("deliveries");
        listed.log().write(json);
        json.endObject();
        exchange.send(200);
    }

    private static String webhookId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("webhook_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "webhook not found");
    }
}
