package io.ordergate.gateway.webhooksout;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;

/**
 * {@code POST /api/v1/webhooks}: {@code {"url", "events": [...], "account_ids"?: [...]}} decoded strictly (unknown
 * fields, wrong types, repeats refused with the field named). The URL's form is checked here; its addresses off the
 * event loop ({@link TargetAddresses}). Immutable once decoded.
 */
record WebhookRequest(URI url, int events, List<String> accountIds)
{
    static final int MAX_URL = 2048;
    static final int MAX_ACCOUNTS = 1000;

    static WebhookRequest decode(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
        String url = null;
        int events = -1;
        List<String> accounts = List.of();
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "url": url = in.string(name, MAX_URL); break;
                case "events": events = events(in, name); break;
                case "account_ids": accounts = accounts(in, name); break;
                default: in.unknownField(name);
            }
        }
        in.finish();
        if (url == null)
        {
            throw BadRequest.validation("url", "url is required");
        }
        if (events <= 0)
        {
            throw BadRequest.validation("events", "events must list at least one of " + WebhookEvent.NAMES);
        }
        final URI uri = uri(url);
        final String problem = TargetAddresses.checkForm(uri);
        if (problem != null)
        {
            throw BadRequest.validation("url", problem);
        }
        return new WebhookRequest(uri, events, accounts);
    }

    private static URI uri(final String text) throws BadRequest
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) <= 0x20 || text.charAt(i) >= 0x7f)
            {
                throw BadRequest.validation("url", "url must be ASCII without spaces (percent-encode the rest)");
            }
        }
        try
        {
            return new URI(text);
        }
        catch (final URISyntaxException ex)
        {
            throw BadRequest.validation("url", "url is not a valid URL");
        }
    }

    private static int events(final RequestReader in, final String name) throws BadRequest
    {
        if (!in.expectArray(name))
        {
            return 0;
        }
        int mask = 0;
        while (in.nextElement())
        {
            final String text = in.string(name, 32);
            final WebhookEvent event = text == null ? null : WebhookEvent.fromWireName(text);
            if (event == null)
            {
                in.fail(name, "events must each be one of " + WebhookEvent.NAMES);
                continue;
            }
            if (event.in(mask))
            {
                in.fail(name, "events names " + text + " twice");
            }
            mask |= event.bit();
        }
        return mask;
    }

    private static List<String> accounts(final RequestReader in, final String name) throws BadRequest
    {
        if (in.isNull() || !in.expectArray(name))
        {
            return List.of();
        }
        final Set<String> ids = new LinkedHashSet<>();
        while (in.nextElement())
        {
            final String id = in.id(name, Ids.MAX_LENGTH);
            if (id == null)
            {
                continue;
            }
            if (!ids.add(id))
            {
                in.fail(name, "account_ids names " + id + " twice");
            }
            if (ids.size() > MAX_ACCOUNTS)
            {
                in.fail(name, "account_ids holds at most " + MAX_ACCOUNTS + " accounts");
            }
        }
        return new ArrayList<>(ids);
    }
}
