package io.ordergate.gateway.cluster;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP calls to one member of a test cluster, with the admin key every member was started with. */
final class ClusterClient
{
    static final String KEY = "og_clustervenuesadmin";
    static final String SECRET = "cluster-venues-admin-secret-0123456789";
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;

    ClusterClient(final String base)
    {
        this.base = base;
    }

    /** A call that must succeed (2xx); its JSON answer. */
    JsonNode ok(final String method, final String path, final String body)
    {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json").header("X-API-Key", KEY).header("X-API-Secret", SECRET)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        try
        {
            final HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2)
            {
                throw new AssertionError(method + " " + path + " on " + base + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        }
        catch (final IOException ex)
        {
            throw new AssertionError(method + " " + path + " on " + base + " failed: " + ex, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Waits (bounded) for an order to reach a status on this member, and returns it. */
    JsonNode awaitStatus(final String orderId, final String status)
    {
        final JsonNode[] last = new JsonNode[1];
        try
        {
            await("order " + orderId + " " + status + " on " + base, () ->
            {
                last[0] = ok("GET", "/api/v1/orders/" + orderId, null);
                return status.equals(last[0].path("status").asText());
            });
        }
        catch (final AssertionError ex)
        {
            throw new AssertionError(ex.getMessage() + "; last seen " + last[0], ex);
        }
        return last[0];
    }

    /** The member whose {@code /health} says it leads (not {@code except}), polled until the deadline. */
    static int leader(final String[] urls, final int except)
    {
        final int[] found = {-1};
        await("a leader", () ->
        {
            for (int id = 0; id < urls.length; id++)
            {
                if (id != except && "leader".equals(role(urls[id])))
                {
                    found[0] = id;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String role(final String url)
    {
        try
        {
            final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("cluster").path("role").asText() : null;
        }
        catch (final IOException ex)
        {
            return null;  // not answering: killed, or not up yet
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    static BigDecimal decimal(final JsonNode node)
    {
        return new BigDecimal(node.decimalValue().stripTrailingZeros().toPlainString());
    }

    static void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline)
        {
            if (condition.getAsBoolean())
            {
                return;
            }
            try
            {
                TimeUnit.MILLISECONDS.sleep(50);  // polling a condition with a deadline
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
        throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
    }
}
