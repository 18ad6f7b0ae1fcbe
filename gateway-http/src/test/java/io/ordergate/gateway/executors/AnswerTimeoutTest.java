package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A request whose answer never comes is answered {@code 504 GATEWAY_TIMEOUT} after {@code server.answer_timeout_seconds},
 * and its connection closed: the idle timeout spares a connection that is owed an answer, so it was held for good. The
 * answer that never comes here: an EA generation whose source cannot be stored ({@code DATA_DIR/artifacts} is a file),
 * which fails on the artifact worker without answering.
 */
class AnswerTimeoutTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswer504AndCloseWhenARequestsAnswerDoesNotComeWithinTheAnswerTimeout() throws IOException
    {
        Files.writeString(dataDir.resolve("artifacts"), "not a directory");
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 1", GatewayHarness.SMALL_TABLES,
            "idle_timeout_seconds: 1, answer_timeout_seconds: 2", AgentsAndEasHttpTest.YAML))
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
                assertTrue(head.startsWith("HTTP/1.1 504 "), () -> "504 at the answer timeout: " + head);
                assertTrue(head.toLowerCase(Locale.ROOT).contains("connection: close"), head);
                final String error = new String(in.readNBytes(RawAnswers.contentLength(head)), StandardCharsets.UTF_8);
                assertTrue(error.contains("\"GATEWAY_TIMEOUT\""), error);
                assertEquals(-1, in.read(), "then the connection's end");
            }
        }
    }
}
