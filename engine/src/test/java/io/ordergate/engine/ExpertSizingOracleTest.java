package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;

/**
 * Seeded property test of an expert's sizing (docs/experts.md) against BigDecimal, through the engine: fixed, risk_based
 * (the size losing size_value% of equity at the stop) and percent_equity (size_value% of equity as margin at the
 * leverage); 8 decimals truncated, money at risk or margin truncated to the cent, one lot's loss or notional measured on a
 * million lots under 10,000,000.00, rounded down to the lot step, capped at max_quantity, refused below min_quantity.
 * A fresh engine per case (its equity is then its balance), so fewer cases than the pure properties. A failure names its
 * seed and case.
 */
class ExpertSizingOracleTest
{
    private static final long SEED = 0x657870L;
    private static final int CASES = 100;
    private static final int WIRE = NewOrderBody.WIRE_DIGITS;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal FINE_BELOW = new BigDecimal("10000000.00");
    private static final String CONFIG = EngineDriver.CONFIG
        + "  - { symbol: XRPUSD, digits: 4, pip_size: 0.0001, contract_size: 1, lot_step: 1,\n"
        + "      min_quantity: 1, max_quantity: 1000000, base_currency: XRP, quote_currency: USD }\n";
    /** symbol, price digits, contract size, quantity digits, lot step, min, max (instrument units). */
    private static final Object[][] SYMBOLS = {
        {"EURUSD", 5, 100_000L, 2, 1L, 1L, 10_000L}, {"XAUUSD", 2, 100L, 2, 1L, 1L, 5_000L},
        {"BTCUSD", 2, 1L, 3, 1L, 1L, 10_000L}, {"XRPUSD", 4, 1L, 0, 1L, 1L, 1_000_000L}};

    @Test
    void everyExpertOrdersSizeIsTheDocumentedRuleInBigDecimal()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        final int[] outcomes = new int[3];  // refused below the minimum, sized, refused by risk after sizing
        for (int i = 0; i < CASES; i++)
        {
            final Object[] symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
            final int priceDigits = (int)symbol[1];
            final int quantityDigits = (int)symbol[3];
            final int sizeType = 1 + random.nextInt(3);
            final long balanceCents = 100 + random.nextLong(random.nextBoolean() ? 100_000_000L : 9_000_000_000_000L);
            final long sizeValue = sizeType == ExpertBodies.SIZE_FIXED ? 1 + random.nextLong(100 * FixedPoint8.ONE)
                : 1 + random.nextLong(99 * FixedPoint8.ONE);
            final long leverage = (1 + random.nextInt(500)) * FixedPoint8.ONE;
            final long ask = 10 + random.nextLong((long)Math.pow(10, priceDigits + 5));
            final long distance = 1 + random.nextLong(Math.max(1, ask / (2 + random.nextInt(1000))));
            final String where = "seed " + SEED + " case " + i + ": " + ExpertBodies.SIZE_TYPE_NAMES[sizeType] + " " + symbol[0]
                + " balance " + balanceCents + " size_value " + sizeValue + " leverage " + leverage + " ask " + ask + " stop " + (ask - distance);

            final EngineDriver driver = new EngineDriver(ConfigLoader.parse(CONFIG, "test"));
            expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", BigDecimal.valueOf(balanceCents, 2).toPlainString(), 500));
            expect(ResultCode.ACCEPTED, driver.quote((String)symbol[0], BigDecimal.valueOf(ask - 1, priceDigits).toPlainString(),
                BigDecimal.valueOf(ask, priceDigits).toPlainString()));
            final CommandEvent order = RiskSizedBuys.expertBuy(driver, (String)symbol[0], sizeType, sizeValue, leverage,
                BigDecimal.valueOf(ask - distance, priceDigits).toPlainString());

            final BigDecimal equity = BigDecimal.valueOf(balanceCents, 2);
            final BigDecimal percent = BigDecimal.valueOf(sizeValue, WIRE);
            final BigDecimal contract = BigDecimal.valueOf((long)symbol[2]);
            final BigDecimal raw;
            if (sizeType == ExpertBodies.SIZE_FIXED)
            {
                raw = percent;
            }
            else
            {
                final BigDecimal money = equity.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                final BigDecimal perLot = sizeType == ExpertBodies.SIZE_RISK_BASED
                    ? BigDecimal.valueOf(distance, priceDigits).multiply(contract) : BigDecimal.valueOf(ask, priceDigits).multiply(contract);
                final BigDecimal lots = perLot.setScale(2, RoundingMode.HALF_EVEN).compareTo(FINE_BELOW) < 0 ? MILLION : BigDecimal.ONE;
                final BigDecimal measured = perLot.multiply(lots).setScale(2, RoundingMode.HALF_EVEN);
                final BigDecimal scaled = sizeType == ExpertBodies.SIZE_RISK_BASED ? money : money.multiply(BigDecimal.valueOf(leverage, WIRE));
                raw = scaled.multiply(lots).divide(measured, WIRE, RoundingMode.DOWN);
            }
            final BigDecimal step = BigDecimal.valueOf((long)symbol[4], quantityDigits);
            final BigDecimal max = BigDecimal.valueOf((long)symbol[6], quantityDigits);
            final long expected = raw.divide(step, 0, RoundingMode.FLOOR).multiply(step).min(max).movePointRight(quantityDigits).longValueExact();
            final String trace = where + ": raw " + raw + ", answer " + order.result + " " + order.resultMessage;
            if (expected < (long)symbol[5])
            {
                assertEquals(ResultCode.SIZE_BELOW_MINIMUM, order.result, trace);
                outcomes[0]++;
            }
            else if (order.result == ResultCode.CREATED)
            {
                assertEquals(expected, order.order.quantity, trace);
                outcomes[1]++;
            }
            else
            {
                // sized, then refused by the account's risk (margin): the rejected order keeps the rule's size
                assertTrue(order.result.code() >= ResultCode.RISK_MAX_ORDER_QUANTITY.code(), trace);
                assertEquals(expected, order.order.quantity, trace);
                outcomes[2]++;
            }
        }
        assertTrue(outcomes[0] > 0 && outcomes[1] > CASES / 2, () -> "too few of an outcome: " + Arrays.toString(outcomes));
    }

    private static final class FixedPoint8
    {
        static final long ONE = 100_000_000L;
    }
}
