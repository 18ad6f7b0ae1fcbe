package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.netty.handler.codec.http.HttpMethod;

import io.ordergate.gateway.RouteCallers.Caller;
import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.gateway.core.Route;

/**
 * Another caller's account is indistinguishable from one that does not exist, on every route of the table: a key or a
 * signed-in user (read and trade keys, a viewer and a trader) bound to paper-1 naming paper-2 (which exists) in the
 * path, the query or the body gets the very answer it gets for an account that was never made (status, error code and
 * message, the id aside). Otherwise a caller could map which accounts a gateway holds. Driven by the table, so a route
 * added later is held to it.
 */
class EveryRouteOwnershipTest
{
    private static final String OTHERS = "paper-2";
    private static final String MISSING = "paper-9";
    /** One at a time: a route refuses a query parameter it does not know, which would hide the one it reads. */
    private static final List<String> QUERIES = List.of("", "?account_id=ACCOUNT", "?accountId=ACCOUNT");

    @TempDir
    Path dataDir;

    @Test
    void anotherCallersAccountAnswersAsAMissingOne()
    {
        final List<Route> routes = RouteCallers.routes(dataDir);
        final List<String> failures = new ArrayList<>();
        int compared = 0;
        try (TestGateway gateway = TestGateway.start(dataDir, RouteCallers.CONFIG))
        {
            final List<Caller> callers = RouteCallers.of(gateway).all();
            for (final Route route : routes)
            {
                if (route.access().isAnonymous() || RouteCallers.ENDS_THE_SESSION.equals(route.operation()))
                {
                    continue;
                }
                for (final Caller caller : callers)
                {
                    for (final String query : QUERIES)
                    {
                        final Reply others = call(caller, route, query, OTHERS);
                        final Reply missing = call(caller, route, query, MISSING);
                        compared++;
                        if (others.status() == 429 || missing.status() == 429)
                        {
                            failures.add(route.operation() + query + " was rate limited, which hides its answer: " + others);
                        }
                        else if (!answer(others, OTHERS).equals(answer(missing, MISSING)))
                        {
                            failures.add(route.operation() + query + " tells " + OTHERS + " (" + others + ") from a missing account (" + missing + ")");
                        }
                    }
                }
            }
        }
        assertTrue(compared > 600, "compared " + compared);
        assertTrue(failures.isEmpty(), failures.size() + " answers tell another caller's account from a missing one: " + failures);
    }

    /** The route with {@code account} for every account-like path parameter, in the query given, and in a JSON body. */
    private static Reply call(final Caller caller, final Route route, final String query, final String account)
    {
        final StringBuilder path = new StringBuilder();
        for (final String segment : route.template().substring(1).split("/", -1))
        {
            final boolean parameter = segment.startsWith("{");
            path.append('/').append(!parameter ? segment : segment.toLowerCase(Locale.ROOT).contains("account") ? account : "x1");
        }
        final boolean bodyless = HttpMethod.GET.equals(route.method()) || HttpMethod.DELETE.equals(route.method());
        final String body = bodyless ? null : "{\"account_id\":\"" + account + "\",\"account_ids\":[\"" + account + "\"]}";
        return caller.call(route.method().name(), path + query.replace("ACCOUNT", account), body);
    }

    /** What a caller learns from an answer: status, error code and message, with the account named replaced. */
    private static String answer(final Reply reply, final String account)
    {
        String text = reply.body();
        try
        {
            final JsonNode json = TestGateway.JSON.readTree(text);
            final JsonNode error = json.path("error");
            text = error.isObject() ? error.path("code").asText() + " " + error.path("message").asText() : json.path("code").asText()
                + " " + error.asText();
        }
        catch (final Exception notJson)
        {
            // compared as text
        }
        return reply.status() + " " + text.replace(account, "ACCOUNT");
    }
}
