package dev.ebm.runner.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.DataSource;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.diag.ChainDiagnostics;
import dev.ebm.runner.report.ImageGrids;
import dev.ebm.runner.report.Provenance;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One {@code bin/ebm sample}: builds the energy, sampler and chain starts from a source, runs the chains step by
 * step while recording energies (and coordinates of low-dimensional samples), and writes {@code samples.npy},
 * {@code chain.png}, {@code info.json}, {@code spec.resolved.yaml} and {@code provenance.json}, and for images
 * {@code grid.png} (the first 64 final samples).
 *
 * <p>The chains' randomness is stream −3 of the spec's seed (training uses −1 for initialisation, −2 for
 * evaluation and 1, 2, ... for its steps).
 */
public final class SampleRun {
    /** Chains whose paths {@code chain.png} draws. */
    static final int PLOTTED_CHAINS = 10;
    /** The default recording budget: {@code --thin} is raised so the record stays below it. */
    static final long RECORD_BUDGET_BYTES = 256L << 20;

    private final SpecLoader loader;
    private final PluginRegistry registry;
    private final PrintStream out;

    /**
     * How to sample.
     *
     * @param chains number of chains
     * @param burn steps discarded before the diagnostics, or null for half the steps (at least the kernel's
     *     warm-up)
     * @param thin record every thin-th step, or null for 1 (raised to keep the record under 256 MiB)
     */
    public record Options(int chains, Integer burn, Integer thin) {}

    public SampleRun(SpecLoader loader, PluginRegistry registry, PrintStream out) {
        this.loader = loader;
        this.registry = registry;
        this.out = out;
    }

    /**
     * Samples from {@code source} into {@code dir} (created if needed).
     *
     * @param overrides {@code --set} overrides, applied to the source's spec
     * @param args the command line, for provenance
     * @return the contents of {@code info.json}
     * @throws SpecException for a spec that cannot be sampled (every problem listed)
     */
    public ObjectNode run(SampleSource source, List<String> overrides, Options opt, Path dir, boolean terminal,
            List<String> args) {
        long wallStart = System.nanoTime();
        ExperimentSpec loaded = loader.load(source.spec(), overrides);
        SamplingSetup setup = SamplingSetup.build(loaded, registry);
        ExperimentSpec spec = setup.spec;
        long checkpointStep = -1;
        if (source.checkpoint() != null) {
            checkpointStep = setup.load(source.checkpoint());
        } else if (!setup.energy.parameters().isEmpty()) {
            String type = registry.typeOf(spec.energy());
            throw new SpecException("energy", source.kind() == SampleSource.Kind.RUN
                    ? "the run directory " + source.path() + " has no checkpoint yet to load the '" + type
                            + "' energy's parameters from"
                    : "'" + type + "' has " + setup.energy.parameters().size() + " trainable parameters and a spec "
                            + "alone does not train them: sample a trained run (bin/ebm sample runs/NAME-...) or "
                            + "use an analytic energy (one without parameters)");
        }
        int steps = setup.kernel.steps();
        int burn = opt.burn() != null ? opt.burn() : Math.min(Math.max(steps / 2, setup.kernel.warmupSteps()), steps);
        List<String> bad = new ArrayList<>();
        if (steps < 1) {
            bad.add("sampler.steps must be >= 1 to sample, found " + steps);
        }
        if (opt.chains() < 1) {
            bad.add("--chains must be >= 1, found " + opt.chains());
        }
        if (burn < 0 || (steps >= 1 && burn >= steps)) {
            bad.add("--burn must be in [0, steps) = [0, " + steps + "), found " + burn);
        }
        if (opt.thin() != null && opt.thin() < 1) {
            bad.add("--thin must be >= 1, found " + opt.thin());
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bad));
        }
        long sampleSize = 1;
        for (long s : setup.sampleShape) {
            sampleSize *= s;
        }
        int thin = opt.thin() != null ? opt.thin() : 1;
        while (opt.thin() == null && ChainRecord.bytes(opt.chains(), sampleSize, steps, thin) > RECORD_BUDGET_BYTES) {
            thin++;
        }
        boolean images = setup.sampleShape.length >= 2;

        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("spec.resolved.yaml"), loader.toYaml(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        Provenance.write(dir.resolve("provenance.json"), spec, registry, args);
        String samplerType = registry.typeOf(spec.sampler());
        out.printf("sample %s (%s%s): %s energy, %s sampler, %s starts, %d chains x %d steps (burn %d, thin %d) -> "
                + "%s%n", source.path(), source.kind().label(), checkpointStep >= 0 ? " at step " + checkpointStep
                : "", registry.typeOf(spec.energy()), samplerType, setup.negativesName, opt.chains(),
                steps, burn, thin, dir);

        if (burn < Math.min(setup.kernel.warmupSteps(), steps)) {
            out.printf("note: --burn %d is shorter than the sampler's adaptation warm-up (%d steps): the diagnostics "
                    + "include steps whose step size was still changing%n", burn, setup.kernel.warmupSteps());
        }
        Rng root = new Rng(spec.seed()).fork(-3);
        Rng startRng = root.split();
        DataSource data = setup.data;
        INDArray batch = data == null ? null : data.batch(opt.chains(), root.split(), setup.dtype);
        INDArray x0 = setup.negatives.draw(opt.chains(), batch, startRng);
        Rng chainRng = root.split();
        ChainDriver driver = new ChainDriver(setup.kernel, Target.of(setup.energy), x0, steps, setup.transitions,
                setup.transitionEvery);
        ChainRecord record = new ChainRecord(opt.chains(), setup.sampleShape, steps, thin, images);
        StepStats stats = new StepStats(StepStats.DEFAULT_READERS);
        record.record(0, driver.state());
        long loopStart = System.nanoTime();
        try (Progress progress = new Progress("sample", 0, steps, terminal, out)) {
            for (int t = 0; t < steps; t++) {
                driver.step(chainRng, (step, warm, state, info) -> {
                    stats.add(info, warm);
                    record.record(step, state);
                });
                double accept = stats.mean("accept_rate");
                progress.update(t + 1, Double.isNaN(accept) ? "" : String.format("accept %.3f", accept));
            }
        }
        double loopSeconds = (System.nanoTime() - loopStart) / 1e9;

        INDArray x = driver.state().x();
        try {
            Nd4j.writeAsNumpy(x, dir.resolve("samples.npy").toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + dir.resolve("samples.npy"), ex);
        }
        double[] finalEnergy = driver.state().energy().castTo(DataType.DOUBLE).toDoubleVector();

        ObjectNode info = new ObjectMapper().createObjectNode();
        info.put("source", source.path().toString());
        info.put("source_kind", source.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (checkpointStep >= 0) {
            info.put("checkpoint", source.checkpoint().toString());
            info.put("checkpoint_step", checkpointStep);
        }
        info.put("sampler", samplerType);
        info.put("energy_type", registry.typeOf(spec.energy()));
        info.put("negatives", setup.negativesName);
        info.put("dtype", spec.dtype());
        info.put("seed", spec.seed());
        ArrayNode shape = info.putArray("sample_shape");
        for (long s : setup.sampleShape) {
            shape.add(s);
        }
        info.put("chains", opt.chains());
        info.put("steps", steps);
        info.put("warmup", driver.warmupSteps());
        info.put("burn", burn);
        info.put("thin", thin);
        Map<String, Double> means = stats.means();
        putNumber(info, "accept_rate", means.getOrDefault("accept_rate", Double.NaN));
        if (means.keySet().stream().anyMatch(k -> !k.equals("accept_rate"))) {
            ObjectNode si = info.putObject("step_info");
            means.forEach((k, v) -> putNumber(si, k, v));
        }
        ObjectNode energy = info.putObject("energy");
        Summary e = Summary.of(finalEnergy);
        putNumber(energy, "mean", e.mean);
        putNumber(energy, "std", e.std);
        putNumber(energy, "min", e.min);
        putNumber(energy, "max", e.max);
        info.put("diverged_chains", e.nonFinite);

        ObjectNode ess = info.putObject("ess");
        ObjectNode rhat = info.putObject("rhat");
        int draws = record.draws("energy", burn)[0].length;
        info.put("draws_per_chain", draws);
        for (String q : record.quantities()) {
            ChainDiagnostics.Result r = ChainDiagnostics.of(record.draws(q, burn));
            putNumber(ess, q, r.bulkEss());
            putNumber(rhat, q, r.rhat());
        }
        if (draws < 4) {
            info.put("diagnostics_note", "fewer than 4 recorded draws per chain after burn-in: no ESS or R-hat");
        }
        ChainPictures.write(record, x, finalEnergy, setup.sampleShape, steps, dir.resolve("chain.png"));
        if (images) {
            double lo = data != null ? data.bounds().low()[0] : x.minNumber().doubleValue();
            double hi = data != null ? data.bounds().high()[0] : x.maxNumber().doubleValue();
            ImageGrids.write(x, lo, hi, "Final samples: the first " + Math.min(ImageGrids.SHOWN, opt.chains())
                    + " of " + opt.chains() + " chains after " + steps + " steps", dir.resolve("grid.png"));
        }
        info.put("sampling_s", loopSeconds);
        info.put("ms_per_step", 1e3 * loopSeconds / steps);
        info.put("wall_s", (System.nanoTime() - wallStart) / 1e9);
        try {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("info.json").toFile(), info);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + dir.resolve("info.json"), ex);
        }
        report(info, e);
        return info;
    }

    private void report(ObjectNode info, Summary e) {
        out.printf("energy of the final samples: mean %.4g, std %.4g, min %.4g, max %.4g%n", e.mean, e.std, e.min,
                e.max);
        if (info.hasNonNull("accept_rate")) {
            out.printf("accept_rate %.3f%n", info.get("accept_rate").asDouble());
        }
        StringBuilder sb = new StringBuilder("diagnostics over " + info.get("draws_per_chain").asInt()
                + " draws per chain after burn-in:");
        double worst = 0;
        double minEss = Double.POSITIVE_INFINITY;
        var names = info.get("rhat").fieldNames();
        while (names.hasNext()) {
            String q = names.next();
            var r = info.get("rhat").get(q);
            var n = info.get("ess").get(q);
            sb.append(String.format("%n  %-7s R-hat %s  bulk ESS %s", q, r.isNull() ? "n/a" : String.format("%.4f",
                    r.asDouble()), n.isNull() ? "n/a" : String.format("%.0f", n.asDouble())));
            if (!r.isNull()) {
                worst = Math.max(worst, r.asDouble());
            }
            if (!n.isNull()) {
                minEss = Math.min(minEss, n.asDouble());
            }
        }
        out.println(sb);
        if (worst > 1.01) {
            out.printf("warning: R-hat %.3f > 1.01: the chains do not agree yet. They may be too short for their "
                    + "autocorrelation (smallest bulk ESS per chain: %.1f; R-hat near 1 needs ~100), stuck in "
                    + "different modes, or still moving: run more steps (--steps) and look at chain.png%n", worst,
                    minEss / info.get("chains").asInt());
        }
        if (e.nonFinite > 0) {
            out.printf("warning: %d chains ended at a non-finite energy (diverged): lower the sampler's step size%n",
                    e.nonFinite);
        }
        out.printf("wrote samples.npy, chain.png, %sinfo.json (%.1f s, %.3f ms per step)%n",
                info.get("sample_shape").size() >= 2 ? "grid.png, " : "", info.get("wall_s").asDouble(),
                info.get("ms_per_step").asDouble());
    }

    private static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    /** Mean, standard deviation, min and max of the finite values, and how many were not finite. */
    private record Summary(double mean, double std, double min, double max, int nonFinite) {
        static Summary of(double[] v) {
            double s = 0;
            double s2 = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (double x : v) {
                if (Double.isFinite(x)) {
                    s += x;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                    n++;
                }
            }
            double mean = n > 0 ? s / n : Double.NaN;
            for (double x : v) {
                if (Double.isFinite(x)) {
                    s2 += (x - mean) * (x - mean);
                }
            }
            return new Summary(mean, n > 1 ? Math.sqrt(s2 / (n - 1)) : Double.NaN, n > 0 ? min : Double.NaN,
                    n > 0 ? max : Double.NaN, v.length - n);
        }
    }
}
