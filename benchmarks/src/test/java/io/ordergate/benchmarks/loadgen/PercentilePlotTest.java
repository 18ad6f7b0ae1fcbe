package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PercentilePlotTest
{
    private static Histogram latencies(final long baseNanos, final int count)
    {
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < count; i++)
        {
            histogram.recordValue(baseNanos + (i % 100) * 1_000L + (i == count - 1 ? 5_000_000L : 0));
        }
        return histogram;
    }

    @Test
    void shouldWriteWellFormedSvgWithOneLineForEachSeriesInsideThePlot() throws Exception
    {
        final String svg = PercentilePlot.svg("Latency <gateway & baseline>", List.of(
            new PercentilePlot.Series("gateway POST /api/v1/orders", latencies(200_000, 50_000)),
            new PercentilePlot.Series("baseline Netty hello world (GET /)", latencies(50_000, 50_000))));

        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        final Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertEquals("svg", document.getDocumentElement().getLocalName());
        final NodeList lines = document.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        assertEquals("gateway POST /api/v1/orders", ((Element)lines.item(0)).getAttribute("data-series"));
        assertEquals("baseline Netty hello world (GET /)", ((Element)lines.item(1)).getAttribute("data-series"));
        for (int i = 0; i < lines.getLength(); i++)
        {
            final String[] points = ((Element)lines.item(i)).getAttribute("points").split(" ");
            assertTrue(points.length > 20, "a curve, not a dot: " + points.length);
            double lastX = -1;
            for (final String point : points)
            {
                final double x = Double.parseDouble(point.split(",")[0]);
                final double y = Double.parseDouble(point.split(",")[1]);
                assertTrue(x >= 80 && x <= 770 && y >= 50 && y <= 420, "inside the plot area: " + point);
                assertTrue(x >= lastX, "percentiles increase along x");
                lastX = x;
            }
        }
        assertTrue(svg.contains("99.9%") && svg.contains("99.99%"), "log 1/(1-p) ticks are labelled");
    }

    @Test
    void shouldPlaceNinetyNinePercentTwiceAsFarAsNinetyPercent()
    {
        final List<double[]> points = PercentilePlot.points(latencies(100_000, 100_000));

        // x = log10(1/(1-p)): 90% -> 1, 99% -> 2; the last point is the max at 1 - 1/count.
        boolean sawNinety = false;
        for (final double[] point : points)
        {
            sawNinety |= Math.abs(point[0] - 1.0) < 0.05;
        }
        assertTrue(sawNinety);
        final double[] last = points.get(points.size() - 1);
        assertTrue(last[0] >= 5.0 && last[0] >= points.get(points.size() - 2)[0], "the max is drawn last, at or past 1 - 1/count");
        assertEquals(5_199.0, last[1], 5.0);
    }
}
