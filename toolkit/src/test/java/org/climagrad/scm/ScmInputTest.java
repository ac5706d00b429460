package org.climagrad.scm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tensor entry point of the six-agent SCM refuses bad input with the parameter's name (issue 20). */
class ScmInputTest {
    @Test
    void tensorEntryPointRefusesBadInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray theta = ScmParameters.tensor(m, List.of(ScmParameters.ar6()));
            NDArray e = m.zeros(new Shape(2, 6, 10), DataType.FLOAT64);
            NDArray nan = e.duplicate();
            nan.set(new ai.djl.ndarray.index.NDIndex("1, 4, 3"), Double.NaN);
            IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> Scm.forward(nan, theta, null));
            assertTrue(a.getMessage().startsWith("emissions"), a.getMessage());
            NDArray huge = e.duplicate();
            huge.set(new ai.djl.ndarray.index.NDIndex("0, 4, 3"), 1e9);
            assertThrows(IllegalArgumentException.class, () -> Scm.forward(huge, theta, null));
            NDArray theta3 = theta.repeat(0, 3);
            IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> Scm.forward(e, theta3, null));
            assertTrue(b.getMessage().startsWith("theta"), b.getMessage());
            IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                    () -> Scm.forward(e, theta, m.ones(new Shape(2, 9), DataType.FLOAT64)));
            assertTrue(c.getMessage().startsWith("co2Override"), c.getMessage());
        }
    }
}
