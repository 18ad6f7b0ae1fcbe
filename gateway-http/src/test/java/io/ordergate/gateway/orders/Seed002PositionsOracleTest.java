package io.ordergate.gateway.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.ordergate.fixed.FixedPoint;

/**
 * Seeded property test of seed 002's position names against BigDecimal: the engine's exact decimals (8-digit quantity,
 * prices, PnL) come back as the same numbers, and {@code units} is exactly quantity × contract size, as plain JSON
 * numbers; never through a double. A failure names its seed and case.
 */
class Seed002PositionsOracleTest
{
    private static final long SEED = 0x736565643032L;
    private static final int CASES = 2_000;
    private static final Pattern EXPONENT = Pattern.compile("[0-9][eE]");
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Seed002Positions seed002 = new Seed002Positions(Map.of("EURUSD", 100_000L, "BTCUSD", 1L));

    @Test
    void everyDecimalComesBackExactAndUnitsAreQuantityTimesContractSize() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++)
        {
            final boolean euro = random.nextBoolean();
            final String quantity = FixedPoint.toString(1 + random.nextLong(1L << random.nextInt(1, 62)), 8);
            final String price = FixedPoint.toString(random.nextLong(1L << random.nextInt(1, 62)), 8);
            final String pnl = FixedPoint.toString(random.nextLong() >> random.nextInt(64), 2);
            final String json = "[{\"position_id\":7,\"symbol\":\"" + (euro ? "EURUSD" : "BTCUSD") + "\",\"quantity\":" + quantity
                + ",\"open_price\":" + price + ",\"unrealized_pnl\":" + pnl + "}]";
            final String where = "seed " + SEED + " case " + i + ": " + json;
            final byte[] in = json.getBytes(StandardCharsets.UTF_8);
            final String out = new String(seed002.withSeedNames(in, in.length), StandardCharsets.UTF_8);
            final JsonNode position = EXACT.readTree(out).get(0);
            assertEquals(0, new BigDecimal(quantity).compareTo(position.get("quantity").decimalValue()), where + " -> " + out);
            assertEquals(0, new BigDecimal(price).compareTo(position.get("open_price").decimalValue()), where + " -> " + out);
            assertEquals(0, new BigDecimal(pnl).compareTo(position.get("pnl").decimalValue()), where + " -> " + out);
            final BigDecimal units = new BigDecimal(quantity).multiply(BigDecimal.valueOf(euro ? 100_000 : 1));
            assertEquals(0, units.compareTo(position.get("units").decimalValue()), where + " -> " + out);
            assertTrue(!EXPONENT.matcher(out).find(), where + ": a number in exponent form: " + out);
        }
    }

    /** The property's first find: the route re-rendered every number through a double (exponents, lost digits). */
    @Test
    void aPositionsLargeAndSmallDecimalsKeepEveryDigitInPlainForm()
    {
        final String json = "[{\"position_id\":7,\"symbol\":\"EURUSD\",\"quantity\":12345678901.23456789,"
            + "\"open_price\":0.00017573,\"unrealized_pnl\":65380551.18}]";
        final byte[] in = json.getBytes(StandardCharsets.UTF_8);
        final String out = new String(seed002.withSeedNames(in, in.length), StandardCharsets.UTF_8);
        assertTrue(out.contains("\"quantity\":12345678901.23456789,"), out);
        assertTrue(out.contains("\"open_price\":0.00017573,"), out);
        assertTrue(out.contains("\"pnl\":65380551.18}"), out);
        assertTrue(out.contains("\"units\":1234567890123456.789,"), out);
    }
}
