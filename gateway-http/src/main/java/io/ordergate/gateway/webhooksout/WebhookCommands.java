package io.ordergate.gateway.webhooksout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ordergate.engine.CommandHandler;
import io.ordergate.engine.Engine;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.WebhookBodies;
import io.ordergate.engine.expert.ExpertRoom;
import io.ordergate.engine.view.JsonWriter;

/**
 * The engine's side of outbound webhooks, plugged in with {@link Engine#handle} before replay: it decides, in journal
 * order, what only the engine can decide. A registration names accounts the caller may see (else 404, as for any
 * account it may not see; a caller naming none gets every account it may see now, an admin every account now and
 * later); a registration for an expert (seed 001) is for the expert's account, if the caller may see it (else 404 on
 * {@code expert_id}); a deletion is by the webhook's owner or an admin (else 404). Outcomes of deliveries and raised events come
 * from the gateway itself (the system principal) and only need journaling. The gateway's registry and the
 * deliveries are rebuilt from the same commands and these results.
 * <b>Not thread safe</b>: the engine thread (the replaying thread before the pipeline starts).
 */
public final class WebhookCommands implements CommandHandler
{
    /** A registration as the engine keeps it: who owns it and whether it is gone. */
    private static final class Registration
    {
        final int owner;
        boolean deleted;

        Registration(final int owner)
        {
            this.owner = owner;
        }
    }

    private final EngineContext context;
    private final ExpertRoom experts;
    private final int maxWebhooks;
    private final Map<String, Registration> registrations = new HashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private int live;

    private WebhookCommands(final EngineContext context, final ExpertRoom experts, final int maxWebhooks)
    {
        this.context = context;
        this.experts = experts;
        this.maxWebhooks = maxWebhooks;
    }

    /** Plugs the handler into the engine for the four webhook commands; before replay. */
    public static void install(final Engine engine, final int maxWebhooks)
    {
        final WebhookCommands commands = new WebhookCommands(engine.context(), engine.experts(), maxWebhooks);
        for (final CommandType type : new CommandType[] {CommandType.WEBHOOK_CREATE, CommandType.WEBHOOK_DELETE,
            CommandType.WEBHOOK_OUTCOME, CommandType.WEBHOOK_EVENT})
        {
            engine.handle(type, commands);
        }
    }

    @Override
    public void apply(final CommandEvent event)
    {
        switch (event.type)
        {
            case WEBHOOK_CREATE: create(event); break;
            case WEBHOOK_DELETE: delete(event); break;
            default:
                if (event.principal() == CommandFrame.PRINCIPAL_SYSTEM)
                {
                    event.result = ResultCode.OK;  // the gateway's own record: journaled so replay knows it
                }
                else
                {
                    event.reject(ResultCode.FORBIDDEN, "only the gateway records deliveries and events", null);
                }
        }
    }

    private void create(final CommandEvent event)
    {
        final Principals principals = context.principals();
        if (!principals.requireTrade(event))
        {
            return;
        }
        final int principal = event.principal();
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String webhookId = reader.readString(text).toString();
        final String url = reader.readString(text).toString();
        final int events = reader.readInt();
        reader.readString(text);  // the sealed secret: the gateway's business
        final int count = reader.readInt();
        final List<Account> named = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final Account account = context.accounts().find(reader.readString(text));
            if (account == null || !principals.canAccess(principal, account.index))
            {
                event.reject(ResultCode.NOT_FOUND, "account not found", "account_ids");
                return;
            }
            named.add(account);
        }
        String expertId = null;
        if (WebhookBodies.hasExpert(event.frame, reader.position()))
        {
            final AsciiView expert = reader.readString(text);
            final Account account = experts.accountOf(event, expert);
            if (account == null)
            {
                return;  // rejected: not found, as any expert the caller may not see
            }
            expertId = expert.toString();
            named.add(account);
        }
        if (registrations.containsKey(webhookId))
        {
            event.reject(ResultCode.CONFLICT, "a webhook with this id exists", "webhook_id");
            return;
        }
        if (live >= maxWebhooks)
        {
            event.reject(ResultCode.CONFLICT, "too many webhooks (webhooks.max_webhooks)", null);
            return;
        }
        final boolean everyAccount = named.isEmpty() && principals.isAdmin(principal);
        if (named.isEmpty() && !everyAccount)
        {
            for (int i = 0; i < context.accounts().count(); i++)
            {
                if (principals.canAccess(principal, i))
                {
                    named.add(context.accounts().get(i));
                }
            }
        }
        registrations.put(webhookId, new Registration(principal));
        live++;
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("webhook_id").string(webhookId).name("url").string(url).name("events").startArray();
        for (final WebhookEvent kind : WebhookEvent.values())
        {
            if (kind.in(events))
            {
                json.string(kind.wireName());
            }
        }
        json.endArray().name("account_ids");
        if (everyAccount)
        {
            json.nullValue();
        }
        else
        {
            json.startArray();
            for (final Account account : named)
            {
                json.string(account.id);
            }
            json.endArray();
        }
        if (expertId != null)
        {
            json.name("expert_id").string(expertId);
        }
        json.name("created_at").time(event.wallMicros());
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    private void delete(final CommandEvent event)
    {
        final String webhookId = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString();
        final Registration registration = registrations.get(webhookId);
        final int principal = event.principal();
        if (registration == null || registration.deleted
            || registration.owner != principal && !context.principals().isAdmin(principal))
        {
            event.reject(ResultCode.NOT_FOUND, "webhook not found", "webhook_id");
            return;
        }
        registration.deleted = true;
        live--;
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("webhook_id").string(webhookId).name("deleted").bool(true).endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }
}
