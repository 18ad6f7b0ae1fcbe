package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.executors.RawAnswers;

/**
 * The net under every answer ({@code server.answer_timeout_seconds}, API.md's 504): a request whose answer never comes
 * (an EA generation held on its artifact worker by {@link HeldEaGenerator}, as a generator that never replies would
 * hold it) is answered {@code 504 GATEWAY_TIMEOUT} once the timeout has passed, not before, and its connection closes;
 * the request pipelined behind it is never handled, and the gateway goes on serving other connections. The answer that
 * comes after (the generation let go) has nowhere to go.
 */
class AnswerTimeoutTest
{
    private static final int ANSWER_TIMEOUT_SECONDS = 2;
    private static final String DESCRIPTION = "Create a scalping EA that trades EURUSD on M15 timeframe. Use 10 and 20 period moving average "
        + "crossover. Risk 1% per trade with 20 pip stop loss and 40 pip take profit.";

    @TempDir
    Path dataDir;

    @Test
    void shouldAnswer504AndCloseWhenTheAnswerNeverComesWithinTheTimeout() throws Exception
    {
        HeldEaGenerator.reset();
        try (TestGateway gateway = TestGateway.startEdited(dataDir, c -> c.replace("idle_timeout_seconds: 30",
                "idle_timeout_seconds: 1, answer_timeout_seconds: " + ANSWER_TIMEOUT_SECONDS)
            + "executors: { investor_wait_seconds: 1 }\nea: { generator: " + HeldEaGenerator.NAME + " }\n"))
        {
            try
            {
                final TestGateway.Reply project = gateway.post("/api/v1/ea/projects", "{\"name\":\"First\",\"strategy_id\":null}");
                assertEquals(201, project.status(), project::toString);
                final String projectId = project.text("project_id");
                try (Socket socket = new Socket("127.0.0.1", gateway.port()))
                {
                    socket.setSoTimeout(20_000);
                    final OutputStream out = socket.getOutputStream();
                    final long sentNanos = System.nanoTime();
                    out.write((post("/api/v1/ea/generate", "{\"project_id\":\"" + projectId + "\",\"strategy_description\":\"" + DESCRIPTION + "\"}")
                        + post("/api/v1/ea/projects", "{\"name\":\"Pipelined\",\"strategy_id\":null}")).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    assertTrue(HeldEaGenerator.entered.await(10, TimeUnit.SECONDS), "the generation reached the held generator");

                    final InputStream in = socket.getInputStream();
                    final String head = RawAnswers.head(in);
                    final double seconds = (System.nanoTime() - sentNanos) / 1e9;
                    assertTrue(head.startsWith("HTTP/1.1 504 "), () -> "504 for the answer that never came: " + head);
                    assertTrue(seconds >= ANSWER_TIMEOUT_SECONDS - 0.1, "not before the answer timeout: " + seconds + " s");
                    assertTrue(head.toLowerCase(Locale.ROOT).contains("connection: close"), head);
                    final String error = new String(in.readNBytes(RawAnswers.contentLength(head)), StandardCharsets.UTF_8);
                    assertTrue(error.contains("\"GATEWAY_TIMEOUT\"") && error.contains("answer_timeout_seconds"), error);
                    assertEquals(-1, in.read(), "the connection closes after the 504: the pipelined request gets no answer");
                }
                final TestGateway.Reply projects = gateway.get("/api/v1/ea/projects");
                assertEquals(200, projects.status(), projects::toString);
                assertTrue(projects.body().contains("\"First\"") && !projects.body().contains("Pipelined"),
                    () -> "the gateway still serves, and the request pipelined behind the 504 was never handled: " + projects.body());

                // Let go, the generation is published after all: its outcome, unknown to the client, is there to look up.
                HeldEaGenerator.released.countDown();
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                TestGateway.Reply versions = gateway.get("/api/v1/ea/projects/" + projectId + "/versions");
                while (!versions.body().contains("version_id") && System.nanoTime() < deadline)
                {
                    Thread.onSpinWait();
                    versions = gateway.get("/api/v1/ea/projects/" + projectId + "/versions");
                }
                assertTrue(versions.body().contains("version_id"), versions::toString);
            }
            finally
            {
                HeldEaGenerator.released.countDown();  // a failed test too leaves no worker held into the stop
            }
        }
    }

    private static String post(final String path, final String json)
    {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nX-API-Key: " + TestGateway.ADMIN_KEY + "\r\nX-API-Secret: " + TestGateway.ADMIN_SECRET
            + "\r\nContent-Type: application/json\r\nContent-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }
}
