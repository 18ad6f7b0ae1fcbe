package io.ordergate.engine.command;

/**
 * The journaled bodies of outbound webhooks (issue 12), beside the layout the handlers read back. Strings are
 * ASCII (ids, URLs, event ids); the secret is journaled only sealed (AES-256-GCM under the master key).
 * Safe from any thread (stateless).
 *
 * <pre>
 *   WEBHOOK_CREATE   webhook id | url | events mask (int) | sealed secret | account count (int) | account ids...
 *                    [| expert id: seed 001's registration for an expert's account; absent in older journals]
 *   WEBHOOK_DELETE   webhook id
 *   WEBHOOK_OUTCOME  webhook id | event id | attempt (int) | outcome (byte) | http status (int, 0: none)
 *                    | next attempt (long, epoch micros; 0: none) | error (string, may be empty)
 *   WEBHOOK_EVENT    kind (byte) | account id | subject id | subject time (long, epoch micros)
 * </pre>
 */
public final class WebhookBodies
{
    /** Outcomes of a delivery attempt, journaled: never renumber. */
    public static final int OUTCOME_RETRY = 1;
    public static final int OUTCOME_DELIVERED = 2;
    public static final int OUTCOME_GAVE_UP = 3;

    /** Kinds of WEBHOOK_EVENT (events no other command carries), journaled: never renumber. */
    public static final int EVENT_EXECUTOR_OFFLINE = 1;

    private WebhookBodies()
    {
    }

    public static void create(final BodyWriter writer, final String webhookId, final String url, final int events, final String sealedSecret,
        final java.util.List<String> accountIds)
    {
        writer.putString(webhookId).putString(url).putInt(events).putString(sealedSecret).putInt(accountIds.size());
        for (final String accountId : accountIds)
        {
            writer.putString(accountId);
        }
    }

    /** A registration for an expert (seed 001): no accounts named, the expert's own is the one. */
    public static void createForExpert(final BodyWriter writer, final String webhookId, final String url, final int events,
        final String sealedSecret, final String expertId)
    {
        create(writer, webhookId, url, events, sealedSecret, java.util.List.of());
        writer.putString(expertId);
    }

    /** Whether a WEBHOOK_CREATE body read up to {@code position} goes on with an expert id. */
    public static boolean hasExpert(final org.agrona.DirectBuffer frame, final int position)
    {
        return position < CommandFrame.BODY_OFFSET + frame.getInt(CommandFrame.BODY_LENGTH_OFFSET);
    }

    public static void delete(final BodyWriter writer, final String webhookId)
    {
        writer.putString(webhookId);
    }

    public static void outcome(final BodyWriter writer, final String webhookId, final String eventId, final int attempt, final int outcome,
        final int httpStatus, final long nextAttemptMicros, final String error)
    {
        writer.putString(webhookId).putString(eventId).putInt(attempt).putByte(outcome).putInt(httpStatus).putLong(nextAttemptMicros)
            .putString(error);
    }

    public static void event(final BodyWriter writer, final int kind, final String accountId, final String subjectId, final long subjectMicros)
    {
        writer.putByte(kind).putString(accountId).putString(subjectId).putLong(subjectMicros);
    }
}
