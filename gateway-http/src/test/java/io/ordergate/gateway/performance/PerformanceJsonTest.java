package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.view.JsonWriter;

/**
 * A performance figure past a long at its scale (a return of more than 92 billion percent on a deposit of a cent, a
 * profit factor on a loss of a cent) is written exactly, not refused with a 500 as before 2026-12-06.
 */
class PerformanceJsonTest
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
    private final JsonWriter json = new JsonWriter();

    @Test
    void shouldWriteARatioPastALongExactly()
    {
        assertEquals("[10000000000000,123456789012.34567891,-92233720368.54775808,1.5,null]", written(
            new BigDecimal("1E+13"), new BigDecimal("123456789012.345678912"), new BigDecimal("-92233720368.54775808"),
            new BigDecimal("1.50000000"), null));
    }

    @Test
    void shouldWriteMoneyPastALongExactly()
    {
        json.wrap(buffer, 0).startArray();
        PerformanceJson.money(json, new BigDecimal("92233720368547758.08"));
        PerformanceJson.money(json, new BigDecimal("-123456789012345678901.005"));
        PerformanceJson.money(json, new BigDecimal("10.10"));
        json.endArray();
        assertEquals("[92233720368547758.08,-123456789012345678901,10.1]", buffer.getStringWithoutLengthAscii(0, json.length()));
    }

    private String written(final BigDecimal... ratios)
    {
        json.wrap(buffer, 0).startArray();
        for (final BigDecimal ratio : ratios)
        {
            PerformanceJson.ratio(json, ratio);
        }
        json.endArray();
        return buffer.getStringWithoutLengthAscii(0, json.length());
    }
}
