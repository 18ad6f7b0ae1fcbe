package io.ordergate.benchmarks.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Latency by percentile as a hand-written SVG, drawn like HdrHistogram's plotter: the x axis is
 * {@code 1/(1-p)} on a log scale (so 90%, 99%, 99.9%, 99.99% are equally spaced), the y axis latency in
 * microseconds, one line per series (gateway and baseline together). The y axis is logarithmic (one grid line per
 * decade), because a gateway and a bare HTTP stack can differ by orders of magnitude and a linear axis would flatten
 * the faster curve onto zero. Stateless: safe from any thread.
 */
final class PercentilePlot
{
    /** A named latency distribution to draw, recorded in nanoseconds. */
    record Series(String name, Histogram histogram)
    {
    }

    private static final int WIDTH = 800;
    private static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd"};
    private static final double[] TICKS = {0, 90, 99, 99.9, 99.99, 99.999, 99.9999};

    private PercentilePlot()
    {
    }

    static String svg(final String title, final List<Series> series)
    {
        double maxX = 1;   // log10(1/(1-p)) of the highest percentile any series resolves
        double maxMicros = 1;
        double minMicros = Double.MAX_VALUE;
        final List<List<double[]>> lines = new ArrayList<>();
        for (final Series s : series)
        {
            final List<double[]> points = points(s.histogram());
            lines.add(points);
            for (final double[] point : points)
            {
                maxX = Math.max(maxX, point[0]);
                maxMicros = Math.max(maxMicros, point[1]);
                minMicros = Math.min(minMicros, point[1]);
            }
        }
        maxX = Math.ceil(maxX);
        final int lowDecade = minMicros == Double.MAX_VALUE ? 0 : (int)Math.floor(Math.log10(Math.max(0.1, minMicros)));
        final int highDecade = Math.max(lowDecade + 1, (int)Math.ceil(Math.log10(maxMicros)));
        final int plotWidth = WIDTH - LEFT - RIGHT;
        final int plotHeight = HEIGHT - TOP - BOTTOM;

        final StringBuilder svg = new StringBuilder(16_384);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
            .append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
            .append("  <text x=\"").append(WIDTH / 2).append("\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">")
            .append(escape(title)).append("</text>\n");

        // Axes, grid and labels.
        svg.append("  <g stroke=\"#ccc\" stroke-width=\"1\">\n");
        for (final double tick : TICKS)
        {
            final double x = tick == 0 ? 0 : Math.log10(100.0 / (100.0 - tick));
            if (x <= maxX)
            {
                final double px = LEFT + x / maxX * plotWidth;
                svg.append(String.format(Locale.ROOT, "    <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n", px, TOP, px, TOP + plotHeight));
            }
        }
        for (int decade = lowDecade; decade <= highDecade; decade++)
        {
            final double py = y(Math.pow(10, decade), lowDecade, highDecade, plotHeight);
            svg.append(String.format(Locale.ROOT, "    <line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>%n", LEFT, py, LEFT + plotWidth, py));
        }
        svg.append("  </g>\n  <g fill=\"#333\">\n");
        for (final double tick : TICKS)
        {
            final double x = tick == 0 ? 0 : Math.log10(100.0 / (100.0 - tick));
            if (x <= maxX)
            {
                final double px = LEFT + x / maxX * plotWidth;
                svg.append(String.format(Locale.ROOT, "    <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s%%</text>%n",
                    px, TOP + plotHeight + 18, trim(tick)));
            }
        }
        for (int decade = lowDecade; decade <= highDecade; decade++)
        {
            final double py = y(Math.pow(10, decade), lowDecade, highDecade, plotHeight);
            svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                LEFT - 8, py + 4, trim(Math.pow(10, decade))));
        }
        svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
            LEFT + plotWidth / 2, HEIGHT - 16));
        svg.append(String.format(Locale.ROOT,
            "    <text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">latency (µs, log scale, from planned send time)</text>%n",
            TOP + plotHeight / 2, TOP + plotHeight / 2));
        svg.append("  </g>\n");
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
            LEFT, TOP, plotWidth, plotHeight));

        // One polyline per series, and its legend entry.
        for (int s = 0; s < series.size(); s++)
        {
            final String colour = COLOURS[s % COLOURS.length];
            final StringBuilder pointsAttribute = new StringBuilder();
            for (final double[] point : lines.get(s))
            {
                final double px = LEFT + point[0] / maxX * plotWidth;
                final double py = y(point[1], lowDecade, highDecade, plotHeight);
                pointsAttribute.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append("  <polyline class=\"series\" data-series=\"").append(escape(series.get(s).name()))
                .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                .append(pointsAttribute.toString().trim()).append("\"/>\n");
            final int ly = TOP + 16 + s * 18;
            svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                LEFT + 12, ly - 4, LEFT + 36, ly - 4, colour));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + 42, ly, escape(series.get(s).name())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** (log10(1/(1-p)), latency µs) along the distribution, up to the highest percentile the sample resolves. */
    static List<double[]> points(final Histogram histogram)
    {
        final List<double[]> points = new ArrayList<>();
        if (histogram.getTotalCount() == 0)
        {
            return points;
        }
        for (final HistogramIterationValue value : histogram.percentiles(5))
        {
            final double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100.0)
            {
                break;
            }
            points.add(new double[] {Math.log10(100.0 / (100.0 - percentile)), histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1_000.0});
        }
        // The maximum, at the last percentile the count can resolve (1 - 1/count).
        final double last = Math.log10(Math.max(1.0, histogram.getTotalCount()));
        points.add(new double[] {Math.max(last, points.isEmpty() ? 0 : points.get(points.size() - 1)[0]), histogram.getMaxValue() / 1_000.0});
        return points;
    }

    /** Pixel row of a latency on the log axis spanning 10^low .. 10^high microseconds. */
    private static double y(final double micros, final int lowDecade, final int highDecade, final int plotHeight)
    {
        final double fraction = (Math.log10(Math.max(micros, Math.pow(10, lowDecade))) - lowDecade) / (highDecade - lowDecade);
        return TOP + plotHeight - Math.min(1.0, fraction) * plotHeight;
    }

    private static String trim(final double value)
    {
        final String text = String.format(Locale.ROOT, "%.4f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
