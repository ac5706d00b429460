package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DAPPER's Table 1 numbers for Sakov &amp; Oke (2008) on a shortened run: T = 2000 analysis cycles
 * (100 model time units), burn-in 300, fixed seed. Each mean analysis RMSE within 10 % of DAPPER's
 * value (measured within 4 % on three seeds).
 */
class Sakov2008Test {
    @Test
    void everyMethodMatchesDapperWithinTenPercent() {
        assertEquals(new Sakov2008.Settings(2000, 300, 2008), Sakov2008.Settings.of(org.climagrad.core.Profile.FAST));
        List<Sakov2008.Row> rows = Sakov2008.run(Sakov2008.Settings.of(org.climagrad.core.Profile.FAST));
        assertEquals(5, rows.size());
        for (Sakov2008.Row r : rows) {
            assertEquals(r.expectedRmse(), r.measuredRmse(), 0.10 * r.expectedRmse(), r.name());
        }
        tech.tablesaw.api.Table t = Sakov2008.table(rows);
        assertEquals(5, t.rowCount());
        for (int i = 0; i < 5; i++) {
            assertEquals(rows.get(i).name(), t.stringColumn("method").get(i));
            assertEquals(rows.get(i).measuredRmse() / rows.get(i).expectedRmse(), t.doubleColumn("ratio").getDouble(i),
                    1e-12);
        }
    }
}
