package io.ordergate.gateway.ea;

import java.io.IOException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.json.RequestReader;

/**
 * Serves an artifact's bytes at its {@code download_url}: the engine says whether the caller may have it (GET_ARTIFACT,
 * through the ring), then an artifact worker reads the content-addressed file, checks its SHA-256 and answers it as
 * {@code application/octet-stream} with its file name. A file missing or changed on disk is 404 / 409, never wrong
 * bytes. Thread safe (reply thread, then a worker).
 */
final class ArtifactDownloads implements ReplyTarget
{
    private final ArtifactStore artifacts;

    ArtifactDownloads(final ArtifactStore artifacts)
    {
        this.artifacts = artifacts;
    }

    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        final Deferred deferred = (Deferred)event.attachment;
        if (event.type == null || event.result == null || !event.result.isSuccess())
        {
            deferred.error(event.result == null ? ResultCode.JOURNAL_FAILED : event.result, event.resultMessage, event.resultField);
            return;
        }
        final byte[] answer = new byte[event.outputLength];
        event.output.getBytes(0, answer);
        // in the engine's order: a recompile answered after this read releases the old file only once it is read
        artifacts.runInOrder(deferred, () -> serve(answer, deferred));
    }

    private void serve(final byte[] answer, final Deferred deferred)
    {
        String sha = null;
        String fileName = "artifact";
        String url = null;
        try (JsonParser parser = RequestReader.FACTORY.createParser(answer))
        {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                parser.nextToken();
                switch (name)
                {
                    case "sha256": sha = parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getText(); break;
                    case "file_name": fileName = parser.getText(); break;
                    case "download_url": url = parser.getText(); break;
                    default: parser.skipChildren();
                }
            }
        }
        catch (final IOException ex)
        {
            deferred.error(ResultCode.JOURNAL_FAILED, "the artifact could not be read", null);
            return;
        }
        if (sha == null)
        {
            deferred.error(ResultCode.CONFLICT, "this artifact is kept by its agent, not by the gateway: " + url, "artifact_id");
            return;
        }
        final byte[] bytes = artifacts.get(HexFormat.of().parseHex(sha));
        if (bytes == null)
        {
            deferred.error(ResultCode.NOT_FOUND, "the artifact's file is missing from the data directory or was changed", "artifact_id");
            return;
        }
        deferred.file(bytes, "application/octet-stream", HttpHeaderNames.CONTENT_DISPOSITION,
            "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    }
}
