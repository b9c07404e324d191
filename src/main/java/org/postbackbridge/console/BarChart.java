package org.postbackbridge.console;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One bar a day, laid out for an SVG drawn on the server (the console's Content-Security-Policy
 * allows no script to draw it): the y axis runs from 0 to a round number at or above the highest
 * day, with a labelled line at each of its steps; every fifth day and the last are labelled below.
 * Coordinates are in the SVG's own units ({@link #WIDTH} × {@link #HEIGHT}).
 */
public record BarChart(List<Bar> bars, List<Tick> ticks) {

    static final int WIDTH = 720;
    static final int HEIGHT = 190;
    static final int LEFT = 64;
    static final int RIGHT = 8;
    static final int TOP = 16;
    static final int BOTTOM = 22;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int MAX_INTERVALS = 4;
    private static final int DAYS_BETWEEN_LABELS = 5;

    /** A day's bar; {@code labelled}: its day is written under the axis. */
    public record Bar(LocalDate day, BigDecimal value, double x, double y, double width, double height,
                      boolean labelled) {

        public double centre() {
            return x + width / 2;
        }
    }

    /** A value on the y axis and where its line is. */
    public record Tick(BigDecimal value, double y) {
    }

    /** {@code counted}: the values are counts, so the axis steps by whole numbers. */
    static BarChart of(List<LocalDate> days, List<BigDecimal> values, boolean counted) {
        BigDecimal highest = values.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        BigDecimal step = counted ? step(highest).max(BigDecimal.ONE) : step(highest);
        int intervals = highest.signum() == 0 ? 1 : highest.divide(step, 0, RoundingMode.CEILING).intValue();
        BigDecimal top = step.multiply(BigDecimal.valueOf(intervals));
        double slot = (double) PLOT_WIDTH / days.size();
        double barWidth = Math.max(1, slot * 0.7);
        List<Bar> bars = IntStream.range(0, days.size()).mapToObj(i -> {
            double height = scale(values.get(i), top);
            boolean labelled = i % DAYS_BETWEEN_LABELS == 0 || i == days.size() - 1;
            return new Bar(days.get(i), values.get(i), round(LEFT + i * slot + (slot - barWidth) / 2),
                    round(TOP + PLOT_HEIGHT - height), round(barWidth), round(height), labelled);
        }).toList();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= intervals; i++) {
            BigDecimal value = step.multiply(BigDecimal.valueOf(i));
            ticks.add(new Tick(value.stripTrailingZeros(), round(TOP + PLOT_HEIGHT - scale(value, top))));
        }
        return new BarChart(bars, ticks);
    }

    /** The y of the x axis. */
    public int baseline() {
        return TOP + PLOT_HEIGHT;
    }

    /** The SVG's viewBox. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** Where the plot begins on the left (the y axis's labels are before it) and ends on the right. */
    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    /** The baseline of the day labels under the x axis. */
    public int dayLabelY() {
        return HEIGHT - 6;
    }

    /** 1, 2 or 5 times a power of ten, so that at most {@value #MAX_INTERVALS} steps reach the highest value. */
    static BigDecimal step(BigDecimal highest) {
        if (highest.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal rough = highest.divide(BigDecimal.valueOf(MAX_INTERVALS), MathContext.DECIMAL64);
        BigDecimal power = BigDecimal.ONE.movePointRight(rough.precision() - rough.scale() - 1);
        for (int multiple : new int[] {1, 2, 5, 10}) {
            BigDecimal step = power.multiply(BigDecimal.valueOf(multiple));
            if (step.compareTo(rough) >= 0) {
                return step.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("unreachable: ten times the power is above the rough step");
    }

    private static double scale(BigDecimal value, BigDecimal top) {
        return top.signum() == 0 ? 0 : value.doubleValue() / top.doubleValue() * PLOT_HEIGHT;
    }

    private static double round(double coordinate) {
        return Math.round(coordinate * 10) / 10.0;
    }
}
