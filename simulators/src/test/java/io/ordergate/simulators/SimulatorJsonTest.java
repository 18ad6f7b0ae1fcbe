package io.ordergate.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SimulatorJsonTest
{
    @Test
    void shouldReadDecimalsExactlyNeverThroughADouble() throws IOException
    {
        final Map<String, Object> parsed = SimulatorJson.parseObject("{\"price\": 0.1000000000000000055511151231257827, \"qty\": \"0.00100000\"}");
        assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), parsed.get("price"));
        assertEquals(new BigDecimal("0.00100000"), SimulatorJson.decimal(parsed.get("qty")));
    }

    @Test
    void shouldRefuseDuplicateKeysAndNonObjects()
    {
        assertThrows(IOException.class, () -> SimulatorJson.parseObject("{\"a\": 1, \"a\": 2}"));
        assertThrows(IOException.class, () -> SimulatorJson.parseObject("[1, 2]"));
    }

    @Test
    void shouldWriteDecimalsPlainAndKeepKeyOrder()
    {
        final Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", new BigDecimal("1E-8"));
        value.put("a", List.of(new BigDecimal("1E+3"), "x\"y"));
        assertEquals("{\"z\":0.00000001,\"a\":[1000,\"x\\\"y\"]}", SimulatorJson.write(value));
    }
}
