package dev.ebm.objectives;

import dev.ebm.api.DifferentiableKernel;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.autodiff.Tensor;
import dev.ebm.objectives.spec.EntropySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The KL term of contrastive divergence as a loss, L_KL(θ) = w·H(x_K(θ)) − mean E_Ω(x_K(θ)) (Gagnon &amp; Lajoie
 * 2022, §4.2 and §5.4.1, with the entropy estimate's dimension factor): x_K(θ) are the chain end points replayed
 * on the tape through the last {@code backpropSteps} sampler steps ({@link TrainBatch#replayedNegatives(int)}), Ω
 * the energy's parameters detached (so the energy part's gradient flows only through x_K(θ)), and H the
 * nearest-neighbour entropy estimate ({@link NearestNeighbourEntropy}) against the other end points and a memory of
 * the last {@code buffer} end points seen. After each evaluation the batch's end points join the memory.
 */
final class KlPart {
    private final String type;
    private final int replaySteps;
    private final double entropyWeight;
    private final SampleMemory memory;

    /**
     * @param type the objective's type id, for messages
     * @param backpropSteps trailing steps to differentiate through, 0 for all
     */
    KlPart(String type, int backpropSteps, EntropySpec entropy) {
        this.type = type;
        this.replaySteps = backpropSteps == 0 ? Integer.MAX_VALUE : backpropSteps;
        this.entropyWeight = entropy.weight();
        this.memory = new SampleMemory(entropy.weight() > 0 ? entropy.buffer() : 0);
    }

    /** L_KL(θ) (the sign of CD's KL term); its value uses the memory as it was before this call. */
    Tensor loss(TrainBatch batch) {
        Tensor x = batch.replayedNegatives(replaySteps);
        Tensor energyPart = batch.energy().energy(x, batch.energy().parameters().detached()).mean();
        Tensor kl = energyPart.neg();
        if (entropyWeight > 0) {
            Tensor h = NearestNeighbourEntropy.estimate(x, memory.contents());
            kl = h.mul(entropyWeight).add(kl);
            memory.add(batch.xNeg().value());
        }
        return kl;
    }

    int replaySteps() {
        return replaySteps;
    }

    /**
     * Refuses a kernel whose declared traits say its steps cannot be replayed, naming the trait, and a kernel that
     * declares replayable steps but cannot replay them as built.
     */
    List<String> problemsWith(SamplerKernel kernel, KernelTraits declared) {
        String head = "'" + type + "' differentiates through the sampler's steps, but ";
        String fix = "; use a kernel that declares replayable steps (langevin or gd)";
        List<String> out = new ArrayList<>();
        if (!declared.replayable()) {
            String trait = declared.metropolisAdjusted() ? "the sampler declares itself Metropolis-adjusted: "
                    : "the sampler declares its steps not replayable: ";
            for (String p : declared.replayProblems()) {
                out.add(head + trait + p + fix);
            }
            if (out.isEmpty()) {
                out.add(head + trait + "no reason given" + fix);
            }
            return out;
        }
        if (kernel instanceof DifferentiableKernel d) {
            d.replayProblems().forEach(p -> out.add(head + p));
        } else {
            out.add(head + "the sampler declares replayable steps and its kernel " + kernel.getClass().getName()
                    + " does not implement DifferentiableKernel" + fix);
        }
        return out;
    }

    Map<String, INDArray> state() {
        return memory.state();
    }

    void restore(Map<String, INDArray> state) {
        memory.restore(state);
    }
}
