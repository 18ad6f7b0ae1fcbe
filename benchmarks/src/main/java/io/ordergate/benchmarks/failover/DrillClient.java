package io.ordergate.benchmarks.failover;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's HTTP client of the members: orders, reads of orders, health and digests, with the admin key. A
 * member that is down or answers 503 is someone else's turn: the caller tries the next one.
 */
final class DrillClient
{
    private static final Pattern ORDER_ID = Pattern.compile("\"order_id\":\"([0-9]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");
    private static final Pattern ROLE = Pattern.compile("\"role\":\"([a-z]+)\"");
    private static final Pattern DIGEST = Pattern.compile("\"digest\":\"(-?[0-9]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String key;
    private final String secret;

    DrillClient(final String key, final String secret)
    {
        this.key = key;
        this.secret = secret;
    }

    /** An acknowledged order: what the member answered. */
    record Ack(String clientOrderId, long orderId, String status, long latencyNanos)
    {
    }

    /** Places one market order; null when this member did not take it (down, 503, timed out). */
    Ack order(final String url, final String clientOrderId)
    {
        final String body = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\"," +
            "\"quantity\":\"0.01\",\"client_order_id\":\"" + clientOrderId + "\"}";
        final long start = System.nanoTime();
        final HttpResponse<String> response = send(request(url + "/api/v1/orders").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response == null || (response.statusCode() != 201 && response.statusCode() != 200))
        {
            return null;
        }
        return new Ack(clientOrderId, id(response.body()), match(STATUS, response.body()), System.nanoTime() - start);
    }

    /** The order by id as {@code url} has it, or null. */
    Ack read(final String url, final long orderId)
    {
        final HttpResponse<String> response = send(request(url + "/api/v1/orders/" + orderId).GET());
        if (response == null || response.statusCode() != 200)
        {
            return null;
        }
        final Matcher cid = Pattern.compile("\"client_order_id\":\"([^\"]*)\"").matcher(response.body());
        return new Ack(cid.find() ? cid.group(1) : null, id(response.body()), match(STATUS, response.body()), 0);
    }

    void quote(final String url)
    {
        final HttpResponse<String> response = send(request(url + "/api/v1/quotes")
            .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"EURUSD\",\"bid\":\"1.08420\",\"ask\":\"1.08428\"}")));
        if (response == null || response.statusCode() >= 300)
        {
            throw new IllegalStateException("the quote was refused: " + (response == null ? "no answer" : response.body()));
        }
    }

    /** "leader", "follower", or null when the member does not answer. */
    String role(final String url)
    {
        final HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(2)).GET());
        return response == null || response.statusCode() != 200 ? null : match(ROLE, response.body());
    }

    String digest(final String url)
    {
        final HttpResponse<String> response = send(request(url + "/api/v1/state/digest").GET());
        return response == null ? null : match(DIGEST, response.body());
    }

    private HttpRequest.Builder request(final String url)
    {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("X-API-Key", key).header("X-API-Secret", secret).header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(final HttpRequest.Builder request)
    {
        try
        {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException ex)
        {
            return null;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long id(final String body)
    {
        final String id = match(ORDER_ID, body);
        return id == null ? -1 : Long.parseLong(id);
    }

    private static String match(final Pattern pattern, final String body)
    {
        final Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }
}
