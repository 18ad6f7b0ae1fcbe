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

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.gateway.core.GatewayContext;
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
    private static final String PASSWORD = "correct-horse-battery-9";
    /** Takes no account, and would sign the users out for the routes after it. */
    private static final String ENDS_THE_SESSION = "POST /api/v1/auth/logout";
    /** Signed-in users as the other tests make them, without the per-user request budget (a 429 would hide the answer). */
    private static final String UNLIMITED_USERS = UserClient.AUTH_YAML.replace(" }", ", requests_per_minute: 1000000 }");
    /** One at a time: a route refuses a query parameter it does not know, which would hide the one it reads. */
    private static final List<String> QUERIES = List.of("", "?account_id=ACCOUNT", "?accountId=ACCOUNT");

    @TempDir
    Path dataDir;

    @Test
    void anotherCallersAccountAnswersAsAMissingOne()
    {
        final List<Route> routes = new GatewayFeatures(new GatewayContext(TestGateway.config(dataDir), "test")).router().table().routes();
        final List<String> failures = new ArrayList<>();
        int compared = 0;
        try (TestGateway gateway = TestGateway.start(dataDir, UNLIMITED_USERS))
        {
            final Key read = gateway.createKey("read", "paper-1");
            final Key trade = gateway.createKey("trade", "paper-1");
            final UserClient people = new UserClient(gateway);
            final String viewer = people.userWith("viewer@example.com", "viewer", PASSWORD, "paper-1");
            final String trader = people.userWith("trader@example.com", "trader", PASSWORD, "paper-1");
            final List<Caller> callers = List.of((method, path, body) -> gateway.send(method, path, body, read),
                (method, path, body) -> gateway.send(method, path, body, trade), (method, path, body) -> people.bearer(method, path, body, viewer),
                (method, path, body) -> people.bearer(method, path, body, trader));
            for (final Route route : routes)
            {
                if (route.access().isAnonymous() || ENDS_THE_SESSION.equals(route.operation()))
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
        return caller.send(route.method().name(), path + query.replace("ACCOUNT", account), body);
    }

    /** One way of calling the gateway as someone: an API key or a user's bearer token. */
    private interface Caller
    {
        Reply send(String method, String path, String body);
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
