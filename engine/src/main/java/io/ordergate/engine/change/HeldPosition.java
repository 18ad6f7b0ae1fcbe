package io.ordergate.engine.change;

/**
 * A position a venue holds itself (an MT5 ticket), as the venue's own table keeps it: noted with {@link
 * Changes#heldPosition} when a command changes it, described into a {@link PositionChange} at the command's end.
 * <b>Not thread safe</b>: engine thread.
 */
public interface HeldPosition
{
    /**
     * Fills everything but the account id and the time (set by {@link Changes}): id, symbol, digits, side, quantity
     * (0 once closed), prices, stops, {@code opened} when the command opened it and {@code closed} when it closed it.
     */
    void describe(PositionChange change, long commandMicros);
}
