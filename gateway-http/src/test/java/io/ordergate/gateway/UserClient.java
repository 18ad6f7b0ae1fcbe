package io.ordergate.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person's side of the users routes over real HTTP, and the outsider's checks: a JWT decoded and its signature
 * verified with the JDK's own HMAC over the key file read as plain JSON.
 */
final class UserClient
{
    static final String AUTH_YAML = "auth: { signup: true, password_hash_memory_kib: 1024, password_hash_iterations: 1 }\n";

    private final TestGateway gateway;

    UserClient(final TestGateway gateway)
    {
        this.gateway = gateway;
    }

    TestGateway.Reply signup(final String email, final String password)
    {
        return anonymous("POST", "/api/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"N\"}");
    }

    TestGateway.Reply login(final String login, final String password)
    {
        return anonymous("POST", "/api/v1/auth/login", "{\"username\":\"" + login + "\",\"password\":\"" + password + "\"}");
    }

    TestGateway.Reply refresh(final String refreshToken)
    {
        return anonymous("POST", "/api/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    TestGateway.Reply anonymous(final String method, final String path, final String json)
    {
        return gateway.send(method, path, json, null);
    }

    TestGateway.Reply bearer(final String method, final String path, final String json, final String token)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token);
        if (json != null)
        {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return gateway.send(request.build());
    }

    /** A user made by the admin with a role and accounts; answers its access token after a login. */
    String userWith(final String email, final String role, final String password, final String... accounts)
    {
        final StringBuilder ids = new StringBuilder();
        for (final String account : accounts)
        {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(account).append('"');
        }
        final TestGateway.Reply made = gateway.post("/api/v1/users", "{\"email\":\"" + email + "\",\"role\":\"" + role
            + "\",\"password\":\"" + password + "\",\"account_ids\":[" + ids + "]}");
        if (made.status() != 201)
        {
            throw new AssertionError("user not made: " + made);
        }
        final TestGateway.Reply in = login(email, password);
        if (in.status() != 200)
        {
            throw new AssertionError("login failed: " + in);
        }
        return in.text("access_token");
    }

    // ---- the outsider's checks ----

    /** The token's claims, after checking its HS256 signature with javax.crypto against the key its kid names. */
    static JsonNode verifiedClaims(final String jwt, final Path dataDir) throws Exception
    {
        final String[] parts = jwt.split("\\.");
        final JsonNode header = TestGateway.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        if (!"HS256".equals(header.path("alg").asText()))
        {
            throw new AssertionError("alg " + header);
        }
        final JsonNode keys = TestGateway.JSON.readTree(Files.readString(dataDir.resolve("auth").resolve("jwt-keys.json"))).path("keys");
        for (final JsonNode key : keys)
        {
            if (key.path("kid").asText().equals(header.path("kid").asText()))
            {
                final Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(key.path("k").asText()), "HmacSHA256"));
                final String expected = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
                if (!expected.equals(parts[2]))
                {
                    throw new AssertionError("bad signature");
                }
                return TestGateway.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            }
        }
        throw new AssertionError("no key " + header.path("kid"));
    }
}
