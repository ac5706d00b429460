package org.climagrad.plot;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Conversions from the toolkit's arrays to Tablesaw tables (the I/O boundary). */
public final class Tables {
    private Tables() {}

    /**
     * A space-time field in long format: columns {@code time_index}, {@code time}, {@code k},
     * then one column per named field, all {@code [time][nx]} of the same shape.
     *
     * @param name table name
     * @param dtTime time between rows (model time units)
     * @param names column names of the fields
     * @param fields the fields {@code [time][nx]}; NaN marks a missing entry
     */
    public static Table longFormat(String name, double dtTime, String[] names, double[][]... fields) {
        if (names.length != fields.length) {
            throw new IllegalArgumentException("names has " + names.length + " entries and fields " + fields.length
                    + ": must be equal");
        }
        int times = fields[0].length;
        int nx = fields[0][0].length;
        int n = times * nx;
        int[] ti = new int[n];
        double[] tt = new double[n];
        int[] kk = new int[n];
        double[][] cols = new double[fields.length][n];
        int r = 0;
        for (int t = 0; t < times; t++) {
            for (int k = 0; k < nx; k++) {
                ti[r] = t;
                tt[r] = t * dtTime;
                kk[r] = k;
                for (int f = 0; f < fields.length; f++) {
                    cols[f][r] = fields[f][t][k];
                }
                r++;
            }
        }
        Table table = Table.create(name, IntColumn.create("time_index", ti), DoubleColumn.create("time", tt),
                IntColumn.create("k", kk));
        for (int f = 0; f < fields.length; f++) {
            table.addColumns(DoubleColumn.create(names[f], cols[f]));
        }
        return table;
    }
}
