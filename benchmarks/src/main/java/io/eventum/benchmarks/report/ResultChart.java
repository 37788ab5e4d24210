package io.eventum.benchmarks.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results as one PNG with two charts, one above the other: replay and append throughput in events per
 * second against the number of events, one line per subject, both axes logarithmic. A flat line
 * means time grows linearly with the events; a higher line is faster.
 */
public final class ResultChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;

    private static final Map<String, Color> EVENTUM_COLORS = Map.of(
            "in-memory", new Color(31, 119, 180),
            "H2", new Color(23, 190, 207),
            "PostgreSQL", new Color(148, 103, 189),
            "MongoDB", new Color(140, 86, 75),
            // Snapshot loads in lighter shades of their store's color.
            "in-memory, snapshots", new Color(120, 175, 230),
            "PostgreSQL, snapshots", new Color(197, 160, 230),
            "in-memory, account snapshots", new Color(0, 70, 140),
            "PostgreSQL, account snapshots", new Color(90, 40, 140));

    private static final Map<String, Color> AXON_COLORS = Map.of(
            "in-memory", new Color(44, 160, 44),
            "H2", new Color(255, 127, 14),
            "PostgreSQL", new Color(214, 39, 40));

    private ResultChart() {
    }

    /** Draws the charts of the kinds that have results and saves them as a PNG at {@code png}. */
    public static void save(List<JmhResult> results, Path png) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        List<JmhResult> replays = ResultTable.of(results, Subject.Kind.REPLAY);
        if (!replays.isEmpty()) {
            charts.add(chart("Replay: load one aggregate of N events", "N, events in the aggregate", replays));
        }
        List<JmhResult> appends = ResultTable.of(results, Subject.Kind.APPEND);
        if (!appends.isEmpty()) {
            charts.add(chart("Append: one batch of events in one append", "events per append", appends));
        }
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("no results to chart");
        }
        BitmapEncoder.saveBitmap(charts, charts.size(), 1, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String xTitle, List<JmhResult> results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle("events per second (higher is faster)").build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(true);
        styler.setYAxisLogarithmic(true);
        styler.setXAxisLogarithmicDecadeOnly(true);
        styler.setYAxisLogarithmicDecadeOnly(true);
        // XChart's tick-label functions ignore a log axis, so plain decimal patterns label the decades.
        styler.setXAxisDecimalPattern("#,###");
        styler.setYAxisDecimalPattern("#,###");
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setMarkerSize(8);
        Map<Subject, List<JmhResult>> bySubject = new LinkedHashMap<>();
        results.stream()
                .sorted(Comparator.comparingInt((JmhResult result) -> result.subject().rank())
                        .thenComparing(result -> result.subject().store()))
                .forEach(result -> bySubject.computeIfAbsent(result.subject(), s -> new ArrayList<>()).add(result));
        bySubject.forEach((subject, points) -> {
            List<JmhResult> sorted = points.stream().sorted(Comparator.comparingInt(JmhResult::size)).toList();
            XYSeries series = chart.addSeries(subject.label(),
                    sorted.stream().mapToDouble(JmhResult::size).toArray(),
                    sorted.stream().mapToDouble(JmhResult::eventsPerSecond).toArray());
            series.setMarker(SeriesMarkers.CIRCLE);
            Color color = color(subject);
            if (color != null) {
                series.setLineColor(color);
                series.setMarkerColor(color);
            }
            // The floors are references, not contenders: dashed.
            if (!subject.who().equals(Subject.EVENTUM) && !subject.who().equals(Subject.AXON)) {
                series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
        });
        return chart;
    }

    /**
     * One color per subject in both charts: blues and purples for Eventum, warm colors and green
     * for Axon, grays for the floors; {@code null} leaves an unknown subject to XChart.
     */
    static Color color(Subject subject) {
        Map<String, Color> byBackend = switch (subject.who()) {
            case Subject.EVENTUM -> EVENTUM_COLORS;
            case Subject.AXON -> AXON_COLORS;
            case Subject.FLOOR_OBJECTS -> Map.of("floor", new Color(150, 150, 150));
            case Subject.FLOOR_DECODE -> Map.of("floor", new Color(80, 80, 80));
            case Subject.FLOOR_JDBC -> Map.of("PostgreSQL", new Color(20, 20, 20));
            default -> Map.of();
        };
        return byBackend.get(subject.backend());
    }

}
