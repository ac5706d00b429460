package org.climagrad.core;

/**
 * Argument checks that throw before any work starts, with a message naming the parameter and its
 * allowed range.
 */
public final class Check {
    private Check() {}

    /** Requires {@code value > 0} and finite. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be finite and > 0");
        }
        return value;
    }

    /** Requires {@code value >= 0} and finite. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be finite and >= 0");
        }
        return value;
    }

    /** Requires a finite value. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be finite");
        }
        return value;
    }

    /** Requires {@code lo <= value < hi}. */
    public static double inHalfOpen(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be in [" + lo + ", " + hi + ")");
        }
        return value;
    }

    /** Requires {@code lo <= value <= hi}. */
    public static double inClosed(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " = " + value + ": must be >= " + min);
        }
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + ": must be in [" + min + ", " + max + "]");
        }
        return value;
    }

    /** Requires every entry to be finite. */
    public static double[] allFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] = " + values[i] + ": every entry must be finite (no NaN or infinity)");
            }
        }
        return values;
    }

    /** Requires every entry to be finite. */
    public static double[][] allFinite(String name, double[][] values) {
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                if (!Double.isFinite(values[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + values[i][j]
                            + ": every entry must be finite (no NaN or infinity)");
                }
            }
        }
        return values;
    }

    /** Requires a rectangular matrix with {@code cols} columns. */
    public static double[][] columns(String name, double[][] values, int cols) {
        if (values.length == 0) {
            throw new IllegalArgumentException(name + ": must have at least one row");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException(name + "[" + i + "] has length " + values[i].length
                        + ": every row must have length " + cols);
            }
        }
        return values;
    }

    /** Requires {@code values.length == length}. */
    public static double[] length(String name, double[] values, int length) {
        if (values.length != length) {
            throw new IllegalArgumentException(name + " has length " + values.length + ": must have length " + length);
        }
        return values;
    }
}
