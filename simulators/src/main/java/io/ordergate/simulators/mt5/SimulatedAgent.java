package io.ordergate.simulators.mt5;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import io.ordergate.simulators.SimulatorJson;

/**
 * A simulated MT5 agent (seed 002) beside the simulated terminal: it polls {@code GET /api/v1/agents/{id}/jobs/next},
 * does each job as a real agent would with MetaEditor and the terminal, and posts its result with logs. Compile
 * fetches the MQL5 source from its {@code source_url} and "compiles" it into a deterministic EX5 stand-in (a header and
 * the source's SHA-256: the same source always gives the same bytes), sent as {@code artifact_base64} with its hash;
 * a source without {@code OnTick} fails, as MetaEditor would. Deploy fetches the EX5 and checks its hash; run and stop
 * start and stop the EA and say so in the logs. Heartbeats carry its metrics.
 *
 * <p>Credentials: a paired agent's {@code X-Agent-Key}, or an executor's key and secret (an executor is an agent of
 * the same registry). One thread, {@code og-sim-agent}; every wait is bounded.
 */
public final class SimulatedAgent implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(SimulatedAgent.class.getName());
    static final byte[] EX5_MAGIC = "EX5\u0000ORDERGATE-SIMULATED\u0000".getBytes(StandardCharsets.US_ASCII);

    /** Where and who; either {@code agentKey}, or {@code executorKey} with {@code executorSecret}. */
    public record Settings(URI baseUrl, String agentId, String agentKey, String executorKey, String executorSecret, long pollMillis,
        int heartbeatSeconds)
    {
        @Override
        public String toString()
        {
            return "Settings{" + baseUrl + ", agent " + agentId + "}";  // never a key
        }
    }

    private final Settings settings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "og-sim-agent");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> running = new LinkedHashSet<>();
    private final AtomicInteger jobsDone = new AtomicInteger();

    public SimulatedAgent(final Settings settings)
    {
        this.settings = settings;
    }

    /** Starts polling and heartbeating in the background; returns at once. */
    public SimulatedAgent start()
    {
        thread.scheduleWithFixedDelay(this::poll, 0, settings.pollMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::heartbeat, 0, settings.heartbeatSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** How many jobs it answered. */
    public int jobsDone()
    {
        return jobsDone.get();
    }

    /** The deployments it runs now. */
    public synchronized Set<String> running()
    {
        return Set.copyOf(running);
    }

    /** The EX5 stand-in for a source: deterministic. */
    public static byte[] compile(final byte[] source)
    {
        final byte[] hash = sha256(source);
        final byte[] out = new byte[EX5_MAGIC.length + hash.length];
        System.arraycopy(EX5_MAGIC, 0, out, 0, EX5_MAGIC.length);
        System.arraycopy(hash, 0, out, EX5_MAGIC.length, hash.length);
        return out;
    }

    private void heartbeat()
    {
        final Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("cpu_percent", 1.5);
        metrics.put("memory_percent", 12.0);
        metrics.put("active_eas", running().size());
        call("POST", "/api/v1/agents/" + settings.agentId() + "/heartbeat", Map.of("status", "online", "metrics", metrics));
    }

    @SuppressWarnings("unchecked")
    private void poll()
    {
        try
        {
            for (int i = 0; i < 10; i++)  // drain what is queued, a few at a time
            {
                final Map<String, Object> job = call("GET", "/api/v1/agents/" + settings.agentId() + "/jobs/next", null);
                if (job == null || Boolean.TRUE.equals(job.get("no_jobs")) || job.get("job_id") == null)
                {
                    return;
                }
                final Map<String, Object> payload = job.get("payload") instanceof Map ? (Map<String, Object>)job.get("payload") : Map.of();
                final Map<String, Object> result = work(String.valueOf(job.get("type")), payload);
                if (call("POST", "/api/v1/agents/" + settings.agentId() + "/jobs/" + job.get("job_id") + "/result", result) != null)
                {
                    jobsDone.incrementAndGet();
                }
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.fine(() -> "agent poll failed: " + ex);
        }
    }

    private Map<String, Object> work(final String type, final Map<String, Object> payload)
    {
        final List<String> logs = new ArrayList<>();
        final Map<String, Object> result = new LinkedHashMap<>();
        boolean ok = true;
        switch (type)
        {
            case "compile":
            {
                final String fileName = String.valueOf(payload.get("file_name"));
                final byte[] source = download(String.valueOf(payload.get("source_url")));
                logs.add("MetaEditor (simulated): compiling " + fileName);
                if (source == null || !HexFormat.of().formatHex(sha256(source)).equals(payload.get("source_sha256")))
                {
                    logs.add("error: the source could not be fetched, or its SHA-256 is not the job's");
                    ok = false;
                }
                else if (!new String(source, StandardCharsets.UTF_8).contains("OnTick"))
                {
                    logs.add("error: 'OnTick' - event handler not found");
                    ok = false;
                }
                else
                {
                    final byte[] ex5 = compile(source);
                    final String ex5Name = fileName.replaceAll("\\.mq5$", "") + ".ex5";
                    logs.add("0 errors, 0 warnings");
                    logs.add("Output: " + ex5Name + " (" + ex5.length + " bytes)");
                    result.put("artifact_base64", Base64.getEncoder().encodeToString(ex5));
                    result.put("artifact_name", ex5Name);
                    result.put("artifact_sha256", HexFormat.of().formatHex(sha256(ex5)));
                    result.put("compilation_time_ms", 0);
                }
                break;
            }
            case "deploy":
            {
                final byte[] ex5 = download(String.valueOf(payload.get("ex5_url")));
                ok = ex5 != null && HexFormat.of().formatHex(sha256(ex5)).equals(payload.get("ex5_sha256"));
                logs.add(ok ? "copied " + payload.get("file_name") + " to MQL5/Experts and attached it to a " + payload.get("symbol") + " chart"
                    : "error: the EX5 could not be fetched, or its SHA-256 is not the job's");
                break;
            }
            case "run":
                synchronized (this)
                {
                    running.add(String.valueOf(payload.get("deployment_id")));
                }
                logs.add("EA started on " + payload.get("symbol"));
                break;
            case "stop":
                synchronized (this)
                {
                    running.remove(String.valueOf(payload.get("deployment_id")));
                }
                logs.add("EA stopped on " + payload.get("symbol"));
                break;
            default:
                logs.add("unknown job type " + type);
                ok = false;
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "completed" : "failed");
        body.put("result", result);
        body.put("logs", String.join("\n", logs));
        return body;
    }

    private byte[] download(final String url)
    {
        try
        {
            final HttpResponse<byte[]> response = client.send(authorised(HttpRequest.newBuilder(settings.baseUrl().resolve(url)))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? response.body() : null;
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

    /** A JSON call; the answer's object, or null when it failed. */
    private Map<String, Object> call(final String method, final String path, final Object body)
    {
        try
        {
            final HttpRequest.Builder request = authorised(HttpRequest.newBuilder(settings.baseUrl().resolve(path)))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(SimulatorJson.write(body)));
            final HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() < 300 ? SimulatorJson.parseObject(response.body()) : null;
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

    private HttpRequest.Builder authorised(final HttpRequest.Builder request)
    {
        return settings.agentKey() != null ? request.header("X-Agent-Key", settings.agentKey())
            : request.header("X-API-Key", settings.executorKey()).header("X-API-Secret", settings.executorSecret());
    }

    static byte[] sha256(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close()
    {
        thread.shutdownNow();
        try
        {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
