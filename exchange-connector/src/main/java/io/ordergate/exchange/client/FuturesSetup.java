package io.ordergate.exchange.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueRequest;

/**
 * Sends one account's USDⓈ-M futures settings (seed 001's {@code trading_config}: position mode, margin type,
 * leverage) to its exchange, in that order (the position mode is account-wide and the exchange refuses to change it
 * under open positions, so it goes first). Each setting sets a value, so sending it again is harmless: a step whose
 * answer nobody read (timeout, 5xx) or that met a 429 is sent again after a back-off, and the exchange's "no need to
 * change" counts as done. A leverage above the symbol's highest at the exchange (Binance's leverage brackets, asked once
 * per symbol and kept) is refused before anything is sent. The outcome is reported ({@link VenueReports#settings}) and
 * completes the returned future, unless the account's connection closed underneath ({@link Outcome#linkClosed}).
 * Settings are sent as soon as asked: keeping one account's settings in the engine's journaled order is the caller's job,
 * done once per account across replaced connections (the gateway's {@code SettingsInOrder}), so a caller asking again
 * before the last outcome may see a later setting reach the exchange first. Thread safe: runs on the connector's scheduler.
 */
public final class FuturesSetup
{
    /**
     * How a setting ended. {@code linkClosed}: the account's connection was closed underneath it (its link replaced
     * by new credentials or settings); nothing was reported, and whoever replaced the link applies it there.
     */
    public record Outcome(boolean applied, String code, String message, boolean linkClosed)
    {
        Outcome(final boolean applied, final String code, final String message)
        {
            this(applied, code, message, false);
        }
    }

    private static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_RETRY_MILLIS = 250;

    private final ExchangeClient client;
    private final VenueReports reports;
    private final ScheduledExecutorService scheduler;

    public FuturesSetup(final ExchangeClient client, final VenueReports reports, final ScheduledExecutorService scheduler)
    {
        this.client = client;
        this.reports = reports;
        this.scheduler = scheduler;
    }

    /** Sends the settings' parts that are set; reports and completes with the outcome. */
    public CompletableFuture<Outcome> apply(final FuturesSettings settings)
    {
        final List<VenueRequest> steps = new ArrayList<>();
        if (settings.positionMode() != null)
        {
            steps.add(client.dialect().setPositionMode(settings.positionMode()));
        }
        if (settings.marginType() != null)
        {
            steps.add(client.dialect().setMarginType(settings.symbol(), settings.marginType()));
        }
        if (settings.leverage() != null)
        {
            steps.add(client.dialect().setLeverage(settings.symbol(), settings.leverage()));
        }
        final CompletableFuture<Outcome> done = new CompletableFuture<>();
        if (steps.contains(null))
        {
            done.complete(new Outcome(false, null, client.dialect().name() + " has no futures settings"));
        }
        else if (settings.leverage() != null)
        {
            leverageRefusal(settings).thenAccept(refusal ->
            {
                if (refusal != null)
                {
                    done.complete(refusal);
                }
                else
                {
                    step(steps, 0, 0, done);
                }
            });
        }
        else
        {
            step(steps, 0, 0, done);
        }
        return done.thenApply(outcome ->
        {
            if (!outcome.applied() && client.closed())
            {
                return new Outcome(false, outcome.code(), outcome.message(), true);  // not the exchange's word: not reported
            }
            reports.settings(settings, outcome.applied(), outcome.code(), outcome.message());
            return outcome;
        });
    }

    /**
     * Null when the leverage is within the symbol's highest at the exchange, or the exchange tells none (it then decides
     * alone); else the refusal, before any of the settings is sent, so none is half applied. A highest kept from an
     * earlier answer only lets a leverage through: a refusal is decided on a fresh answer, as the exchange may have
     * raised the symbol's brackets since.
     */
    private CompletableFuture<Outcome> leverageRefusal(final FuturesSettings settings)
    {
        final int leverage = settings.leverage();
        if (leverage <= client.knownMaxLeverage(settings.symbol()))
        {
            return CompletableFuture.completedFuture(null);
        }
        return client.askMaxLeverage(settings.symbol()).thenApply(max -> max == 0 || leverage <= max ? null
            : new Outcome(false, null, "leverage " + leverage + " is above " + settings.symbol() + "'s highest at the exchange, " + max
                + " (its leverage brackets); none of the settings was sent"));
    }

    private void step(final List<VenueRequest> steps, final int index, final int attempt, final CompletableFuture<Outcome> done)
    {
        if (index == steps.size())
        {
            done.complete(new Outcome(true, null, null));
            return;
        }
        client.send(steps.get(index)).thenAccept(answer ->
        {
            if (answer.ok())
            {
                step(steps, index + 1, 0, done);
                return;
            }
            // A ban refuses the settings now, as it refuses orders (VENUE_UNAVAILABLE), rather than holding them pending
            // for its length; every other passing refusal is sent again.
            final boolean passing = answer.outcome().temporary() && answer.outcome() != VenueAnswer.Outcome.BANNED;
            if (passing && attempt + 1 < MAX_ATTEMPTS && !client.closed())
            {
                final long delay = Math.max(answer.retryAfterMillis(), FIRST_RETRY_MILLIS << attempt);
                scheduler.schedule(() -> step(steps, index, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
                return;
            }
            done.complete(failed(answer));
        });
    }

    private static Outcome failed(final VenueAnswer answer)
    {
        return new Outcome(false, answer.code(), answer.text());
    }
}
