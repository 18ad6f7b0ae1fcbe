package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An EA generation whose source cannot be stored ({@code DATA_DIR/artifacts} is a file) failed on the artifact worker
 * and was never answered: the connection waited for {@code server.answer_timeout_seconds} and got {@code 504
 * GATEWAY_TIMEOUT}. It is answered {@code 500 INTERNAL_ERROR} at once now, the connection kept, and the data
 * directory's path not in the answer. (That was the one answer that never came; the 504 stays as the net for a bug.)
 */
class ArtifactStoreFailureTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswer500AtOnceWhenTheArtifactCannotBeStored() throws IOException
    {
        Files.writeString(dataDir.resolve("artifacts"), "not a directory");
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 1", GatewayHarness.SMALL_TABLES,
            "idle_timeout_seconds: 1, answer_timeout_seconds: 60", AgentsAndEasHttpTest.YAML))
        {
            final String token = AgentsAndEasHttpTest.signup(gateway, "ann@example.com");
            final String project = (String)gateway.bearer("POST", "/api/v1/ea/projects", "{\"name\":\"P\",\"strategy_id\":null}", token)
                .at("project_id");
            final String body = "{\"project_id\":\"" + project + "\",\"strategy_description\":\"" + AgentsAndEasHttpTest.SEED_DESCRIPTION + "\"}";
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(("POST /api/v1/ea/generate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String head = RawAnswers.head(in);
                assertTrue(head.startsWith("HTTP/1.1 500 "), () -> "500 at once, not the answer timeout's 504: " + head);
                assertFalse(head.toLowerCase(Locale.ROOT).contains("connection: close"), head);
                final String error = new String(in.readNBytes(RawAnswers.contentLength(head)), StandardCharsets.UTF_8);
                assertTrue(error.contains("\"INTERNAL_ERROR\"") && error.contains("artifact"), error);
                assertFalse(error.contains(dataDir.toString()), () -> "no path of the data directory: " + error);
            }
        }
    }
}
