package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.GatewayContext;

/**
 * Keeps the API reference true to the code: docs/openapi.yaml lists exactly the operations of the route table (the same
 * templates, parameter names included), every one of them is really served by a running gateway, and
 * docs/API-REFERENCE.md names every error code.
 */
class OpenApiRoutesTest
{
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @TempDir
    Path dataDir;

    @Test
    void theOpenApiFileListsExactlyTheRoutesOfTheCode() throws IOException
    {
        final Set<String> documented = documentedOperations();
        final Set<String> coded = codedOperations(dataDir);

        final Set<String> undocumented = new TreeSet<>(coded);
        undocumented.removeAll(documented);
        final Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(coded);
        assertTrue(undocumented.isEmpty(), "served but missing from docs/openapi.yaml: " + undocumented);
        assertTrue(notServed.isEmpty(), "in docs/openapi.yaml but not in the route table: " + notServed);
    }

    @Test
    void everyDocumentedOperationIsServedByARunningGateway() throws IOException
    {
        final List<String> failures = new ArrayList<>();
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            for (final String operation : documentedOperations())
            {
                final String method = operation.substring(0, operation.indexOf(' '));
                final String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}/]+}", "x1");
                final String concrete = path.matches(".*/(orders|positions)/x1(/.*)?") ? path.replace("/x1", "/1") : path;
                final String body = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) ? "{}" : null;
                final TestGateway.Reply reply = gateway.send(method, concrete, body, TestGateway.ADMIN);
                final String text = reply.body();
                final boolean unknownPath = reply.status() == 404 && (text.contains("no such path") || text.contains("\"Not found\""));
                if (unknownPath || reply.status() == 405 || reply.status() == 500)
                {
                    failures.add(operation + " -> " + reply);
                }
            }
        }
        assertTrue(failures.isEmpty(), "documented but not served: " + failures);
    }

    @Test
    void theReadablePageNamesEveryErrorCode() throws IOException
    {
        final String page = Files.readString(docs("API-REFERENCE.md"), StandardCharsets.UTF_8);
        final List<String> missing = new ArrayList<>();
        for (final ResultCode code : ResultCode.values())
        {
            if (!code.isSuccess() && !page.contains("`" + code.name() + "`"))
            {
                missing.add(code.name());
            }
        }
        for (final String extra : List.of("METHOD_NOT_ALLOWED", "INTERNAL_ERROR", "UNSUPPORTED_MEDIA_TYPE"))
        {
            if (!page.contains("`" + extra + "`"))
            {
                missing.add(extra);
            }
        }
        assertTrue(missing.isEmpty(), "docs/API-REFERENCE.md does not name: " + missing);
    }

    @Test
    void theOpenApiFileIsOpenApi303WithItsSharedComponents() throws IOException
    {
        final Map<String, Object> root = openApi();
        assertEquals("3.0.3", String.valueOf(root.get("openapi")));
        final Map<String, Object> components = map(root.get("components"));
        final Map<String, Object> schemas = map(components.get("schemas"));
        for (final String name : List.of("Order", "Account", "Position", "Trade", "Quote", "Instrument", "Group",
            "GroupOrderResult", "Bot", "Executor", "ExecutorCommand", "Error", "SeedError"))
        {
            assertTrue(schemas.containsKey(name), "components.schemas lacks " + name);
        }
        final Map<String, Object> security = map(components.get("securitySchemes"));
        for (final String name : List.of("ApiKey", "ApiSecret", "ExecutorKey", "ExecutorSecret"))
        {
            assertTrue(security.containsKey(name), "components.securitySchemes lacks " + name);
        }
        final Set<String> codes = new TreeSet<>(List.of("METHOD_NOT_ALLOWED", "INTERNAL_ERROR", "UNSUPPORTED_MEDIA_TYPE", "REQUEST_TIMEOUT",
            "GATEWAY_TIMEOUT", "EXPECTATION_FAILED"));
        for (final ResultCode code : ResultCode.values())
        {
            if (!code.isSuccess())
            {
                codes.add(code.name());
            }
        }
        assertEquals(codes, new TreeSet<>(enumOf(schemas, "Error")), "the Error schema's code enum is every error code");
    }

    // ---- helpers ----

    /** Every operation of the gateway's one route table, as "METHOD /template". */
    private static Set<String> codedOperations(final Path dataDir)
    {
        return new TreeSet<>(new GatewayFeatures(new GatewayContext(TestGateway.config(dataDir), "test")).router().table().operations());
    }

    /** "METHOD /path/{name}" per operation of docs/openapi.yaml. */
    private static Set<String> documentedOperations() throws IOException
    {
        final Set<String> operations = new TreeSet<>();
        for (final Map.Entry<String, Object> path : map(openApi().get("paths")).entrySet())
        {
            final String template = path.getKey();
            for (final String key : map(path.getValue()).keySet())
            {
                if (METHODS.contains(key))
                {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + template);
                }
            }
        }
        return operations;
    }

    private static Map<String, Object> openApi() throws IOException
    {
        final String text = Files.readString(docs("openapi.yaml"), StandardCharsets.UTF_8);
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }

    private static List<String> enumOf(final Map<String, Object> schemas, final String name)
    {
        final List<String> values = new ArrayList<>();
        collectEnums(schemas.get(name), values);
        return values;
    }

    private static void collectEnums(final Object node, final List<String> out)
    {
        if (node instanceof Map)
        {
            for (final Map.Entry<?, ?> entry : ((Map<?, ?>)node).entrySet())
            {
                if ("enum".equals(entry.getKey()) && entry.getValue() instanceof List)
                {
                    for (final Object value : (List<?>)entry.getValue())
                    {
                        out.add(String.valueOf(value));
                    }
                }
                else
                {
                    collectEnums(entry.getValue(), out);
                }
            }
        }
        else if (node instanceof List)
        {
            for (final Object item : (List<?>)node)
            {
                collectEnums(item, out);
            }
        }
    }

    /** docs/NAME from the module directory (Maven's working directory) or the repository root. */
    private static Path docs(final String name)
    {
        final Path fromModule = Path.of("..", "docs", name);
        return Files.exists(fromModule) ? fromModule : Path.of("docs", name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object node)
    {
        assertTrue(node instanceof Map, "expected a mapping, found " + node);
        return (Map<String, Object>)node;
    }
}
