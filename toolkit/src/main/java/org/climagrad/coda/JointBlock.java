package org.climagrad.coda;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The DA network and a model-correction block B_ψ trained together (CODA Sec. 4.4): the forward
 * pass is the DA network's; B_ψ enters the loss through the model's tendency, and being a child
 * here puts its parameters under the same optimiser.
 */
final class JointBlock extends AbstractBlock {
    private final Block network;
    private final Block correction;
    private final Shape correctionInput;

    JointBlock(Block network, Block correction, Shape correctionInput) {
        this.network = addChildBlock("network", network);
        this.correction = addChildBlock("correction", correction);
        this.correctionInput = correctionInput;
    }

    /** The DA network. */
    Block network() {
        return network;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return network.forward(store, inputs, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return network.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        network.initialize(manager, dataType, inputShapes);
        correction.initialize(manager, dataType, correctionInput);
    }
}
