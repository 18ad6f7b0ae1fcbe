package io.ordergate.gateway.agents;

import java.util.HexFormat;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ea.EaBodies;

/**
 * A job's result as seed 002's agent posts it: {@code {"status": "completed"|"failed", "result": {...}, "logs": "..."}}
 * ({@code logs} may also be an array of lines). A compile's EX5 comes in {@code result.artifact_base64} (with
 * {@code artifact_name} and, to be checked, {@code artifact_sha256}); an agent that stored it elsewhere gives
 * {@code result.artifact_url}. Other fields are the agent's own and are ignored. The EX5's bytes are decoded, hashed
 * and stored off the event loop ({@link AgentRoutes}); the command carries the hash. Immutable once parsed.
 */
record JobResult(String agentId, String jobId, boolean completed, String logs, String artifactBase64, String artifactName,
    byte[] expectedSha256, String artifactUrl, byte[] result)
{
    static final int MAX_LOGS = 16_384;
    private static final int MAX_RAW_RESULT = 4096;

    /** The command, once the artifact (if any) is stored with this hash and size. */
    RequestBody command(final byte[] sha256, final long size)
    {
        final boolean artifact = sha256 != null || artifactUrl != null;
        return writer -> encode(writer, artifact, sha256, size);
    }

    private void encode(final BodyWriter writer, final boolean artifact, final byte[] sha256, final long size)
    {
        EaBodies.jobResult(writer, agentId, jobId, completed ? EaBodies.RESULT_COMPLETED : EaBodies.RESULT_FAILED, logs, artifact,
            sha256 == null ? new byte[0] : sha256, size, artifactName == null ? "" : artifactName, artifactUrl == null ? "" : artifactUrl, result);
    }

    /**
     * The bytes {@code artifact_base64} decodes to at most, to refuse a too large EX5 before decoding it: 6 bits per
     * base64 digit. Line breaks and padding, which the MIME decoder skips, do not count (its length * 3 / 4 did: an
     * EX5 of exactly {@code ea.max_artifact_bytes} whose size is not a multiple of 3 was refused 413).
     */
    long artifactBytesAtMost()
    {
        long digits = 0;
        for (int i = 0; i < artifactBase64.length(); i++)
        {
            final char c = artifactBase64.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')
            {
                digits++;
            }
        }
        return digits * 6 / 8;
    }

    static JobResult parse(final String agentId, final String jobId, final RequestReader in, final byte[] body, final int length)
        throws BadRequest
    {
        final Fields f = new Fields();
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "status":
                    final String status = in.string(field, 32);
                    f.status = "completed".equals(status) || "success".equals(status) ? 1 : "failed".equals(status) || "error".equals(status) ? 2 : -1;
                    if (f.status < 0)
                    {
                        in.fail(field, "status must be completed or failed");
                    }
                    break;
                case "logs": f.logs = logs(in, field); break;
                case "result":
                    if (!in.isNull() && in.expectObject(field))
                    {
                        result(in, f);
                    }
                    break;
                default: in.ignore();
            }
        }
        in.finish();
        if (f.status <= 0)
        {
            throw BadRequest.validation("status", "status is required (completed or failed)");
        }
        return new JobResult(agentId, jobId, f.status == 1, f.logs, f.base64, f.name, f.sha, f.url, f.raw);
    }

    private static void result(final RequestReader in, final Fields f) throws BadRequest
    {
        final int start = in.valueStart();
        while (in.nextField())
        {
            final String name = in.fieldName();
            switch (name)
            {
                case "artifact_base64": f.base64 = in.isNull() ? null : in.string(name, Integer.MAX_VALUE); break;
                case "artifact_name": f.name = in.string(name, 128); break;
                case "artifact_url": f.url = in.string(name, 1024); break;
                case "artifact_sha256":
                    final String hex = in.string(name, 64);
                    if (hex != null && !hex.matches("[0-9a-fA-F]{64}"))
                    {
                        in.fail(name, "artifact_sha256 must be 64 hex digits");
                    }
                    f.sha = hex == null || !hex.matches("[0-9a-fA-F]{64}") ? null : HexFormat.of().parseHex(hex);
                    break;
                default: in.ignore();
            }
        }
        final int end = in.valueEnd(start);
        if (f.base64 == null && end - start > MAX_RAW_RESULT)
        {
            // kept whole in the journal or refused: never cut short (it used to be dropped without a word)
            throw new BadRequest(ResultCode.PAYLOAD_TOO_LARGE, "result is at most " + MAX_RAW_RESULT
                + " bytes (an EX5 goes in result.artifact_base64, logs in logs)", "result");
        }
        f.raw = f.base64 == null ? in.copy(start, end) : new byte[0];
    }

    /** A text, or an array of lines (strings, or objects whose "message" is taken), joined by newlines; bounded. */
    private static String logs(final RequestReader in, final String field) throws BadRequest
    {
        if (in.isNull())
        {
            return "";
        }
        final String text;
        if (in.token() == com.fasterxml.jackson.core.JsonToken.START_ARRAY)
        {
            final StringBuilder lines = new StringBuilder();
            while (in.nextElement())
            {
                final String line = in.token() == com.fasterxml.jackson.core.JsonToken.START_OBJECT ? message(in) : in.string(field, MAX_LOGS);
                lines.append(lines.length() > 0 ? "\n" : "").append(line == null ? "" : line);
            }
            text = lines.toString();
        }
        else
        {
            text = in.string(field, Integer.MAX_VALUE);
        }
        if (text != null && text.length() > MAX_LOGS)
        {
            throw new BadRequest(ResultCode.VALIDATION_ERROR, "logs is at most " + MAX_LOGS + " characters", field);
        }
        return text == null ? "" : text;
    }

    private static String message(final RequestReader in) throws BadRequest
    {
        String message = null;
        while (in.nextField())
        {
            if (in.fieldName().equals("message"))
            {
                message = in.string("logs", MAX_LOGS);
            }
            else
            {
                in.ignore();
            }
        }
        return message;
    }

    /** What a result says, as it is read. */
    private static final class Fields
    {
        int status;
        String logs = "";
        String base64;
        String name;
        byte[] sha;
        String url;
        byte[] raw = new byte[0];
    }
}
