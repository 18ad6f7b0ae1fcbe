package io.ordergate.gateway.ea;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.ordergate.config.EaConfig;
import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.ReplyListener;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.SplicedField;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.executors.ExecutorKeys;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.mt5.ea.EaBodies;

/**
 * Seed 002's EA routes, with a bearer token or an API key (a user sees only their own): projects, generation (the
 * source made by the configured {@link EaGenerator} and stored on the artifact workers, within
 * {@code ea.generations_per_hour}), compile (a job for an agent), a version's artifacts, and the artifacts' bytes at
 * their {@code download_url} (also for an agent with {@code X-Agent-Key}). Thread safe.
 */
public final class EaRoutes implements Feature
{
    private final Accesses access;
    private final EaConfig config;
    private final ArtifactStore artifacts;
    private final EaGenerator generator;
    private final List<String> symbols;
    private final GenerationLimiter limiter;
    private final ArtifactDownloads downloads;
    private final Access downloaders;

    public EaRoutes(final Accesses access, final EaConfig config, final List<InstrumentSpec> instruments, final ArtifactStore artifacts,
        final ExecutorKeys keys)
    {
        this.access = access;
        this.config = config;
        this.artifacts = artifacts;
        this.generator = EaGenerators.named(config.generator());
        this.symbols = instruments.stream().map(InstrumentSpec::symbol).toList();
        this.limiter = new GenerationLimiter(config.generationsPerHour());
        this.downloads = new ArtifactDownloads(artifacts);
        this.downloaders = new Downloaders(keys, access.scope(Scope.READ));
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/ea/projects", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.LIST_EA_PROJECTS, PageQuery.read(exchange.query()), Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/ea/projects", access.scope(Scope.TRADE), BodyKind.JSON,
                exchange -> exchange.publish(CommandType.CREATE_EA_PROJECT, EaRequests.project(exchange.json(), exchange.body(), exchange.bodyLength()),
                    Answers.ENGINE_JSON)))
            .add(Route.get("/api/v1/ea/projects/{project_id}/versions", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.LIST_EA_VERSIONS, PageQuery.read(id(exchange, "project_id"), exchange.query()),
                    Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/ea/generate", access.scope(Scope.TRADE), BodyKind.JSON, this::generate))
            .add(Route.post("/api/v1/ea/versions/{version_id}/compile", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON, this::compile))
            .add(Route.get("/api/v1/ea/versions/{version_id}/artifacts", access.scope(Scope.READ), this::artifacts))
            .add(Route.get("/api/v1/ea/artifacts/{artifact_id}/download", downloaders, this::download));
    }

    /** The reply-stage part: the generation limit rebuilt from the journal. */
    public ReplyListener listener()
    {
        return limiter;
    }

    private void generate(final Exchange exchange) throws BadRequest
    {
        final EaRequests.Generate request = EaRequests.generate(exchange.json(), exchange.body(), exchange.bodyLength(), config.maxDescriptionChars());
        final int principal = exchange.caller().principal();
        final int retryAfter = limiter.acquire(principal, System.currentTimeMillis());
        if (retryAfter > 0)
        {
            throw new BadRequest(ResultCode.RATE_LIMIT_EXCEEDED, "at most " + limiter.perHour() + " EA generations an hour", null, retryAfter);
        }
        final Deferred deferred = exchange.defer();
        artifacts.runFor(deferred, () -> generateThenPublish(request, principal, deferred));
    }

    /** On an artifact worker: generate, store the source, then publish EA_GENERATE (or answer 400 with what was not understood). */
    private void generateThenPublish(final EaRequests.Generate request, final int principal, final Deferred deferred)
    {
        final EaGenerator.Generated generated;
        try
        {
            generated = generator.generate(request.description(), symbols);
        }
        catch (final EaGenerator.NotUnderstood ex)
        {
            deferred.error(ResultCode.VALIDATION_ERROR, ex.getMessage(), "strategy_description");
            return;
        }
        catch (final RuntimeException ex)
        {
            deferred.error(ResultCode.VENUE_UNAVAILABLE, "the EA generator failed: " + ex.getClass().getSimpleName(), null);
            return;
        }
        final byte[] source = generated.source().getBytes(StandardCharsets.UTF_8);
        if (source.length > artifacts.maxBytes())
        {
            deferred.error(ResultCode.PAYLOAD_TOO_LARGE, "the generated source is larger than ea.max_artifact_bytes", null);
            return;
        }
        final byte[] sha = artifacts.put(source);
        deferred.publish(CommandType.EA_GENERATE, principal, writer -> EaBodies.generate(writer, request.projectId(), sha, source.length,
            generated.fileName(), generator.name(), generated.understood()), SplicedField.of("source_code", generated.source()));
    }

    private void artifacts(final Exchange exchange) throws BadRequest
    {
        final String versionId = id(exchange, "version_id");
        exchange.publish(CommandType.EA_ARTIFACTS, writer -> EaBodies.id(writer, versionId), Answers.ENGINE_JSON);
    }

    private void compile(final Exchange exchange) throws BadRequest
    {
        final String versionId = id(exchange, "version_id");
        final String agentId = EaRequests.agentId(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.EA_COMPILE, writer -> EaBodies.compile(writer, versionId, agentId), Answers.ENGINE_JSON);
    }

    private void download(final Exchange exchange) throws BadRequest
    {
        final String artifactId = id(exchange, "artifact_id");
        final String agentId = exchange.caller() instanceof ExecutorKeys.Entry ? ((ExecutorKeys.Entry)exchange.caller()).executorId() : "";
        final int principal = exchange.caller().principal();
        final Deferred deferred = exchange.defer();
        if (!deferred.publishTo(CommandType.GET_ARTIFACT, principal, writer -> EaBodies.artifact(writer, artifactId, agentId), downloads, deferred))
        {
            deferred.error(ResultCode.OVERLOADED, null, null);
        }
    }

    static String id(final Exchange exchange, final String name) throws BadRequest
    {
        return exchange.path().clientId(name, Ids.MAX_LENGTH, ResultCode.NOT_FOUND, name.replace("_id", "") + " not found");
    }
}
