package org.climagrad.coda;

/**
 * Training diverged: a loss term became NaN, infinite or exploded. Before this is thrown, the last
 * good checkpoint (the best validated epoch, else the start) is loaded into a new model, independent
 * of the training, which is closed; {@link #lastGood()} hands that new model to the caller.
 */
public final class CodaDivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;
    private final String term;
    private final transient CodaModel lastGood;

    CodaDivergenceException(int step, String term, double value, CodaModel lastGood) {
        super("training diverged at gradient step " + step + ": the " + term + " term is " + value
                + "; the last good checkpoint was restored (lastGood(); try a smaller learning rate)");
        this.step = step;
        this.term = term;
        this.lastGood = lastGood;
    }

    /**
     * The model at the last good checkpoint (the best epoch so far, or the initial weights if the
     * first epoch diverged), with θ of that checkpoint. A new model built for the caller from the
     * checkpoint, not the closed training model: it is open, the caller owns it and closes it
     * (each call returns the same model).
     */
    public CodaModel lastGood() {
        return lastGood;
    }

    /** The gradient step (1-based) at which the loss diverged. */
    public int step() {
        return step;
    }

    /** The loss term that diverged: "data", "model" or "total". */
    public String term() {
        return term;
    }
}
