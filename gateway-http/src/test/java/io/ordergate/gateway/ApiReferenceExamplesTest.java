package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;

/**
 * Keeps docs/API-REFERENCE.md's examples true: runs every request of its ```bash transcripts, in order, against the
 * demo-configured gateway (quote feed off) and holds each answer to the one the page shows: the same status (a 2xx
 * when none is shown) and the same JSON field names at every level shown ({@link JsonShapes}). Ids, keys and
 * secrets the examples take from earlier answers are mapped to the real ones; {@code $K}/{@code $S} (mt5-jobs.md:
 * {@code $KEY}/{@code $SECRET}) are the admin key,
 * {@code $T} the {@code access_token} of the latest answer that had one.
 */
class ApiReferenceExamplesTest
{
    /** Accounts the examples use besides the demo configuration's; made before the first example. */
    private static final List<String> PRESUMED_ACCOUNTS = List.of(
        "{\"account_id\":\"paper-3\",\"balance\":10000}",
        "{\"account_id\":\"paper-4\",\"balance\":10000}",
        "{\"account_id\":\"mt5-1\",\"venue\":\"mt5\",\"balance\":10000}");

    /** Requests that cannot run against one test gateway, by a piece of their curl line, with the reason. */
    private static final Map<String, String> NOT_RUN = Map.of(
        "SimulatedExchangeMain", "exchanges.md: starts a standalone simulated exchange, a process of its own beside the gateway");

    private static final Set<String> SECRET_FIELDS = Set.of("api_key", "api_secret", "secret", "access_token",
        "refresh_token", "token", "ticket");

    @TempDir
    Path dataDir;

    @Test
    void everyExampleAnswersAsDocumented() throws IOException, InterruptedException
    {
        final List<String> drifts = run("API-REFERENCE.md", false);
        assertTrue(drifts.isEmpty(), "docs/API-REFERENCE.md examples that drifted:\n" + String.join("\n", drifts));
    }

    /** docs/mt5-jobs.md's demo requests: the simulated terminal's investor-password connect and history sync. */
    @Test
    void everyMt5JobsExampleSucceeds() throws IOException, InterruptedException
    {
        final List<String> drifts = run("mt5-jobs.md", false);
        assertTrue(drifts.isEmpty(), "docs/mt5-jobs.md examples that drifted:\n" + String.join("\n", drifts));
    }

    /**
     * docs/exchanges.md's requests against the demo's simulated Binance and OKX (no answers shown: each must succeed),
     * with the demo's quote feed on, as the page's demo runs: the exchanges fill at its prices.
     */
    @Test
    void everyExchangesExampleSucceeds() throws IOException, InterruptedException
    {
        final List<String> drifts = run("exchanges.md", true);
        assertTrue(drifts.isEmpty(), "docs/exchanges.md examples that drifted:\n" + String.join("\n", drifts));
    }

    private List<String> run(final String page, final boolean quoteFeed) throws IOException, InterruptedException
    {
        final List<String> drifts = new ArrayList<>();
        final String demo;
        try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEMO_RESOURCE))
        {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("port: 8080", "port: 0")
                .replace("quote_feed: true", "quote_feed: " + quoteFeed);
        }
        try (TestGateway gateway = TestGateway.startEdited(dataDir, ignored -> demo))
        {
            for (final String account : PRESUMED_ACCOUNTS)
            {
                final TestGateway.Reply made = gateway.post("/api/v1/accounts", account);
                assertTrue(made.status() == 201, "presumed account not made: " + made);
            }
            if (quoteFeed)
            {
                StreamSlowReaderTest.await("the demo quote feed's first BTCUSDT quote", () -> gateway.get("/api/v1/quotes/BTCUSDT").status() == 200);
            }
            final Map<String, List<String>> variables = new HashMap<>();
            variables.put("K", List.of(TestGateway.ADMIN_KEY));
            variables.put("S", List.of(TestGateway.ADMIN_SECRET));
            variables.put("KEY", variables.get("K"));
            variables.put("SECRET", variables.get("S"));
            final Map<String, String> realIds = new HashMap<>();
            final String markdown = Files.readString(docs(page));
            int accounted = 0;
            for (final DocTranscripts.Step step : DocTranscripts.parse(markdown))
            {
                final String where = page + ":" + step.line() + " ";
                if (step.isAssignment())
                {
                    assign(step, variables, realIds);
                    continue;
                }
                final String reason = NOT_RUN.entrySet().stream().filter(e -> step.text().contains(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
                final List<String> words = DocTranscripts.words(step.text(), variables);
                accounted += step.text().startsWith("curl ") ? 1 : 0;
                if (reason != null)
                {
                    continue;
                }
                if (words == null || !step.text().startsWith("curl "))
                {
                    drifts.add(where + "cannot run (not a curl request, or a command substitution) and is not listed in NOT_RUN: "
                        + step.text());
                    continue;
                }
                final TestGateway.Reply reply = gateway.send(request(words, gateway.url(""), realIds));
                final String said = where + reply.response().request().method() + " " + reply.response().request().uri().getPath();
                if (step.status() != null ? reply.status() != step.status() : reply.status() / 100 != 2)
                {
                    drifts.add(said + ": documented " + (step.status() != null ? step.status() : "a 2xx") + ", got " + reply);
                    continue;
                }
                check(step, reply, said, realIds, variables, drifts);
            }
            // the parser must not lose a request: as many as lines that start with curl inside ```bash blocks
            int curlLines = 0;
            boolean inBash = false;
            for (final String line : markdown.split("\n"))
            {
                inBash = line.startsWith("```") ? line.equals("```bash") : inBash;
                curlLines += inBash && line.startsWith("curl ") ? 1 : 0;
            }
            assertTrue(accounted == curlLines, page + " has " + curlLines + " curl lines, the transcripts " + accounted);
        }
        return drifts;
    }

    private static void check(final DocTranscripts.Step step, final TestGateway.Reply reply, final String said,
        final Map<String, String> realIds, final Map<String, List<String>> variables, final List<String> drifts)
    {
        final JsonNode real;
        try
        {
            real = TestGateway.JSON.readTree(reply.body());
        }
        catch (final IOException ex)
        {
            drifts.add(said + ": the answer is not JSON: " + reply.body());
            return;
        }
        if (real != null && real.hasNonNull("access_token"))
        {
            variables.put("T", List.of(real.get("access_token").asText()));
        }
        if (step.answer() == null)
        {
            return;
        }
        final JsonNode documented;
        try
        {
            documented = JsonShapes.documented(step.answer());
        }
        catch (final IOException ex)
        {
            drifts.add(said + ": the documented answer is not JSON (elisions aside): " + step.answer());
            return;
        }
        JsonShapes.pairs(documented, real, ApiReferenceExamplesTest::isIdField, realIds);
        for (final String difference : JsonShapes.differences(documented, real))
        {
            drifts.add(said + " " + difference + "; got " + reply.body());
        }
    }

    private static boolean isIdField(final String name)
    {
        return name.equals("id") || name.endsWith("_id") || name.endsWith("Id") || SECRET_FIELDS.contains(name);
    }

    private static void assign(final DocTranscripts.Step step, final Map<String, List<String>> variables, final Map<String, String> realIds)
    {
        if (step.name().equals("B"))
        {
            return;
        }
        final String text = step.text();
        final boolean array = text.startsWith("(") && text.endsWith(")");
        final List<String> words = DocTranscripts.words(array ? text.substring(1, text.length() - 1) : text, variables);
        final List<String> value = new ArrayList<>();
        for (final String word : words)
        {
            value.add(headerWithRealValue(word, realIds));
        }
        variables.put(step.name(), array ? value : List.of(String.join(" ", value)));
    }

    /** The request the curl words make, as curl would: {@code -d} means POST and, without a type, a form's type. */
    private static HttpRequest request(final List<String> words, final String base, final Map<String, String> realIds)
    {
        String method = null;
        String body = null;
        String url = null;
        final List<String> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++)
        {
            final String word = words.get(i);
            switch (word)
            {
                case "-s" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(headerWithRealValue(words.get(++i), realIds));
                case "-d" -> body = words.get(++i);
                default -> url = word;
            }
        }
        final String path = url.replaceFirst("^(https?://)?(localhost|127\\.0\\.0\\.1):8080", "");
        final int query = path.indexOf('?');
        final StringBuilder realPath = new StringBuilder();
        for (final String segment : (query < 0 ? path : path.substring(0, query)).split("/"))
        {
            realPath.append(realPath.length() == 0 && segment.isEmpty() ? "" : "/").append(realIds.getOrDefault(segment, segment));
        }
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + realPath + (query < 0 ? "" : path.substring(query))))
            .timeout(Duration.ofSeconds(30));
        boolean typed = false;
        for (final String header : headers)
        {
            final int colon = header.indexOf(':');
            builder.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            typed |= header.regionMatches(true, 0, "Content-Type", 0, 12);
        }
        if (body != null && !typed)
        {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        final String realBody = body == null ? null : withRealIds(body, realIds);
        return builder.method(method != null ? method : body != null ? "POST" : "GET",
            realBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(realBody)).build();
    }

    /** "Name: value" with a documented key or secret (maybe elided, "x7LSDQ...") replaced by the real one. */
    private static String headerWithRealValue(final String header, final Map<String, String> realIds)
    {
        final int colon = header.indexOf(": ");
        if (colon < 0)
        {
            return header;
        }
        final String value = header.substring(colon + 2);
        final String prefix = value.endsWith("...") ? value.substring(0, value.length() - 3) : null;
        for (final Map.Entry<String, String> id : realIds.entrySet())
        {
            if (id.getKey().equals(value) || prefix != null && !prefix.isEmpty() && id.getKey().startsWith(prefix))
            {
                return header.substring(0, colon + 2) + id.getValue();
            }
        }
        return header;
    }

    /** A JSON body with each string value that is a documented id replaced by the real id (other bodies as they are). */
    private static String withRealIds(final String body, final Map<String, String> realIds)
    {
        try
        {
            final JsonNode tree = TestGateway.JSON.readTree(body);
            boolean changed = false;
            if (tree != null && tree.isObject())
            {
                for (final Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();)
                {
                    final Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isTextual() && realIds.containsKey(field.getValue().asText()))
                    {
                        final String real = realIds.get(field.getValue().asText());
                        changed |= !real.equals(field.getValue().asText());
                        ((ObjectNode) tree).set(field.getKey(), TextNode.valueOf(real));
                    }
                }
                return changed ? TestGateway.JSON.writeValueAsString(tree) : body;
            }
        }
        catch (final IOException notJson)
        {
            return body;
        }
        return body;
    }

    /** docs/NAME from the module directory (Maven's working directory) or the repository root. */
    private static Path docs(final String name)
    {
        final Path fromModule = Path.of("..", "docs", name);
        return Files.exists(fromModule) ? fromModule : Path.of("docs", name);
    }
}
