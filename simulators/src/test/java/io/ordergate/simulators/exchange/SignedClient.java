package io.ordergate.simulators.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.ordergate.simulators.SimulatorJson;

/** A bare client of the simulated exchange for its tests: signs as the exchange's documents say, with the JDK's HMAC. */
final class SignedClient
{
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final URI base;
    final String apiKey;
    final String secret;
    long clockOffset;

    SignedClient(final URI base, final String apiKey, final String secret)
    {
        this.base = base;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    /** A signed request: {@code query} gets timestamp and signature appended (in the body for POST). */
    HttpResponse<String> signed(final String method, final String path, final String query) throws IOException, InterruptedException
    {
        final String params = (query.isEmpty() ? "" : query + "&") + "timestamp=" + (System.currentTimeMillis() + clockOffset);
        final String signedParams = params + "&signature=" + RequestAuth.hmacHex(secret, params);
        if ("POST".equals(method))
        {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("X-MBX-APIKEY", apiKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(signedParams)));
        }
        return send(HttpRequest.newBuilder(base.resolve(path + "?" + signedParams)).header("X-MBX-APIKEY", apiKey)
            .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> raw(final String method, final String pathAndQuery, final String key) throws IOException, InterruptedException
    {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null)
        {
            builder.header("X-MBX-APIKEY", key);
        }
        return send(builder);
    }

    HttpResponse<String> send(final HttpRequest.Builder builder) throws IOException, InterruptedException
    {
        return http.send(builder.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Object> json(final HttpResponse<String> response) throws IOException
    {
        return SimulatorJson.parseObject(response.body());
    }

    /** Asserts an error answer and returns its code. */
    static int code(final HttpResponse<String> response) throws IOException
    {
        return ((Number)json(response).get("code")).intValue();
    }
}
