package dev.ebm.runner.thirdparty;

import dev.ebm.api.ChainState;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.api.traits.TermRole;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Plugins written as a third party would write them, known to the runner only through what they declare: a negative
 * source that starts chains at the data ({@code nearby-data}), two contrastive terms ({@code my-ml} for model chains,
 * {@code my-cd-star} for data chains only), a random-walk Metropolis kernel ({@code rwm}), a source whose provider
 * fails to build it ({@code broken-source}) and one whose declaration fails ({@code confused-source}).
 */
public final class ThirdPartyPlugins {
    static {
        // the binder (dev.ebm.api) and Jackson build and read these spec records reflectively
        Module self = ThirdPartyPlugins.class.getModule();
        self.addOpens(ThirdPartyPlugins.class.getPackageName(), PluginRegistry.class.getModule());
        self.addOpens(ThirdPartyPlugins.class.getPackageName(),
                com.fasterxml.jackson.databind.ObjectMapper.class.getModule());
    }

    private ThirdPartyPlugins() {}

    /** Every plugin the service loader finds, plus these. */
    public static PluginRegistry registry() {
        PluginRegistry loaded = PluginRegistry.load();
        List<Provider<?, ?>> all = new ArrayList<>();
        for (Kind k : Kind.values()) {
            all.addAll(loaded.providers(k).values());
        }
        all.addAll(List.of(new NearbyData(), new MyMl(), new MyCdStar(), new Rwm(), new Broken(), new Confused()));
        return PluginRegistry.of(all);
    }

    public record NearbyDataSpec() implements NegativeSourceSpec {}

    /** Chains start at rows of the data batch drawn at random: CD-k by declaration, under a new name. */
    public static final class NearbyData implements NegativeSourceProvider {
        @Override
        public String type() {
            return "nearby-data";
        }

        @Override
        public Class<NearbyDataSpec> specType() {
            return NearbyDataSpec.class;
        }

        @Override
        public ChainStart chainStart(NegativeSourceSpec spec) {
            return ChainStart.fromData();
        }

        @Override
        public NegativeSource create(NegativeSourceSpec spec, PluginContext context) {
            return new NegativeSource() {
                @Override
                public INDArray draw(int n, INDArray data, Rng rng) {
                    int[] rows = new int[n];
                    for (int i = 0; i < n; i++) {
                        rows[i] = rng.nextInt((int) data.size(0));
                    }
                    INDArray flat = data.reshape(data.size(0), data.length() / data.size(0));
                    long[] shape = data.shape().clone();
                    shape[0] = n;
                    return flat.getRows(rows).reshape(shape);
                }

                @Override
                public boolean persistent() {
                    return false;
                }
            };
        }
    }

    public record MyMlSpec(Double weight) implements ObjectiveSpec {
        public MyMlSpec {
            weight = weight == null ? 1.0 : weight;
        }
    }

    public record MyCdStarSpec(Double weight) implements ObjectiveSpec {
        public MyCdStarSpec {
            weight = weight == null ? 1.0 : weight;
        }
    }

    private static ObjectiveTerm contrastive() {
        return batch -> batch.ePos().mean().sub(batch.eNeg().mean());
    }

    /** mean E(x+) − mean E(x−), declared as maximum likelihood (meant for chains that sample the model). */
    public static final class MyMl implements ObjectiveProvider {
        @Override
        public String type() {
            return "my-ml";
        }

        @Override
        public Class<MyMlSpec> specType() {
            return MyMlSpec.class;
        }

        @Override
        public TermRole role(ObjectiveSpec spec) {
            return TermRole.contrastive(TermRole.ChainUse.MODEL, false, "");
        }

        @Override
        public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
            return contrastive();
        }
    }

    /** The same loss, declared as defined only for chains started at the data (CD*). */
    public static final class MyCdStar implements ObjectiveProvider {
        @Override
        public String type() {
            return "my-cd-star";
        }

        @Override
        public Class<MyCdStarSpec> specType() {
            return MyCdStarSpec.class;
        }

        @Override
        public TermRole role(ObjectiveSpec spec) {
            return TermRole.contrastive(TermRole.ChainUse.DATA_ONLY, false, "");
        }

        @Override
        public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
            return contrastive();
        }
    }

    public record RwmSpec(Integer steps, Double scale) implements SamplerSpec {
        public RwmSpec {
            steps = steps == null ? 10 : steps;
            scale = scale == null ? 0.5 : scale;
        }
    }

    /** Random-walk Metropolis: y = x + scale·ξ, accepted per chain with probability min(1, exp(E(x) − E(y))). */
    public static final class Rwm implements SamplerProvider {
        @Override
        public String type() {
            return "rwm";
        }

        @Override
        public Class<RwmSpec> specType() {
            return RwmSpec.class;
        }

        @Override
        public KernelTraits traits(SamplerSpec spec, PluginRegistry registry) {
            return KernelTraits.metropolis(1.0, "1", "random-walk Metropolis with scale " + ((RwmSpec) spec).scale());
        }

        @Override
        public SamplerKernel create(SamplerSpec spec, PluginContext context) {
            RwmSpec s = (RwmSpec) spec;
            return new RandomWalk(s.steps(), s.scale());
        }
    }

    /** The kernel of {@link Rwm}. */
    static final class RandomWalk implements SamplerKernel {
        private final int steps;
        private final double scale;

        RandomWalk(int steps, double scale) {
            this.steps = steps;
            this.scale = scale;
        }

        @Override
        public ChainState init(Target target, INDArray x0) {
            INDArray x = x0.dup();
            Target.Evaluation ev = target.evaluate(x);
            return new ChainState(x, ev.energy(), ev.grad(), scale);
        }

        @Override
        public Step step(Target target, ChainState s, Rng rng) {
            INDArray y = s.x().add(rng.normal(s.x().dataType(), s.x().shape()).muli(scale));
            Target.Evaluation ev = target.evaluate(y);
            INDArray prob = Transforms.min(Transforms.exp(s.energy().sub(ev.energy())), 1.0);
            INDArray u = rng.uniform(prob.dataType(), prob.shape());
            INDArray accepted = u.lt(prob).castTo(prob.dataType());
            INDArray rejected = accepted.rsub(1.0);
            long n = s.x().size(0);
            INDArray xf = s.x().reshape(n, s.x().length() / n);
            INDArray yf = y.reshape(n, y.length() / n);
            INDArray gx = s.grad().reshape(n, s.grad().length() / n);
            INDArray gy = ev.grad().reshape(n, ev.grad().length() / n);
            INDArray x = xf.mulColumnVector(rejected).addi(yf.mulColumnVector(accepted)).reshape(s.x().shape());
            INDArray g = gx.mulColumnVector(rejected).addi(gy.mulColumnVector(accepted)).reshape(s.x().shape());
            INDArray e = s.energy().mul(rejected).addi(ev.energy().mul(accepted));
            return new Step(new ChainState(x, e, g, scale), new StepInfo(prob, accepted));
        }

        @Override
        public int steps() {
            return steps;
        }
    }

    public record BrokenSpec() implements NegativeSourceSpec {}

    /** A provider that fails to build its source, with a message of its own. */
    public static final class Broken implements NegativeSourceProvider {
        @Override
        public String type() {
            return "broken-source";
        }

        @Override
        public Class<BrokenSpec> specType() {
            return BrokenSpec.class;
        }

        @Override
        public ChainStart chainStart(NegativeSourceSpec spec) {
            return ChainStart.fromData();
        }

        @Override
        public NegativeSource create(NegativeSourceSpec spec, PluginContext context) {
            throw new IllegalStateException("the calibration table /opt/broken/table.csv is missing");
        }
    }

    public record ConfusedSpec() implements NegativeSourceSpec {}

    /** A provider whose declaration fails. */
    public static final class Confused implements NegativeSourceProvider {
        @Override
        public String type() {
            return "confused-source";
        }

        @Override
        public Class<ConfusedSpec> specType() {
            return ConfusedSpec.class;
        }

        @Override
        public ChainStart chainStart(NegativeSourceSpec spec) {
            return ChainStart.persistent(null, 0.7, 0.6);
        }

        @Override
        public NegativeSource create(NegativeSourceSpec spec, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
