package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.samplers.spec.ReplicaExchangeSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Replica exchange (parallel tempering) around any kernel: each of the N visible chains has a replica at every
 * temperature T_r = T·ladder[r] of the ladder (T the target's own temperature, ladder[0] = 1), replica r moves by
 * the inner kernel on {@code target.atTemperature(T_r)}, and after every {@code swapEvery}-th step each chain's
 * neighbouring replicas (r, r + 1) exchange positions with probability min(1, exp((β_r − β_{r+1})(E(x_r) −
 * E(x_{r+1})))), β = 1/T_r, on the untempered energies E — first the pairs (0, 1), (2, 3), …, then (1, 2),
 * (3, 4), …, each an exact Metropolis move on the product of the tempered targets.
 *
 * <p>State: the visible fields of the returned {@link ChainState} are the T = 1 replicas ({@code [N, ...]}); the
 * replicas at every temperature live in its {@link ChainState#internal() internal} part ({@link #replicas}). A
 * swap moves rows between temperatures without re-evaluating the energy: the tempered energy and gradient are
 * rescaled by T_from/T_to.
 *
 * <p>What a step reports: {@code accepted} is 1 where the visible chain moved (by its own move or by a swap) and
 * {@code acceptProb} the probability of that given the proposals, α + (1 − α)·α_swap, where α is the inner
 * kernel's acceptance probability at T = 1 and α_swap the swap probability had the inner move been rejected
 * (0 where the partner sits at the same position); both are null when the inner kernel has no test. The named
 * diagnostics hold the inner kernel's acceptance at each temperature ({@code accept_rate@T=<t>}) and the share of
 * chains that swapped, per attempted pair ({@code swap_rate@T=<a>:<b>}).
 *
 * <p>Warm-up adaptation runs at each temperature separately with that temperature's own acceptance, so each finds
 * its own step size; the visible step size is that of T = 1.
 */
public final class ReplicaExchangeKernel implements SamplerKernel {
    private final ReplicaExchangeSpec spec;
    private final SamplerKernel inner;
    private final double[] ladder;
    private final String[] acceptKeys;
    private final String[] swapKeys;

    public ReplicaExchangeKernel(ReplicaExchangeSpec spec, SamplerKernel inner) {
        this.spec = spec;
        this.inner = inner;
        this.ladder = spec.ladder();
        int r = ladder.length;
        this.acceptKeys = new String[r];
        this.swapKeys = new String[r - 1];
        for (int i = 0; i < r; i++) {
            acceptKeys[i] = "accept_rate@T=" + format(ladder[i]);
            if (i + 1 < r) {
                swapKeys[i] = "swap_rate@T=" + format(ladder[i]) + ":" + format(ladder[i + 1]);
            }
        }
    }

    /** A temperature to four significant digits, without trailing zeros: 1, 1.811, 8, 35.33. */
    static String format(double t) {
        return new BigDecimal(t).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The ladder (relative to the target's temperature), T = 1 first. */
    public double[] temperatures() {
        return ladder.clone();
    }

    /** The kernel run at every temperature. */
    public SamplerKernel inner() {
        return inner;
    }

    /** The replicas of a state made by this kernel, one state {@code [N, ...]} per temperature, T = 1 first. */
    public List<ChainState> replicas(ChainState state) {
        return ensemble(state).replicas();
    }

    private Target at(Target target, int r) {
        return target.atTemperature(target.temperature() * ladder[r]);
    }

    /** Every replica starts at {@code x0}. */
    @Override
    public ChainState init(Target target, INDArray x0) {
        return init(target, Collections.nCopies(ladder.length, x0));
    }

    /**
     * Replica r starts at {@code starts.get(r)} (all of one shape), e.g. at draws from its own tempered target so
     * that the joint chain starts in its stationary distribution. Nothing given is mutated or retained.
     */
    public ChainState init(Target target, List<INDArray> starts) {
        if (starts.size() != ladder.length) {
            throw new IllegalArgumentException("replica exchange has " + ladder.length + " temperatures, found "
                    + starts.size() + " start arrays");
        }
        List<ChainState> replicas = new ArrayList<>(ladder.length);
        for (int r = 0; r < ladder.length; r++) {
            if (!Arrays.equals(starts.get(r).shape(), starts.get(0).shape())) {
                throw new IllegalArgumentException("start " + r + " has shape " + Arrays.toString(starts.get(r).shape())
                        + ", start 0 has " + Arrays.toString(starts.get(0).shape()));
            }
            replicas.add(inner.init(at(target, r), starts.get(r)));
        }
        return visible(new Ensemble(replicas, 0, Collections.nCopies(ladder.length, StepInfo.NONE)));
    }

    private static ChainState visible(Ensemble e) {
        ChainState s = e.replicas().get(0);
        return new ChainState(s.x(), s.energy(), s.grad(), s.stepSize(), e);
    }

    private Ensemble ensemble(ChainState state) {
        if (state.internal() instanceof Ensemble e && e.replicas().size() == ladder.length) {
            return e;
        }
        throw new IllegalArgumentException("the state holds no replicas at this kernel's " + ladder.length
                + " temperatures; states of replica exchange come from its init, step or moveTo");
    }

    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        Ensemble e = ensemble(state);
        int temps = ladder.length;
        ChainState[] s = new ChainState[temps];
        StepInfo[] infos = new StepInfo[temps];
        for (int r = 0; r < temps; r++) {
            Step st = inner.step(at(target, r), e.replicas().get(r), rng);
            s[r] = st.state();
            infos[r] = st.info();
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        for (int r = 0; r < temps; r++) {
            double a = infos[r].acceptRate();
            if (!Double.isNaN(a)) {
                diagnostics.put(acceptKeys[r], a);
            }
        }
        long t = e.step() + 1;
        double[] swapIfRejected = null;
        if (t % spec.swapEvery() == 0) {
            // the pair (0, 1) goes first, so the partner of the visible chains is still its post-move self here
            swapIfRejected = swapProbabilityIfRejected(target, e.replicas().get(0), s[1]);
            double[] rates = new double[temps - 1];
            for (int parity = 0; parity < 2; parity++) {
                for (int i = parity; i + 1 < temps; i += 2) {
                    rates[i] = swap(target, s, i, rng);
                }
            }
            for (int i = 0; i + 1 < temps; i++) {
                diagnostics.put(swapKeys[i], rates[i]);
            }
        }
        StepInfo info = visibleInfo(e.replicas().get(0), s[0], infos[0], swapIfRejected, diagnostics);
        return new Step(visible(new Ensemble(Arrays.asList(s), t, Arrays.asList(infos))), info);
    }

    /**
     * Swaps rows of replicas i and i + 1 with the Metropolis probability; returns the share of chains swapped.
     * The states in {@code s} are replaced by new ones; no array is written.
     */
    private double swap(Target target, ChainState[] s, int i, Rng rng) {
        int j = i + 1;
        double ti = target.temperature() * ladder[i];
        double tj = target.temperature() * ladder[j];
        ChainState a = s[i];
        ChainState b = s[j];
        double[] ea = doubles(a.energy());
        double[] eb = doubles(b.energy());
        int n = ea.length;
        double[] u = rng.uniform(DataType.DOUBLE, n).toDoubleVector();
        boolean[] take = new boolean[n];
        int swapped = 0;
        for (int k = 0; k < n; k++) {
            double p = swapProbability(ea[k] * ti, eb[k] * tj, ti, tj);
            take[k] = u[k] < p;
            swapped += take[k] ? 1 : 0;
        }
        if (swapped > 0) {
            // E/T_from·(T_from/T_to) = E/T_to: tempered energies and gradients move with a factor, no evaluation
            INDArray[] x = Moves.exchange(take, a.x(), b.x(), 1.0, 1.0);
            INDArray[] en = Moves.exchange(take, a.energy(), b.energy(), tj / ti, ti / tj);
            INDArray[] g = Moves.exchange(take, a.grad(), b.grad(), tj / ti, ti / tj);
            s[i] = new ChainState(x[0], en[0], g[0], a.stepSize(), a.internal());
            s[j] = new ChainState(x[1], en[1], g[1], b.stepSize(), b.internal());
        }
        return swapped / (double) n;
    }

    /** min(1, exp((1/ti − 1/tj)(ei − ej))) for untempered energies; 0 when it is not a number. */
    private static double swapProbability(double ei, double ej, double ti, double tj) {
        double logAlpha = (1 / ti - 1 / tj) * (ei - ej);
        if (Double.isNaN(logAlpha)) {
            return 0;
        }
        return logAlpha >= 0 ? 1 : Math.exp(logAlpha);
    }

    /**
     * Per visible chain, the probability that the (0, 1) swap takes it to its partner's position had its own move
     * been rejected: the swap probability from its position before the step, 0 where the partner is there too.
     */
    private double[] swapProbabilityIfRejected(Target target, ChainState before, ChainState partner) {
        double t0 = target.temperature() * ladder[0];
        double t1 = target.temperature() * ladder[1];
        double[] e0 = doubles(before.energy());
        double[] e1 = doubles(partner.energy());
        boolean[] same = sameRows(before.x(), partner.x());
        double[] p = new double[e0.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = same[k] ? 0 : swapProbability(e0[k] * t0, e1[k] * t1, t0, t1);
        }
        return p;
    }

    private static StepInfo visibleInfo(ChainState before, ChainState after, StepInfo own, double[] swapIfRejected,
            Map<String, Double> diagnostics) {
        if (own.accepted() == null || own.acceptProb() == null) {
            return new StepInfo(null, null, diagnostics);
        }
        boolean[] same = sameRows(before.x(), after.x());
        double[] alpha = doubles(own.acceptProb());
        double[] prob = new double[same.length];
        double[] moved = new double[same.length];
        for (int k = 0; k < prob.length; k++) {
            double a = Double.isNaN(alpha[k]) ? 0 : alpha[k];
            prob[k] = swapIfRejected == null ? a : a + (1 - a) * swapIfRejected[k];
            moved[k] = same[k] ? 0 : 1;
        }
        DataType dtype = after.x().dataType();
        return new StepInfo(Nd4j.createFromArray(prob).castTo(dtype), Nd4j.createFromArray(moved).castTo(dtype),
                diagnostics);
    }

    /** Per chain, whether two arrays {@code [N, ...]} hold the same values. */
    private static boolean[] sameRows(INDArray a, INDArray b) {
        int n = (int) a.size(0);
        double[] x = doubles(a);
        double[] y = doubles(b);
        int d = n == 0 ? 0 : x.length / n;
        boolean[] same = new boolean[n];
        for (int k = 0; k < n; k++) {
            boolean eq = true;
            for (int j = k * d; eq && j < (k + 1) * d; j++) {
                eq = x[j] == y[j];
            }
            same[k] = eq;
        }
        return same;
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @Override
    public int steps() {
        return spec.steps();
    }

    @Override
    public int warmupSteps() {
        return inner.warmupSteps();
    }

    /** Adapts every temperature with its own last acceptance. */
    @Override
    public ChainState adapt(ChainState state, StepInfo info, int t) {
        Ensemble e = ensemble(state);
        List<ChainState> adapted = new ArrayList<>(ladder.length);
        for (int r = 0; r < ladder.length; r++) {
            adapted.add(inner.adapt(e.replicas().get(r), e.infos().get(r), t));
        }
        return visible(new Ensemble(adapted, e.step(), e.infos()));
    }

    @Override
    public ChainState endWarmup(ChainState state) {
        Ensemble e = ensemble(state);
        List<ChainState> done = new ArrayList<>(ladder.length);
        for (ChainState r : e.replicas()) {
            done.add(inner.endWarmup(r));
        }
        return visible(new Ensemble(done, e.step(), e.infos()));
    }

    /** Moves the visible (T = 1) chains to {@code x}; the other temperatures keep their replicas. */
    @Override
    public ChainState moveTo(Target target, ChainState state, INDArray x) {
        Ensemble e = ensemble(state);
        List<ChainState> replicas = new ArrayList<>(e.replicas());
        replicas.set(0, inner.moveTo(at(target, 0), replicas.get(0), x));
        return visible(new Ensemble(replicas, e.step(), e.infos()));
    }
}
