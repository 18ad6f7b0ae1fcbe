package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Lints docs/openapi.yaml with the OpenAPI 3 parser's validation (swagger-parser): no message at all (no error, no
 * unresolved reference, no unexpected attribute), and every operation has an operationId, each one different.
 */
class OpenApiLintTest
{
    @Test
    void theOpenApiFilePassesTheLinterWithNoMessage() throws IOException
    {
        final ParseOptions options = new ParseOptions();
        options.setResolve(true);
        final SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(openApiFile(), StandardCharsets.UTF_8), null, options);
        assertNotNull(result.getOpenAPI(), () -> "not parsed: " + result.getMessages());
        assertEquals(List.of(), result.getMessages(), "the linter's messages");
    }

    @Test
    void everyOperationHasItsOwnOperationId() throws IOException
    {
        final OpenAPI api = new OpenAPIV3Parser().readContents(Files.readString(openApiFile(), StandardCharsets.UTF_8), null, new ParseOptions())
            .getOpenAPI();
        final List<String> missing = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final List<String> repeated = new ArrayList<>();
        for (final Map.Entry<String, PathItem> path : api.getPaths().entrySet())
        {
            for (final Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet())
            {
                final String id = operation.getValue().getOperationId();
                if (id == null || id.isBlank())
                {
                    missing.add(operation.getKey() + " " + path.getKey());
                }
                else if (!seen.add(id))
                {
                    repeated.add(id);
                }
            }
        }
        assertTrue(missing.isEmpty(), "operations without an operationId: " + missing);
        assertTrue(repeated.isEmpty(), "operationIds used twice: " + repeated);
    }

    private static Path openApiFile()
    {
        final Path fromModule = Path.of("..", "docs", "openapi.yaml");
        return Files.exists(fromModule) ? fromModule : Path.of("docs", "openapi.yaml");
    }
}
