package io.ordergate.exchange.spi;

/**
 * The USDⓈ-M futures settings seed 001's {@code trading_config} asks for, for one symbol of one account: each part null
 * when it is to be left as it is. The position mode is account-wide on the exchange. Immutable: safe from any thread.
 *
 * @param leverage     1 and up (the exchange caps it per symbol), or null
 * @param marginType   isolated or cross margin, or null
 * @param positionMode one-way or hedge (both sides at once), or null
 */
public record FuturesSettings(String symbol, Integer leverage, MarginType marginType, PositionMode positionMode)
{
    /** How a position's margin is held. */
    public enum MarginType
    {
        ISOLATED, CROSSED
    }

    /** One position per symbol, or a long and a short at once (seed 001's {@code hedge}). */
    public enum PositionMode
    {
        ONE_WAY, HEDGE
    }
}
