package dev.ebm.objectives;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.traits.KernelTraits;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A term built on a {@link KlPart}: replay length, sampler checks and the entropy memory's state come from it. */
abstract class KlBackedTerm implements ObjectiveTerm {
    protected final KlPart kl;

    KlBackedTerm(KlPart kl) {
        this.kl = kl;
    }

    @Override
    public int replaySteps() {
        return kl.replaySteps();
    }

    @Override
    public List<String> problemsWith(SamplerKernel kernel, KernelTraits declared) {
        return kl.problemsWith(kernel, declared);
    }

    @Override
    public Map<String, INDArray> state() {
        return kl.state();
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        kl.restore(state);
    }
}
