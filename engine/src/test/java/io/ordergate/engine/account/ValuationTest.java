package io.ordergate.engine.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;

/** Money in the account's currency, hand-computed; money has 2 digits (cents), half-even. */
class ValuationTest
{
    private static final String CONFIG = String.join("\n",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "  - { symbol: USDJPY, digits: 3, pip_size: 0.01, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: USD, quote_currency: JPY }",
        "  - { symbol: BTCUSD, digits: 2, pip_size: 1, contract_size: 1, lot_step: 0.001,",
        "      min_quantity: 0.001, max_quantity: 10, base_currency: BTC, quote_currency: USD }",
        "");

    private final Instruments instruments = new Instruments(ConfigLoader.parse(CONFIG, "valuation").instruments());
    private final Instrument eurusd = instruments.get(0);
    private final Instrument usdjpy = instruments.get(1);
    private final Instrument btcusd = instruments.get(2);
    private final Account usd = new Account(0, "usd", VenueKind.PAPER.code(), "USD", 10_000_000, 100, instruments.count(), 1);
    private final Account gbp = new Account(1, "gbp", VenueKind.PAPER.code(), "GBP", 10_000_000, 100, instruments.count(), 1);

    @Test
    void notionalInTheQuoteCurrency()
    {
        // 0.10 lot * 100000 * 1.08428 = 10842.80 USD
        assertEquals(1_084_280, Valuation.notional(usd, eurusd, 10, 108_428));
        // 0.001 BTC * 67265.00 = 67.265 -> 67.26 (half-even)
        assertEquals(6_726, Valuation.notional(usd, btcusd, 1, 6_726_500));
        // 0.003 BTC * 67265.00 = 201.795 -> 201.80
        assertEquals(20_180, Valuation.notional(usd, btcusd, 3, 6_726_500));
    }

    @Test
    void notionalWhenTheAccountCurrencyIsTheBaseNeedsNoPrice()
    {
        // 0.25 lot USDJPY = 25000 USD whatever the price
        assertEquals(2_500_000, Valuation.notional(usd, usdjpy, 25, 151_420));
        assertEquals(2_500_000, Valuation.notional(usd, usdjpy, 25, 1));
    }

    @Test
    void noConversionForOtherCurrencies()
    {
        assertFalse(Valuation.canValue(gbp, eurusd));
        assertTrue(Valuation.canValue(usd, usdjpy));
        assertEquals(Valuation.NO_CONVERSION, Valuation.notional(gbp, eurusd, 10, 108_428));
        assertEquals(Valuation.NO_CONVERSION, Valuation.pnl(gbp, eurusd, 1, 10, 108_428, 108_528));
        assertEquals(0, Valuation.margin(gbp, eurusd, 10, 108_428));
    }

    @Test
    void pnlOfLongsAndShortsInTheQuoteCurrency()
    {
        // long 0.10 from 1.08428 to 1.08528: 0.00100 * 10000 = 10.00
        assertEquals(1_000, Valuation.pnl(usd, eurusd, 1, 10, 108_428, 108_528));
        // short 0.10 over the same move: -10.00
        assertEquals(-1_000, Valuation.pnl(usd, eurusd, -1, 10, 108_428, 108_528));
        // long 0.001 BTC from 67265.00 to 67250.05: -14.95 * 0.001 = -0.01495 -> -0.01
        assertEquals(-1, Valuation.pnl(usd, btcusd, 1, 1, 6_726_500, 6_725_005));
    }

    @Test
    void pnlOfUsdJpyForAUsdAccountIsConvertedAtTheClosingPrice()
    {
        // long 1 lot from 150.000 to 151.000: 1.000 * 100000 = 100000 JPY; / 151.000 = 662.2516.. -> 662.25 USD
        assertEquals(66_225, Valuation.pnl(usd, usdjpy, 1, 100, 150_000, 151_000));
        // short 0.50 from 151.436 to 150.000: 1.436 * 50000 = 71800 JPY; / 150.000 = 478.6666.. -> 478.67 USD
        assertEquals(47_867, Valuation.pnl(usd, usdjpy, -1, 50, 151_436, 150_000));
    }

    @Test
    void marginIsNotionalOverLeverageAtTheMark()
    {
        // 0.10 lot at 1.08528: 10852.80 / 100 = 108.528 -> 108.53
        assertEquals(10_853, Valuation.margin(usd, eurusd, 10, 108_528));
        assertEquals(10_853, Valuation.margin(usd, eurusd, -10, 108_528), "a short holds the same margin");
        // 0.25 lot USDJPY = 25000 USD / 100 = 250.00
        assertEquals(25_000, Valuation.margin(usd, usdjpy, 25, 151_420));
    }

    @Test
    void unrealizedEquityAndMarginUsedOverOpenPositions()
    {
        eurusd.bid = 108_528;
        eurusd.ask = 108_536;
        usdjpy.bid = 151_000;
        usdjpy.ask = 151_016;
        usd.positions[0].quantity = 10;           // long 0.10 EURUSD at 1.08428: +10.00 at the bid
        usd.positions[0].openPrice = 108_428;
        usd.positions[0].openCost = 10 * 108_428L;
        usd.positions[1].quantity = -100;         // short 1 USDJPY at 152.016: (152.016 - 151.016) * 100000 / 151.016 = 662.18
        usd.positions[1].openPrice = 152_016;
        usd.positions[1].openCost = 100 * 152_016L;
        assertEquals(1_000, Valuation.unrealized(usd, eurusd, usd.positions[0]));
        assertEquals(66_218, Valuation.unrealized(usd, usdjpy, usd.positions[1]));
        assertEquals(0, Valuation.unrealized(usd, btcusd, usd.positions[2]), "flat");
        assertEquals(67_218, Valuation.unrealized(usd, instruments));
        assertEquals(10_000_000 + 67_218, Valuation.equity(usd, instruments));
        // 108.53 + 1000.00
        assertEquals(10_853 + 100_000, new AccountValues(instruments).marginUsed(usd), "at the account's leverage where no venue says otherwise");
    }
}
