package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.climagrad.coda.CodaModel;
import org.climagrad.plot.Figure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The paper's claims checked on the networks shipped in {@code datasets/coda/} (trained on the
 * 2-core CPU; README there), on twins of seeds no training, evaluation or shipped table used.
 * Bounds are the numbers the artefacts reach over several held-out seeds with a small margin
 * (measured values in each assertion's comment); tests whose name says "Shipped" read a shipped
 * table that CI cannot recompute in seconds.
 */
class Coda2024PaperTest {
    static CodaModel reference;
    static CodaModel small;

    @BeforeAll
    static void load() {
        reference = Coda2024.paperNetwork();
        small = Coda2024.PaperNetwork.SMALL.load();
    }

    @AfterAll
    static void close() {
        reference.close();
        small.close();
    }

    static double rmse(Table t, String method) {
        return t.where(t.stringColumn("method").isEqualTo(method)).doubleColumn("RMSE").getDouble(0);
    }

    /** The shipped networks are the reference configuration and load with their training settings. */
    @Test
    void shippedNetworksAreTheReferenceConfiguration() {
        assertEquals(25, reference.halfWidth());
        assertEquals(25, small.halfWidth());
        assertEquals(org.climagrad.coda.CodaInputs.VALUES_MASK_TIME, reference.inputs());
        assertEquals(8.0, reference.theta()[0], 0.0);
        assertTrue(Coda2024.PaperNetwork.REFERENCE.architecture().oneDnnAligned());
    }

    /**
     * The learning curve ends where the shipped network is: its last point is the network's RMSE
     * on the evaluation twin, recomputed here (ties the curve to the artefact).
     */
    @Test
    void learningCurvesEndAtTheShippedNetworks() {
        for (Coda2024.PaperNetwork n : Coda2024.PaperNetwork.values()) {
            Table c = Coda2024Paper.shippedTable(n, "curve.csv");
            double last = c.numberColumn("eval_rmse").getDouble(c.rowCount() - 1);
            try (CodaModel m = n.load()) {
                double now = Coda2024Training.rmse(m, Coda2024Training.twin(Coda2024Training.EVALUATION_TIMES,
                        Coda2024Training.EVALUATION_SEED));
                assertEquals(last, now, 2e-3, n + ": curve's last point vs the shipped network");
            }
            assertTrue(last < 0.6 * c.numberColumn("eval_rmse").getDouble(1), n + " learned: " + c.first(3));
        }
        Figure f = Coda2024Paper.learningCurves(Coda2024.PaperNetwork.values());
        assertTrue(f.data().rowCount() > 10);
    }

    /** Fig. 3 on fresh twins: CODA far below OI; its gap to the EnKS stated (bounds: measured, see below). */
    @Test
    void figure3OnFreshTwins() {
        for (long seed : new long[] {80_001, 80_002}) {
            Table t = Coda2024Paper.figure3Comparison(Map.of("CODA REFERENCE", reference, "CODA SMALL", small), 800,
                    200, seed);
            System.out.println(t.printAll());
            double oi = rmse(t, "OI");
            double enks = rmse(t, "EnKS");
            double ref = rmse(t, "CODA REFERENCE");
            double sm = rmse(t, "CODA SMALL");
            assertTrue(ref < oi / 5, "reference " + ref + " vs OI " + oi);
            assertTrue(ref < REFERENCE_FIG3_BOUND, "reference CODA RMSE " + ref + " (seed " + seed + ")");
            assertTrue(sm < SMALL_FIG3_BOUND, "small CODA RMSE " + sm + " (seed " + seed + ")");
            assertTrue(enks < ref, "the EnKS stays ahead: " + enks + " vs " + ref);
            assertTrue(ref < sm, "the reference network beats the small one: " + ref + " vs " + sm);
        }
    }

    /**
     * Measured on fresh twins of 800 times (burn-in 200), seeds 80,001-80,005: reference network
     * 0.367, 0.359, 0.360, 0.350, 0.340; small 0.405, 0.392, 0.404, 0.397, 0.388; EnKS 0.11-0.14,
     * OI 2.98-3.13. Not the target of 0.30 (README, "CODA at paper scale").
     */
    static final double REFERENCE_FIG3_BOUND = 0.38;
    static final double SMALL_FIG3_BOUND = 0.42;

    /**
     * Fig. 4b: the shipped grid (7 missing fractions × 6 σ, fresh twins of 1,000 times) agrees
     * with a fresh evaluation of a few of its settings on new twins, and the claim "RMSE < σ/2" is
     * reported where it holds and where it fails.
     */
    @Test
    void figure4bShippedGridAgreesWithFreshTwins() {
        Table shipped = Coda2024Paper.shippedTable(Coda2024.PaperNetwork.REFERENCE, "fig4b-grid.csv");
        assertEquals(42, shipped.rowCount());
        double[] missing = {0.75, 0.95, 0.1};
        double[] sigma = {1, 3, 0.1};
        for (int i = 0; i < missing.length; i++) {
            Table fresh = Coda2024Paper.figure4b(reference, new double[] {missing[i]}, new double[] {sigma[i]}, 400,
                    90_000 + i).data();
            double now = fresh.doubleColumn("RMSE").getDouble(0);
            final double m = missing[i];
            final double sg = sigma[i];
            Table row = shipped.where(shipped.numberColumn("missing").isEqualTo(m)
                    .and(shipped.numberColumn("sigma").isEqualTo(sg)));
            double then = row.numberColumn("RMSE").getDouble(0);
            assertEquals(then, now, 0.15 * then + 0.02, "missing " + m + ", sigma " + sg);
            if (m == 0.75 && sg == 1) {
                assertTrue(now < sg / 2, "RMSE < sigma/2 at the training setting: " + now);
            }
        }
        // The shipped grid (test twins of 500 times): the claim holds in 15 of 42 settings (σ >= 1 up
        // to 75 % missing, σ >= 2 at 85 %) and fails at 90-95 % missing and at σ <= 0.5 (measured).
        int met = 0;
        for (int r = 0; r < shipped.rowCount(); r++) {
            double sg = shipped.numberColumn("sigma").getDouble(r);
            double rmse = shipped.numberColumn("RMSE").getDouble(r);
            met += rmse < sg / 2 ? 1 : 0;
            if (shipped.numberColumn("missing").getDouble(r) >= 0.9) {
                assertTrue(rmse >= sg / 2, "not met at 90-95 % missing: " + shipped.row(r));
            }
        }
        assertEquals(15, met, "settings with RMSE < sigma/2 in the shipped grid");
    }

    /**
     * Fig. 3 forecast panel: the shipped 1,000-set table, and a fresh 30-set panel, with CODA's
     * mean forecast RMSE inside the EnKS's spread (± one standard deviation over the sets).
     */
    @Test
    void forecastPanelShippedAndFresh() {
        Table shipped = Coda2024Paper.shippedTable("fig3-forecast-sets.csv");
        assertEquals(101, shipped.rowCount());
        Table fresh = Coda2024Paper.forecastOverSets(reference, 30, 95_000).data();
        System.out.println(fresh.where(fresh.doubleColumn("lead time").isIn(0.0, 1.0, 2.0, 3.0, 5.0)));
        for (Table t : new Table[] {shipped, fresh}) {
            String coda = t == shipped ? "CODA REFERENCE" : "CODA";
            // The paper's claim, CODA within the EnKS's spread at every lead, is not met: at lead 0
            // CODA (0.36) is ~9 EnKS standard deviations (0.026) above the EnKS (0.13). Measured
            // (30 sets, seeds 95,000-95,002): it leaves the spread at lead 0 and is back inside it
            // from lead 3 on; far ahead of OI up to lead 1.
            assertEquals(0.0, Coda2024Paper.firstLeadOutsideEnksSpread(t, coda), 0.0, "not met at lead 0");
            for (int i = 0; i < t.rowCount(); i++) {
                double lead = t.doubleColumn("lead time").getDouble(i);
                double c = t.doubleColumn(coda + " mean").getDouble(i);
                if (lead <= 1) {
                    assertTrue(c < t.doubleColumn("OI mean").getDouble(i) - 2 * t.doubleColumn("OI std").getDouble(i),
                            "far ahead of OI at lead " + lead);
                }
                if (lead >= 3) {
                    assertTrue(Math.abs(c - t.doubleColumn("EnKS mean").getDouble(i)) <= t.doubleColumn("EnKS std")
                            .getDouble(i), "inside the EnKS spread at lead " + lead);
                }
            }
        }
    }
}
