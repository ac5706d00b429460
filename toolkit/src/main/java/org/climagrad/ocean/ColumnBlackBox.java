package org.climagrad.ocean;

import java.util.concurrent.atomic.AtomicLong;
import org.climagrad.dynamics.PlainStepper;

/**
 * The {@link OceanColumn} benchmark as a black box: the same equations in plain Java (float64,
 * classical RK4 by {@link PlainStepper}, no autodiff), standing in for an operational ocean code whose Jacobian is not
 * available. It counts the model days it has run, the cost unit of gradient estimators and spin-up.
 * Thread-safe; the counter is shared by all callers.
 */
public final class ColumnBlackBox {
    private final OceanColumn model;
    private final double dt;
    private final PlainStepper stepper;
    private final double[] invH;
    private final double[] invSpacing;
    private final AtomicLong days = new AtomicLong();

    /**
     * @param model the equations and grid
     * @param dtDays time step, days (&gt; 0)
     */
    public ColumnBlackBox(OceanColumn model, double dtDays) {
        org.climagrad.core.Check.positive("dtDays", dtDays);
        double perYear = ColumnForcing.DAYS_PER_YEAR / dtDays;
        if (Math.abs(perYear - Math.round(perYear)) > 1e-9) {
            throw new IllegalArgumentException("dtDays = " + dtDays + ": must divide the 360-day year");
        }
        this.model = model;
        this.dt = dtDays;
        this.stepper = PlainStepper.rk4(dtDays);
        double[] h = model.grid().thickness();
        double[] sp = model.grid().spacing();
        invH = new double[h.length];
        invSpacing = new double[sp.length];
        for (int k = 0; k < h.length; k++) {
            invH[k] = 1 / h[k];
        }
        for (int k = 0; k < sp.length; k++) {
            invSpacing[k] = OceanColumn.DAY / sp[k];
        }
    }

    /** The standard column with a one-day step. */
    public static ColumnBlackBox standard() {
        return new ColumnBlackBox(OceanColumn.standard(), 1);
    }

    /** The equations. */
    public OceanColumn model() {
        return model;
    }

    /** Time step, days. */
    public double dt() {
        return dt;
    }

    /** Model days run so far by this black box. */
    public long daysRun() {
        return days.get();
    }

    /** dx/dt of one state {@code [2N + 2]} (see {@link OceanColumn}). */
    public double[] tendency(double[] x, double[] theta) {
        int n = model.levels();
        double[] out = new double[x.length];
        double[] kappa = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            double rhoUp = OceanColumn.RHO0 * (OceanColumn.BETA * x[n + k] - OceanColumn.ALPHA * x[k]);
            double rhoDown = OceanColumn.RHO0 * (OceanColumn.BETA * x[n + k + 1] - OceanColumn.ALPHA * x[k + 1]);
            double sig = 1 / (1 + Math.exp(-(rhoUp - rhoDown) / OceanColumn.SWITCH));
            kappa[k] = (theta[0] + theta[1] * sig) * invSpacing[k];
        }
        for (int q = 0; q < 2; q++) {
            int o = q * n;
            double above = 0;
            for (int k = 0; k < n; k++) {
                double below = k < n - 1 ? kappa[k] * (x[o + k + 1] - x[o + k]) : 0;
                out[o + k] = (below - above) * invH[k];
                above = below;
            }
        }
        double c = x[2 * n];
        double s = x[2 * n + 1];
        ColumnForcing f = model.forcing();
        double ta = f.meanTemperature() + f.temperatureAmplitude() * s;
        double sa = f.meanSalinity() - f.salinityAmplitude() * s;
        out[0] += theta[2] * invH[0] * (ta - x[0]);
        out[n] += theta[2] * invH[0] * (sa - x[n]);
        out[2 * n] = -OceanColumn.OMEGA * s;
        out[2 * n + 1] = OceanColumn.OMEGA * c;
        return out;
    }

    /** One RK4 step ({@link PlainStepper}, the toolkit's plain-Java stepper): x(t) → x(t + dt) {@code [2N + 2]}. */
    public double[] step(double[] x, double[] theta) {
        return stepper.step(y -> tendency(y, theta), x);
    }

    /**
     * Runs {@code steps} steps.
     *
     * @param x0 initial state {@code [2N + 2]}
     * @param theta parameters, checked ({@link OceanColumn#checkParameters})
     * @return the final state
     */
    public double[] run(double[] x0, double[] theta, int steps) {
        org.climagrad.core.Check.length("x0", x0, model.nx());
        model.checkParameters(theta, dt);
        double[] x = x0.clone();
        for (int i = 0; i < steps; i++) {
            x = step(x, theta);
        }
        days.addAndGet(Math.round(steps * dt));
        if (!Double.isFinite(x[0])) {
            throw new IllegalStateException("the column blew up (non-finite temperature) after " + steps + " steps");
        }
        return x;
    }

    /**
     * The annual map Φ on the tracers: T and S {@code [2N]} at the start of a year → T and S one
     * model year (360 days) later, the seasonal phase starting at c = 1, s = 0.
     */
    public double[] annualMap(double[] tracers, double[] theta) {
        int n = model.levels();
        org.climagrad.core.Check.length("tracers", tracers, 2 * n);
        double[] x = new double[2 * n + 2];
        System.arraycopy(tracers, 0, x, 0, 2 * n);
        x[2 * n] = 1;
        int steps = (int) Math.round(ColumnForcing.DAYS_PER_YEAR / dt);
        double[] end = run(x, theta, steps);
        return java.util.Arrays.copyOf(end, 2 * n);
    }
}
