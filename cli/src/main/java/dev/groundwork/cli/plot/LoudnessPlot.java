package dev.groundwork.cli.plot;

import dev.groundwork.core.analysis.LoudnessCurves;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Loudness over time for one or more signals (e.g. a mix before and after mastering): short-term
 * (and optionally momentary) curves, each signal's integrated loudness and true-peak maximum as
 * horizontal markers. Add series, then ask for the chart.
 */
public final class LoudnessPlot {
    /** Curves are thinned to about this many points (keeping each bucket's maximum), so hours plot fast. */
    static final int MAX_POINTS = 3000;
    private static final double FLOOR_LUFS = -70;

    private final String title;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String label, LoudnessCurves curves, Double integratedLufs, double truePeakDbtp, boolean momentary) { }

    public LoudnessPlot(String title) {
        this.title = title;
    }

    /**
     * Adds one signal. {@code integratedLufs} may be null and {@code truePeakDbtp} −infinity (silence);
     * {@code withMomentary} also draws the 400 ms curve (clearer with a single signal).
     */
    public LoudnessPlot add(String label, LoudnessCurves curves, Double integratedLufs, double truePeakDbtp, boolean withMomentary) {
        entries.add(new Entry(label, curves, integratedLufs, truePeakDbtp, withMomentary));
        return this;
    }

    public JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, new NumberAxis("time (s)"), new NumberAxis("loudness (LUFS) / peak (dBTP)"), renderer);
        double top = FLOOR_LUFS, bottom = 0;
        int i = 0;
        for (Entry e : entries) {
            Color color = Palette.color(i++);
            // one signal: values on the markers; several: values in the legend (labels would overlap)
            boolean several = entries.size() > 1;
            String prefix = several ? e.label + ": " : "";
            String values = several ? summary(e) : "";
            if (e.momentary) {
                int s = addCurve(data, prefix + "momentary", e.curves.momentaryLufs(), e.curves.stepSeconds());
                renderer.setSeriesPaint(s, Palette.lighter(color));
                renderer.setSeriesStroke(s, new BasicStroke(1f));
            }
            int s = addCurve(data, prefix + "short-term" + values, e.curves.shortTermLufs(), e.curves.stepSeconds());
            renderer.setSeriesPaint(s, color);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            for (double v : e.curves.momentaryLufs()) if (Double.isFinite(v)) { top = Math.max(top, v); bottom = Math.min(bottom, v); }
            if (e.integratedLufs != null) {
                plot.addRangeMarker(marker(e.integratedLufs, several ? null : String.format(java.util.Locale.ROOT, "integrated %.1f LUFS", e.integratedLufs), color, true));
                bottom = Math.min(bottom, e.integratedLufs);
            }
            if (Double.isFinite(e.truePeakDbtp)) {
                plot.addRangeMarker(marker(e.truePeakDbtp, several ? null : String.format(java.util.Locale.ROOT, "true peak %.1f dBTP", e.truePeakDbtp), color, false));
                top = Math.max(top, e.truePeakDbtp);
            }
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(Math.max(FLOOR_LUFS, Math.min(bottom, top - 12) - 6), Math.max(top, FLOOR_LUFS + 10) + 3);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static String summary(Entry e) {
        String i = e.integratedLufs == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f LUFS", e.integratedLufs);
        String tp = Double.isFinite(e.truePeakDbtp) ? String.format(java.util.Locale.ROOT, "%.1f dBTP", e.truePeakDbtp) : "n/a";
        return " (integrated " + i + ", true peak " + tp + ")";
    }

    /** Adds a curve, thinned to at most MAX_POINTS by bucket maxima; silence becomes a gap. */
    private static int addCurve(XYSeriesCollection data, String name, double[] lufs, double step) {
        XYSeries series = new XYSeries(name, false, true);
        int bucket = Math.max(1, (int) Math.ceil(lufs.length / (double) MAX_POINTS));
        for (int start = 0; start < lufs.length; start += bucket) {
            double max = Double.NEGATIVE_INFINITY;
            int end = Math.min(lufs.length, start + bucket);
            for (int k = start; k < end; k++) max = Math.max(max, lufs[k]);
            series.add((end) * step, max > FLOOR_LUFS ? Double.valueOf(max) : null);
        }
        data.addSeries(series);
        return data.getSeriesCount() - 1;
    }

    private static ValueMarker marker(double value, String label, Color color, boolean solid) {
        ValueMarker m = new ValueMarker(value);
        m.setPaint(color);
        m.setStroke(solid ? new BasicStroke(1.5f)
                : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[]{6f, 4f}, 0f));
        if (label == null) return m;
        m.setLabel(label);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        m.setLabelPaint(color.darker());
        m.setLabelAnchor(solid ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(solid ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
        return m;
    }
}
