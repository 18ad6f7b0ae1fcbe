package io.ordergate.gateway.executors;

import java.security.SecureRandom;
import java.util.Locale;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.CommandPriority;
import io.ordergate.mt5.ExecutorBodies;
import io.ordergate.mt5.ExecutorCommandType;

/**
 * Stateless; these paths allocate. The executor admin routes' requests (snake_case bodies, unknown fields refused)
 * as command bodies: creating an executor with its credentials, sending it a control command, and the bodies that
 * name one executor or none. The executors' own messages are
 * {@link Heartbeat}, {@link CommandResult} and {@link TradeReport}.
 */
public final class ExecutorRequests
{
    public static final String EXECUTOR_KEY_PREFIX = "exe_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private ExecutorRequests()
    {
    }

    // ---- bodies ----

    public record Id(String executorId) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.executorId(writer, executorId);
        }
    }

    public record Empty() implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
        }
    }

    public record CreateExecutor(String executorId, String name, String platform, String accountId, String apiKey, String apiSecret,
        byte[] secretHash) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.createExecutor(writer, executorId, name, platform, accountId, apiKey, secretHash);
        }

        @Override
        public String toString()
        {
            return "CreateExecutor{" + executorId + ", " + accountId + "}";  // never the secret
        }
    }

    public record Command(String executorId, ExecutorCommandType type, CommandPriority priority, byte[] parameters) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.executorCommand(writer, executorId, type, priority, parameters, parameters.length);
        }
    }

    // ---- admin routes (snake_case) ----

    /** POST /api/v1/executors: {"name", "platform"?, "account_id", "executor_id"?}. Makes the credentials. */
    public static CreateExecutor createExecutor(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String executorId = null;
        String name = null;
        String platform = "MT5";
        String accountId = null;
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "executor_id": executorId = SeedFields.id(in, field); break;
                case "name": name = SeedFields.text(in, field); break;
                case "platform": platform = SeedFields.text(in, field); break;
                case "account_id": accountId = SeedFields.id(in, field); break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (name == null || name.isEmpty())
        {
            throw BadRequest.validation("name", "name is required");
        }
        if (accountId == null)
        {
            throw BadRequest.validation("account_id", "account_id is required");
        }
        if (platform == null || !(platform.equals("MT5") || platform.equals("MT4")))
        {
            throw BadRequest.validation("platform", "platform must be MT5 or MT4");
        }
        final String id = executorId != null ? executorId : EXECUTOR_KEY_PREFIX + random(16);
        final String secret = Secrets.newSecret();
        return new CreateExecutor(id, name, platform, accountId, EXECUTOR_KEY_PREFIX + random(24), secret, Secrets.hash(secret));
    }

    /** POST /api/v1/executors/{executor_id}/commands: {"command", "parameters"?: {}, "priority"?: "NORMAL"}. */
    public static Command command(final String executorId, final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String command = null;
        String priorityName = null;
        byte[] parameters = new byte[0];
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "command": command = SeedFields.text(in, field); break;
                case "priority": priorityName = SeedFields.text(in, field); break;
                case "parameters":
                    final byte[] raw = in.isNull() ? null : in.rawObject(field, ExecutorBodies.MAX_RAW_JSON);
                    parameters = raw == null ? parameters : raw;
                    break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (command == null)
        {
            throw BadRequest.validation("command", "command is required");
        }
        // API.md's enumerations come in any letter case; the executors are sent them as written there (upper case)
        final ExecutorCommandType type = ExecutorCommandType.fromName(command.toUpperCase(Locale.ROOT));
        if (type == null || !type.isControl())
        {
            throw BadRequest.validation("command", "command must be one of GET_STATUS, PAUSE, RESUME, STOP_ALL, CLOSE_ALL_POSITIONS, RESTART");
        }
        final CommandPriority priority = priorityName == null ? CommandPriority.NORMAL : CommandPriority.fromName(priorityName.toUpperCase(Locale.ROOT));
        if (priority == null)
        {
            throw BadRequest.validation("priority", "priority must be one of URGENT, HIGH, NORMAL, LOW");
        }
        return new Command(executorId, type, priority, parameters);
    }

    private static String random(final int length)
    {
        final char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = LOWER_ALNUM[RANDOM.nextInt(LOWER_ALNUM.length)];
        }
        return new String(chars);
    }
}
