package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.core.Route;

/**
 * Every row of the route table, native and seed, fed the same bad input: broken and wrongly typed JSON bodies, odd path
 * parameters and query strings. Whatever a route thinks of it, the gateway answers: never a 5xx or a dropped
 * connection, a native route's refusal is a JSON error with a code, and a route that refused everything of a batch
 * left the engine's state as it was. Being driven by the table, a route added later is covered without a line here.
 */
class EveryRouteBadInputTest
{
    private static final List<String> PATH_VALUES = List.of("x1", "1", "%C3%A9t%C3%A9", "9".repeat(30), "y".repeat(300));
    private static final List<String> QUERIES = List.of("limit=-1", "limit=abc", "limit=99999999999999999999", "from=yesterday",
        "to=-5&from=1e400", "symbol=&account_id=%00", "timeframe=7x&status=weird");
    /** Field names the routes read, each given a value of a type no route takes for it. */
    private static final String WRONG_TYPES = "{\"account_id\":[1],\"symbol\":{\"a\":1},\"side\":7,\"type\":true,\"quantity\":\"1e400\","
        + "\"price\":[],\"volume\":{},\"name\":123,\"email\":[\"a\"],\"password\":false,\"bot_id\":1.5,\"group_id\":{},\"url\":7,"
        + "\"events\":\"all\",\"account_ids\":\"paper-1\",\"balance\":\"lots\",\"leverage\":-1e30,\"secret\":[],\"scope\":9,"
        + "\"executor_id\":[],\"command\":{},\"status\":[null],\"stop_loss\":\"-0\",\"take_profit\":1e999,\"ticket\":-9999999999999999999}";
    private static final List<byte[]> BODIES = List.of(bytes(""), bytes("[]"), bytes("null"), bytes("\"text\""), bytes("1e999"),
        bytes("{\"a\":1,\"a\":2}"), bytes("{\"account_id\":"), bytes("[".repeat(5_000) + "]".repeat(5_000)),
        bytes("{\"quantity\":" + "9".repeat(5_000) + "}"), new byte[] {'{', '"', 'a', '"', ':', '"', (byte)0xff, (byte)0xfe, '"', '}'},
        bytes(WRONG_TYPES), bytes(WRONG_TYPES.replace("\":", "\":null,\"_\":")));

    @TempDir
    Path dataDir;

    @Test
    void noRouteAnswersBadInputWithAServerErrorOrAChangedState() throws Exception
    {
        final List<Route> routes = RouteCallers.routes(dataDir);
        final List<String> failures = new ArrayList<>();
        int requests = 0;
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (final Route route : routes)
            {
                final String before = gateway.digest();
                boolean refusedAll = true;
                for (final String path : concretePaths(route.template()))
                {
                    for (final HttpRequest request : badRequests(gateway.url(path), route.method().name()))
                    {
                        requests++;
                        final int status = answer(client, request, failures);
                        refusedAll &= status >= 400;
                    }
                }
                if (refusedAll && !before.equals(gateway.digest()))
                {
                    failures.add(route.operation() + ": refused every request but changed the engine's state");
                }
            }
            assertEquals(200, gateway.get("/health").status(), "the gateway still answers after " + requests + " bad requests");
        }
        assertTrue(requests > 1_000, "the table gave " + routes.size() + " operations, " + requests + " requests");
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " bad requests answered wrongly, e.g. "
            + failures.subList(0, Math.min(20, failures.size())));
    }

    /** Sends one request; records a 5xx, a failed exchange or a native refusal that is not a JSON error with a code. */
    private static int answer(final HttpClient client, final HttpRequest request, final List<String> failures)
    {
        final String what = request.method() + " " + shortened(request.uri().toString());
        final HttpResponse<String> response;
        try
        {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final Exception ex)
        {
            failures.add(what + " -> no answer: " + ex);
            return 599;
        }
        final int status = response.statusCode();
        if (status >= 500)
        {
            failures.add(what + " -> " + status + " " + shortened(response.body()));
        }
        else if (status >= 400 && request.uri().getPath().startsWith("/api/v1/") && !hasErrorCode(response.body()))
        {
            failures.add(what + " -> " + status + " without a JSON error code: " + shortened(response.body()));
        }
        return status;
    }

    private static boolean hasErrorCode(final String body)
    {
        try
        {
            final JsonNode error = TestGateway.JSON.readTree(body).path("error");
            return error.path("code").isTextual();
        }
        catch (final Exception ex)
        {
            return false;
        }
    }

    /** The template with each path parameter replaced by each of {@link #PATH_VALUES} (no parameter: the template). */
    private static List<String> concretePaths(final String template)
    {
        if (!template.contains("{"))
        {
            return List.of(template);
        }
        final List<String> paths = new ArrayList<>();
        for (final String value : PATH_VALUES)
        {
            paths.add(template.replaceAll("\\{[^}/]+}", value));
        }
        return paths;
    }

    private static List<HttpRequest> badRequests(final String url, final String method)
    {
        final List<HttpRequest> requests = new ArrayList<>();
        if ("GET".equals(method) || "DELETE".equals(method))
        {
            requests.add(request(url, method, null));
            for (final String query : QUERIES)
            {
                requests.add(request(url + "?" + query, method, null));
            }
            return requests;
        }
        for (final byte[] body : BODIES)
        {
            requests.add(request(url, method, body));
        }
        return requests;
    }

    private static HttpRequest request(final String url, final String method, final byte[] body)
    {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET);
        if (body != null)
        {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shortened(final String text)
    {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
