package dev.groundwork.core.meter;

import java.util.Arrays;

/** A growable list of doubles (one per 100 ms step: 36 000 an hour), with no boxing. */
final class EnergyLog {
    private double[] values = new double[256];
    private int size;

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, values.length * 2);
        values[size++] = v;
    }

    int size() { return size; }

    double get(int i) { return values[i]; }

    /** A copy of entries from..size-1. */
    double[] copyFrom(int from) {
        return from >= size ? new double[0] : Arrays.copyOfRange(values, from, size);
    }
}
