package org.climagrad.coda;

import java.util.Locale;

/**
 * Losses of one training epoch (CODA eq. 6 terms, batch means) and the model parameters θ at its end.
 *
 * @param epoch 1-based epoch number
 * @param trainData mean data term over the epoch's training batches
 * @param trainModel mean model-consistency term over the training batches
 * @param trainTotal mean total loss over the training batches
 * @param validationTotal total loss on the validation centres (NaN when there is no validation split)
 * @param theta model parameters θ after the epoch
 */
public record EpochStats(int epoch, double trainData, double trainModel, double trainTotal, double validationTotal,
        double[] theta) {
    /** Copies θ. */
    public EpochStats {
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "epoch %3d  data %.4f  model %.4f  total %.4f  validation %.4f  theta %s",
                epoch, trainData, trainModel, trainTotal, validationTotal, java.util.Arrays.toString(theta));
    }
}
