package io.ordergate.engine.expert;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.venue.FuturesSettings;
import io.ordergate.engine.venue.Venue;

/**
 * Seed 001's {@code trading_config} and strategy {@code leverage} applied to an expert's futures exchange account: when an
 * expert is made or its strategy changes, the leverage, margin mode and position mode go to the account's venue as
 * futures settings for the expert's symbol (recorded, journaled with the command, sent by the connector). Checked
 * first, so a refusal changes nothing. On any other account (paper, MT5, an exchange's spot account: seed 001's body
 * names futures as a matter of course) they are kept on the expert only. Admin path: may allocate.
 * <b>Not thread safe</b>: engine thread.
 */
final class ExpertFutures
{
    private final EngineContext context;

    ExpertFutures(final EngineContext context)
    {
        this.context = context;
    }

    /**
     * Why the settings cannot be applied (the event is rejected on the field), or false when they can or there is
     * nothing to apply.
     *
     * @param futuresAsked  {@code trading_config.market_type} was {@code futures} (kept for the expert; not a reason to refuse)
     * @param leverageWire  the strategy's leverage at wire digits, or 0 when it is not being set
     */
    boolean refused(final CommandEvent event, final Account account, final boolean futuresAsked, final Instrument symbol, final long leverageWire,
        final int marginMode, final int positionMode)
    {
        // seed 001's body says market_type futures as a matter of course: on a paper, MT5 or spot account it is kept, not refused
        final boolean futures = context.venueOf(account).tradesFutures(account);
        if (!futures || leverageWire == 0 && marginMode == FuturesSettings.UNCHANGED && positionMode == FuturesSettings.UNCHANGED)
        {
            return false;
        }
        if (symbol == null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "strategy_config.symbol is needed to set the futures account's leverage and modes",
                "strategy_config.symbol");
            return true;
        }
        if (leverageWire != 0 && (leverageWire % ExpertRoom.WIRE_ONE != 0 || leverageWire / ExpertRoom.WIRE_ONE > FuturesSettings.MAX_LEVERAGE))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "leverage must be a whole number from 1 to " + FuturesSettings.MAX_LEVERAGE
                + " on a futures account", "strategy_config.leverage");
            return true;
        }
        return false;
    }

    /** Sends what {@link #refused} accepted (nothing on an account that does not trade futures). */
    void send(final CommandEvent event, final Account account, final Instrument symbol, final long leverageWire, final int marginMode,
        final int positionMode)
    {
        final Venue venue = context.venueOf(account);
        if (symbol == null || !venue.tradesFutures(account)
            || leverageWire == 0 && marginMode == FuturesSettings.UNCHANGED && positionMode == FuturesSettings.UNCHANGED)
        {
            return;
        }
        venue.futuresSettings(account, symbol, (int)(leverageWire / ExpertRoom.WIRE_ONE), marginMode, positionMode, event);
    }
}
