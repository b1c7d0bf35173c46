package dev.ebm.testkit;

import static dev.ebm.testkit.BrokenEnergiesTest.fails;

import dev.ebm.api.Box;
import dev.ebm.api.ChainState;
import dev.ebm.api.DataSource;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Optimizer;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.api.traits.TermRole;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Every contract passes a correct plugin and fails deliberately broken ones, loudly. */
class BrokenPluginsTest {

    // ------------------------------------------------------------------------------------------ negative sources

    record SourceSpec() implements NegativeSourceSpec {}

    static NegativeSourceContract sourceContract(ChainStart declared, Supplier<NegativeSource> make) {
        return new NegativeSourceContract() {
            @Override
            protected NegativeSourceProvider provider() {
                return new NegativeSourceProvider() {
                    @Override
                    public String type() {
                        return "test-source";
                    }

                    @Override
                    public Class<SourceSpec> specType() {
                        return SourceSpec.class;
                    }

                    @Override
                    public ChainStart chainStart(NegativeSourceSpec spec) {
                        return declared;
                    }

                    @Override
                    public NegativeSource create(NegativeSourceSpec spec, PluginContext context) {
                        return make.get();
                    }
                };
            }

            @Override
            protected NegativeSourceSpec spec() {
                return new SourceSpec();
            }
        };
    }

    /** Fresh N(0, std²) starts. */
    static NegativeSource gaussian(double std) {
        return new NegativeSource() {
            @Override
            public INDArray draw(int n, INDArray data, Rng rng) {
                return rng.normal(DataType.DOUBLE, n, 2).muli(std);
            }

            @Override
            public boolean persistent() {
                return false;
            }
        };
    }

    @Test
    void aCorrectNoiseSourcePassesAndOnesThatBreakTheirDeclarationFail() {
        NegativeSourceContract good = sourceContract(ChainStart.fromNoise(ChainStart.Noise.gaussian(1.0)),
                () -> gaussian(1.0));
        good.theChainStartIsDeclaredAndThePersistenceAgrees();
        good.drawsAreFreshArraysOfTheAskedShapeThatLeaveTheDataAlone();
        good.stateRestoredIntoANewInstanceGivesIdenticalFutureDraws();
        good.theDeclaredChainStartHoldsInDistribution();
        // noise with std 1.05 declared as std 1
        fails(sourceContract(ChainStart.fromNoise(ChainStart.Noise.gaussian(1.0)), () -> gaussian(1.05))
                ::theDeclaredChainStartHoldsInDistribution);
        // noise declared as starting at the data
        fails(sourceContract(ChainStart.fromData(), () -> gaussian(1.0))::theDeclaredChainStartHoldsInDistribution);
        // persistent by declaration, not by the source
        fails(sourceContract(ChainStart.persistent(ChainStart.Noise.gaussian(1.0), 0.05, 0), () -> gaussian(1.0))
                ::theChainStartIsDeclaredAndThePersistenceAgrees);
        fails(sourceContract(ChainStart.undeclared(), () -> gaussian(1.0))
                ::theChainStartIsDeclaredAndThePersistenceAgrees);
    }

    @Test
    void aSourceThatDoesNotSaveWhatItKeepsFailsTheStateRoundTrip() {
        // chains drift by a counter that state() does not save
        fails(sourceContract(ChainStart.fromNoise(ChainStart.Noise.other("drifting")), () -> new NegativeSource() {
            private int draws;

            @Override
            public INDArray draw(int n, INDArray data, Rng rng) {
                return rng.normal(DataType.DOUBLE, n, 2).addi(draws++);
            }

            @Override
            public boolean persistent() {
                return false;
            }
        })::stateRestoredIntoANewInstanceGivesIdenticalFutureDraws);
    }

    // ------------------------------------------------------------------------------------------ objective terms

    record TermSpec(Double weight) implements ObjectiveSpec {}

    static ObjectiveTermContract termContract(TermRole role, Supplier<ObjectiveTerm> make) {
        return new ObjectiveTermContract() {
            @Override
            protected ObjectiveProvider provider() {
                return new ObjectiveProvider() {
                    @Override
                    public String type() {
                        return "test-term";
                    }

                    @Override
                    public Class<TermSpec> specType() {
                        return TermSpec.class;
                    }

                    @Override
                    public TermRole role(ObjectiveSpec spec) {
                        return role;
                    }

                    @Override
                    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
                        return make.get();
                    }
                };
            }

            @Override
            protected ObjectiveSpec spec() {
                return new TermSpec(1.0);
            }
        };
    }

    static final TermRole ML = TermRole.contrastive(TermRole.ChainUse.MODEL, false, "");

    @Test
    void aCorrectTermPassesAndBrokenOnesFail() {
        ObjectiveTermContract good = termContract(ML, () -> b -> b.ePos().mean().sub(b.eNeg().mean()));
        good.theRoleIsDeclaredAndTheTermAgreesWithIt();
        good.theLossIsAFiniteScalar();
        good.theGradientInTheParametersMatchesCentralDifferences();
        good.lossAndGradientStayFiniteAtEdgeCases();
        // a value and a gradient that disagree: the tape sees twice the positive phase
        fails(termContract(ML, () -> b -> b.ePos().mean().mul(2).sub(Tensor.constant(b.ePos().mean().value()))
                .sub(b.eNeg().mean()))::theGradientInTheParametersMatchesCentralDifferences);
        // log of the squared gap: −∞ when the negatives equal the data
        fails(termContract(ML, () -> b -> b.ePos().mean().sub(b.eNeg().mean()).square().log())
                ::lossAndGradientStayFiniteAtEdgeCases);
        // declared sample-free but reading negatives
        fails(termContract(TermRole.sampleFree("nothing"), () -> b -> b.ePos().mean().sub(b.eNeg().mean()))
                ::theRoleIsDeclaredAndTheTermAgreesWithIt);
        fails(termContract(TermRole.undeclared(), () -> b -> b.ePos().mean())::theRoleIsDeclaredAndTheTermAgreesWithIt);
    }

    // ------------------------------------------------------------------------------------------ transitions

    static TransitionContract transitionContract(Transition t, Transition zero) {
        return new TransitionContract() {
            @Override
            protected Transition transition() {
                return t;
            }

            @Override
            protected Transition atZeroStrength() {
                return zero;
            }

            @Override
            protected long[] sampleShape() {
                return new long[] {3};
            }
        };
    }

    static Transition noise(double std) {
        return (x, rng) -> x.add(rng.normal(x.dataType(), x.shape()).muli(std));
    }

    @Test
    void aCorrectTransitionPassesAndBrokenOnesFail() {
        TransitionContract good = transitionContract(noise(0.1), (x, rng) -> x.dup());
        good.theOutputIsANewArrayOfTheInputsShapeAndTheInputIsUnchanged();
        good.theSameGeneratorGivesTheSameOutput();
        good.atZeroStrengthItIsTheIdentity();
        fails(transitionContract((x, rng) -> x.addi(rng.normal(x.dataType(), x.shape()).muli(0.1)), null)
                ::theOutputIsANewArrayOfTheInputsShapeAndTheInputIsUnchanged);
        java.util.Random own = new java.util.Random(1);
        fails(transitionContract((x, rng) -> x.add(own.nextGaussian()), null)::theSameGeneratorGivesTheSameOutput);
        fails(transitionContract(noise(0.1), noise(1e-3))::atZeroStrengthItIsTheIdentity);
    }

    // ------------------------------------------------------------------------------------------ data sources

    static DataSourceContract dataContract(Function<Integer, Box> bounds, boolean keepDtype) {
        return new DataSourceContract() {
            @Override
            protected DataSource source() {
                return new DataSource() {
                    @Override
                    public long[] sampleShape() {
                        return new long[] {2};
                    }

                    @Override
                    public INDArray batch(int n, Rng rng, DataType dtype) {
                        return rng.normal(keepDtype ? dtype : DataType.FLOAT, n, 2);
                    }

                    @Override
                    public Box bounds() {
                        return bounds.apply(2);
                    }
                };
            }
        };
    }

    @Test
    void aCorrectDataSourcePassesAndBrokenOnesFail() {
        DataSourceContract good = dataContract(d -> Box.uniform(d, -4.5, 4.5), true);
        good.batchesHaveTheSampleShapeAndTheAskedDataType();
        good.aBatchIsAFunctionOfTheGenerator();
        good.theBoundsHoldNearlyAllTheData();
        fails(dataContract(d -> Box.uniform(d, -1, 1), true)::theBoundsHoldNearlyAllTheData);
        fails(dataContract(d -> Box.uniform(d, -4.5, 4.5), false)::batchesHaveTheSampleShapeAndTheAskedDataType);
        fails(dataContract(d -> Box.uniform(3, -4.5, 4.5), true)::theBoundsHoldNearlyAllTheData);
    }

    // ------------------------------------------------------------------------------------------ optimizers

    /** Gradient descent with momentum; {@code sign} −1 climbs; {@code keepState} false forgets the momentum. */
    static Optimizer momentum(double sign, boolean keepState) {
        return new Optimizer() {
            private INDArray[] velocity;

            @Override
            public double step(List<INDArray> params, List<INDArray> grads) {
                if (velocity == null) {
                    velocity = grads.stream().map(g -> Nd4j.zeros(g.dataType(), g.shape())).toArray(INDArray[]::new);
                }
                double norm = 0;
                for (int i = 0; i < params.size(); i++) {
                    norm += grads.get(i).mul(grads.get(i)).sumNumber().doubleValue();
                    velocity[i].muli(0.5).addi(grads.get(i));
                    params.get(i).subi(velocity[i].mul(0.05 * sign));
                }
                return Math.sqrt(norm);
            }

            @Override
            public Map<String, INDArray> state() {
                Map<String, INDArray> m = new java.util.LinkedHashMap<>();
                for (int i = 0; velocity != null && i < velocity.length; i++) {
                    m.put("v" + i, velocity[i]);
                }
                return m;
            }

            @Override
            public void restore(Map<String, INDArray> state) {
                if (keepState && !state.isEmpty()) {
                    velocity = new INDArray[state.size()];
                    for (int i = 0; i < velocity.length; i++) {
                        velocity[i] = state.get("v" + i).dup();
                    }
                }
            }
        };
    }

    static OptimizerContract optimizerContract(Supplier<Optimizer> make) {
        return new OptimizerContract() {
            @Override
            protected Optimizer optimizer() {
                return make.get();
            }
        };
    }

    @Test
    void aCorrectOptimizerPassesAndBrokenOnesFail() {
        OptimizerContract good = optimizerContract(() -> momentum(1, true));
        good.stepsOnAQuadraticDecreaseIt();
        good.aStepReturnsTheGradientNormAndUpdatesInPlace();
        good.stateRestoredIntoANewOptimizerContinuesIdentically();
        fails(optimizerContract(() -> momentum(-1, true))::stepsOnAQuadraticDecreaseIt);
        fails(optimizerContract(() -> momentum(1, false))::stateRestoredIntoANewOptimizerContinuesIdentically);
    }

    // ------------------------------------------------------------------------------------------ sampler kernels

    /**
     * Random-walk Metropolis, y = x + 0.8ξ, accepted with probability min(1, exp(−β(E(y) − E(x)))): exact for
     * β = 1; β = 0.8 samples exp(−0.8E), a wider law.
     */
    static final class RandomWalk implements SamplerKernel {
        private final double beta;

        RandomWalk(double beta) {
            this.beta = beta;
        }

        @Override
        public ChainState init(Target target, INDArray x0) {
            INDArray x = x0.dup();
            Target.Evaluation ev = target.evaluate(x);
            return new ChainState(x, ev.energy(), ev.grad(), 0.8);
        }

        @Override
        public Step step(Target target, ChainState s, Rng rng) {
            INDArray y = s.x().add(rng.normal(s.x().dataType(), s.x().shape()).muli(0.8));
            Target.Evaluation ev = target.evaluate(y);
            INDArray prob = Transforms.min(Transforms.exp(s.energy().sub(ev.energy()).muli(beta)), 1.0);
            INDArray acc = rng.uniform(prob.dataType(), prob.shape()).lt(prob).castTo(prob.dataType());
            INDArray rej = acc.rsub(1.0);
            long n = s.x().size(0);
            INDArray x = s.x().reshape(n, -1).mulColumnVector(rej).addi(y.reshape(n, -1).mulColumnVector(acc));
            INDArray g = s.grad().reshape(n, -1).mulColumnVector(rej).addi(ev.grad().reshape(n, -1)
                    .mulColumnVector(acc));
            INDArray e = s.energy().mul(rej).addi(ev.energy().mul(acc));
            return new Step(new ChainState(x.reshape(s.x().shape()), e, g.reshape(s.x().shape()), 0.8),
                    new StepInfo(prob, acc));
        }

        @Override
        public int steps() {
            return 10;
        }
    }

    /** A correct random-walk Metropolis kernel passes the whole sampler contract, its negative control included. */
    @Nested
    class ExactRandomWalk extends SamplerKernelContract {
        @Override
        protected SamplerKernel kernel() {
            return new RandomWalk(1.0);
        }

        @Override
        protected boolean metropolisAdjusted() {
            return true;
        }
    }

    @Test
    void aKernelWithAWrongAcceptanceFailsTheStationarityCheck() {
        SamplerKernelContract wrong = new SamplerKernelContract() {
            @Override
            protected SamplerKernel kernel() {
                return new RandomWalk(0.8);
            }

            @Override
            protected boolean metropolisAdjusted() {
                return true;
            }
        };
        fails(wrong::leavesAGaussianExactlyInvariant);
    }
}
