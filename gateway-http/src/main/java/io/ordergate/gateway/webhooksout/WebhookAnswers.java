package io.ordergate.gateway.webhooksout;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.gateway.json.RequestReader;

/**
 * The answers of the webhook routes: a registration answers the engine's view of it plus the secret, shown this once
 * (the secret travels beside the command as its attachment, never in the journal in the clear). Stateless but for the
 * registration answer's secret.
 */
final class WebhookAnswers
{
    private WebhookAnswers()
    {
    }

    /** The {@code account_ids} the engine answered a registration with (the caller's accounts when it named none). */
    static Set<String> accountsOf(final CommandEvent event)
    {
        final byte[] json = new byte[event.outputLength];
        event.output.getBytes(0, json);
        final Set<String> accounts = new HashSet<>();
        try (JsonParser parser = RequestReader.FACTORY.createParser(json))
        {
            while (parser.nextToken() != null)
            {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "account_ids".equals(parser.currentName())
                    && parser.getParsingContext().getParent().inRoot())
                {
                    if (parser.nextToken() == JsonToken.VALUE_NULL)
                    {
                        return null;
                    }
                    while (parser.nextToken() == JsonToken.VALUE_STRING)
                    {
                        accounts.add(parser.getText());
                    }
                    return accounts;
                }
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("the engine's webhook answer is not JSON", ex);
        }
        return accounts;
    }
}
