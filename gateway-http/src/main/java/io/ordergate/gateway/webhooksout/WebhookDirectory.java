package io.ordergate.gateway.webhooksout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;

/**
 * The webhooks as {@code GET /api/v1/webhooks} lists them: kept by the reply stage (and replay) from the
 * registrations and deletions the engine accepted, before their answer, so a client that registers and then lists
 * sees its webhook. Each keeps the engine's answer (without the secret) and its {@link DeliveryLog}.
 * Thread safe (the reply thread writes; event loops and the fan-out read).
 */
final class WebhookDirectory implements ReplyListener, io.ordergate.gateway.core.StateBesideEngine
{
    /** One registration as listed. Immutable but for its log. */
    record Listed(String id, int owner, byte[] json, DeliveryLog log)
    {
    }

    private final int deliveriesKept;
    private final LinkedHashMap<String, Listed> byId = new LinkedHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    WebhookDirectory(final int deliveriesKept)
    {
        this.deliveriesKept = deliveriesKept;
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        apply(event);
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        apply(event);
    }

    private void apply(final CommandEvent event)
    {
        if (event.type == CommandType.WEBHOOK_CREATE && event.result == ResultCode.CREATED)
        {
            final String id = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString();
            final byte[] json = new byte[event.outputLength];
            event.output.getBytes(0, json);
            synchronized (this)
            {
                byId.put(id, new Listed(id, event.principal(), json, new DeliveryLog(deliveriesKept)));
            }
        }
        else if (event.type == CommandType.WEBHOOK_DELETE && event.result == ResultCode.OK)
        {
            final String id = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString();
            synchronized (this)
            {
                byId.remove(id);
            }
        }
    }

    /** The webhook if {@code principal} owns it (or is an admin), else null: others' are not found, not forbidden. */
    synchronized Listed visible(final String id, final int principal, final boolean admin)
    {
        final Listed listed = byId.get(id);
        return listed != null && (admin || listed.owner() == principal) ? listed : null;
    }

    /** The log of a webhook, or null once it is deleted. */
    synchronized DeliveryLog log(final String id)
    {
        final Listed listed = byId.get(id);
        return listed == null ? null : listed.log();
    }

    /** The caller's webhooks (an admin's: all), oldest first. */
    synchronized List<Listed> visibleTo(final int principal, final boolean admin)
    {
        final List<Listed> list = new ArrayList<>();
        for (final Listed listed : byId.values())
        {
            if (admin || listed.owner() == principal)
            {
                list.add(listed);
            }
        }
        return list;
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("webhooks.directory", byId);
    }
}
