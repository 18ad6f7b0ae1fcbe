package io.ordergate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PrometheusTextTest
{
    @Test
    void shouldEscapeLabelValuesAndHelpAsTheExpositionFormatSays()
    {
        final String text = new String(new PrometheusText()
            .family("m_total", "counter", "a \\ help\nline")
            .sample("m_total", "gc", "G1 \"Young\"\\x\ny", 3)
            .sample("m_total", 0.25)
            .sample("m_total", Double.NaN)
            .toBytes(), StandardCharsets.UTF_8);
        assertEquals("# HELP m_total a \\\\ help\\nline\n# TYPE m_total counter\n" +
            "m_total{gc=\"G1 \\\"Young\\\"\\\\x\\ny\"} 3\nm_total 0.25\nm_total NaN\n", text);
    }
}
