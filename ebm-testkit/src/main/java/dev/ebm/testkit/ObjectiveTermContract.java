package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ebm.api.Box;
import dev.ebm.api.ChainRun;
import dev.ebm.api.ChainState;
import dev.ebm.api.Chains;
import dev.ebm.api.DataSource;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every objective term must meet, checked through its provider so that the term and its declared
 * {@link TermRole} are tested together. Extend it in your plugin's tests:
 *
 * <pre>{@code
 * class MyTermContractTest extends ObjectiveTermContract {
 *     protected ObjectiveProvider provider() { return new MyTermProvider(); }
 *     protected ObjectiveSpec spec() { return new MyTermSpec(...); }
 *     // only for terms that replay sampler steps (replaySteps() > 0): a kernel that can replay them
 *     protected SamplerKernel kernel() { return new MyLangevinKernel(...); }
 * }
 * }</pre>
 *
 * <p>The term is built for 2-D samples in float64 and {@linkplain ObjectiveTerm#prepare prepared} on N(0, I) data;
 * its loss is taken on a batch of a {@link TinyEnergy}, with negatives drawn from a wider Gaussian and, when a
 * kernel is given, moved by {@link #chainSteps()} kernel steps (recording the steps the term replays). It checks that
 * the provider declares a role and the term agrees with it (a sample-free term answers
 * {@link ObjectiveTerm#needsNegatives()} with false, contrastive and KL terms with true, a term with CD's KL term
 * replays steps); that the loss is a finite scalar; that its gradient in the energy's parameters and the term's own
 * matches central finite differences (the term's state and the batch's generator are reset before each evaluation,
 * so a memory or noise the term draws stays fixed, and parameters the term reads
 * {@linkplain ParameterSet#detached() detached} — a frozen copy Ω, as the KL terms read the energy — stay at their
 * unperturbed values, which is what the tape differentiates); and that loss and gradient stay finite at edge cases: negatives
 * identical to the data, and energies of order 10⁴.
 */
public abstract class ObjectiveTermContract {
    /** The provider under test. */
    protected abstract ObjectiveProvider provider();

    /** The spec the term is built from. */
    protected abstract ObjectiveSpec spec();

    /** A kernel for terms that replay sampler steps; null (the default) for terms that do not. */
    protected SamplerKernel kernel() {
        return null;
    }

    /** Sampler steps the negatives take when {@link #kernel()} is given (default 3). */
    protected int chainSteps() {
        return 3;
    }

    /** The largest relative error of the gradient against central differences (default 1e-5). */
    protected double tolerance() {
        return 1e-5;
    }

    /** The seed of every check's generator. */
    protected long seed() {
        return 20_241_203L;
    }

    /** Positive and negative samples per batch. */
    protected int batch() {
        return 12;
    }

    private ObjectiveTerm term() {
        PluginContext ctx = new PluginContext(DataType.DOUBLE, new long[] {2}, Box.uniform(2, -4, 4),
                PluginRegistry.of(List.of(provider())), new Rng(seed() - 1));
        ObjectiveTerm t = provider().create(spec(), ctx);
        t.prepare(gaussianData(), new Rng(seed() - 2));
        return t;
    }

    private TermRole role() {
        TermRole r = provider().role(spec());
        assertThat(r).as("the declared role").isNotNull();
        assertThat(r.role()).as(provider().type() + " declares no role: override ObjectiveProvider.role so that "
                + "explain and train know what the term is").isNotEqualTo(TermRole.Role.UNDECLARED);
        return r;
    }

    @Test
    public void theRoleIsDeclaredAndTheTermAgreesWithIt() {
        TermRole r = role();
        ObjectiveTerm t = term();
        switch (r.role()) {
            case SAMPLE_FREE -> assertThat(t.needsNegatives()).as("needsNegatives() of a term declared "
                    + "sample-free").isFalse();
            case CONTRASTIVE, KL_AUXILIARY -> assertThat(t.needsNegatives()).as("needsNegatives() of a term declared "
                    + r.role()).isTrue();
            default -> { }
        }
        if (r.klTerm() || r.role() == TermRole.Role.KL_AUXILIARY) {
            assertThat(t.replaySteps()).as("replaySteps() of a term that declares a KL term through the sampler")
                    .isPositive();
        }
    }

    @Test
    public void theLossIsAFiniteScalar() {
        ObjectiveTerm t = term();
        Fixture f = fixture(new TinyEnergy(2, 6, 1.0, new Rng(seed())), t, false);
        Tensor l = t.loss(f.batch());
        assertThat(l.value().length()).as("values in the loss").isEqualTo(1);
        assertThat(l.value().getDouble(0)).as("the loss").isFinite();
    }

    @Test
    public void theGradientInTheParametersMatchesCentralDifferences() {
        ObjectiveTerm t = term();
        EnergyFunction e = new FrozenView(new TinyEnergy(2, 6, 1.0, new Rng(seed())));
        Fixture f = fixture(e, t, false);
        ParameterSet all = e.parameters().concat("term.", t.parameters());
        Map<String, INDArray> state = copies(t.state());
        t.restore(copies(state));
        List<Tensor> g = Autodiff.grad(t.loss(f.batch()), all.tensors(), false);
        Rng pick = new Rng(seed() + 1);
        for (int i = 0; i < g.size(); i++) {
            INDArray a = all.tensors().get(i).value();
            long[] idx = FiniteDifferences.entries(a, 16, pick);
            double[] numeric = FiniteDifferences.central(() -> {
                t.restore(copies(state));
                return t.loss(f.batch()).value().getDouble(0);
            }, a, idx);
            FiniteDifferences.assertClose("∂loss/∂" + all.names().get(i), FiniteDifferences.at(g.get(i).value(), idx),
                    numeric, tolerance());
        }
    }

    @Test
    public void lossAndGradientStayFiniteAtEdgeCases() {
        for (boolean identical : new boolean[] {true, false}) {
            ObjectiveTerm t = term();
            EnergyFunction e = new TinyEnergy(2, 6, identical ? 1.0 : 1e4, new Rng(seed()));
            Fixture f = fixture(e, t, identical);
            String what = identical ? "negatives identical to the data" : "energies of order 1e4";
            Tensor l = t.loss(f.batch());
            assertThat(l.value().getDouble(0)).as("the loss with %s", what).isFinite();
            ParameterSet all = e.parameters().concat("term.", t.parameters());
            List<Tensor> g = Autodiff.grad(t.loss(f.batch()), all.tensors(), false);
            for (int i = 0; i < g.size(); i++) {
                for (double v : Stats.doubles(g.get(i).value())) {
                    assertThat(v).as("∂loss/∂%s with %s", all.names().get(i), what).isFinite();
                }
            }
        }
    }

    /** A batch that can be rebuilt with the same randomness. */
    private record Fixture(INDArray xPos, INDArray xNeg, EnergyFunction energy, SamplerKernel kernel, ChainRun run,
            long rngSeed) {
        TrainBatch batch() {
            return new TrainBatch(Tensor.constant(xPos), Tensor.constant(xNeg), energy, kernel, run,
                    Target.of(energy), new Rng(rngSeed));
        }
    }

    private Fixture fixture(EnergyFunction e, ObjectiveTerm t, boolean identical) {
        Rng rng = new Rng(seed() + 2);
        INDArray xPos = rng.normal(DataType.DOUBLE, batch(), 2);
        INDArray x0 = identical ? xPos.dup() : rng.normal(DataType.DOUBLE, batch(), 2).muli(1.5);
        SamplerKernel k = kernel();
        if (t.replaySteps() > 0 && k == null) {
            fail(getClass().getName() + ": the term replays " + t.replaySteps() + " sampler steps; override "
                    + "kernel() with a kernel that can replay them");
        }
        ChainRun run;
        if (k != null) {
            run = Chains.run(k, Target.of(e), x0, chainSteps(), rng.split(), List.of(), 0,
                    Math.min(t.replaySteps(), chainSteps()));
        } else {
            Target.Evaluation ev = Target.of(e).evaluate(x0);
            run = new ChainRun(x0, new ChainState(x0, ev.energy(), ev.grad(), Double.NaN), 1.0, 0);
        }
        INDArray xNeg = run.end().x();
        // identical: the data are the negatives themselves
        return new Fixture(identical ? xNeg.dup() : xPos, xNeg, e, k, run, seed() + 3);
    }

    /**
     * The energy as the finite differences see it: evaluated with its own trainable set, it reads the live
     * (perturbed) arrays; with any other (detached) set, a copy of the arrays taken when it was made.
     */
    private static final class FrozenView implements EnergyFunction {
        private final EnergyFunction inner;
        private final ParameterSet frozen;

        FrozenView(EnergyFunction inner) {
            this.inner = inner;
            Map<String, INDArray> copy = new LinkedHashMap<>();
            inner.parameters().arrays().forEach((k, v) -> copy.put(k, v.dup()));
            this.frozen = ParameterSet.trainable(copy).detached();
        }

        @Override
        public ParameterSet parameters() {
            return inner.parameters();
        }

        @Override
        public Tensor energy(Tensor x, ParameterSet p) {
            List<Tensor> live = inner.parameters().tensors();
            boolean trainable = !live.isEmpty() && p.tensors().get(0) == live.get(0);
            return inner.energy(x, trainable ? p : frozen);
        }
    }

    private static DataSource gaussianData() {
        return new DataSource() {
            @Override
            public long[] sampleShape() {
                return new long[] {2};
            }

            @Override
            public INDArray batch(int n, Rng rng, DataType dtype) {
                return rng.normal(dtype, n, 2);
            }

            @Override
            public Box bounds() {
                return Box.uniform(2, -4, 4);
            }
        };
    }

    private static Map<String, INDArray> copies(Map<String, INDArray> m) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
