package dev.groundwork.cli.plot;

import dev.groundwork.core.analysis.BandLevel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;

/** Band spectra of one or more signals on a logarithmic frequency axis (e.g. a mix before and after mastering). */
public final class SpectrumPlot {
    private static final double FLOOR_DB = -120;

    private final String title;
    private final XYSeriesCollection data = new XYSeriesCollection();

    public SpectrumPlot(String title) {
        this.title = title;
    }

    /** Adds one signal's bands; bands without energy are left as gaps. */
    public SpectrumPlot add(String label, List<BandLevel> bands) {
        XYSeries s = new XYSeries(label, false, true);
        for (BandLevel b : bands) s.add(b.centerHz(), b.levelDb() > FLOOR_DB ? Double.valueOf(b.levelDb()) : null);
        data.addSeries(s);
        return this;
    }

    public JFreeChart chart() {
        LogAxis frequency = new LogAxis("frequency (Hz)");
        frequency.setBase(10);
        frequency.setTickUnit(new NumberTickUnit(1, new DecimalFormat("0")));
        frequency.setNumberFormatOverride(new DecimalFormat("#,##0"));
        frequency.setRange(16, 25_000);
        frequency.setMinorTickCount(9);
        frequency.setMinorTickMarksVisible(true);
        NumberAxis level = new NumberAxis("band level (dB re full-scale sine)");
        level.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.color(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, frequency, level, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 1);
    }
}
