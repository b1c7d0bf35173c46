package dev.ebm.runner.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Rng;
import dev.ebm.runner.chains.ChainMetrics;
import dev.ebm.runner.chains.ChainStarts;
import dev.ebm.runner.chains.EnergyLines;
import java.io.PrintStream;

/**
 * Runs one {@code lines} analysis on one model: the energy along {@code lines} straight lines from test images
 * (a fixed random choice) to uniform noise images, {@code points} points each ({@link EnergyLines}).
 */
final class LinesAnalysisRun {
    private LinesAnalysisRun() {}

    static ObjectNode run(Analysis a, StudiedModel m, Judge judge, long seed, PrintStream out) {
        long t0 = System.nanoTime();
        long stream = Results.stream(a.name());
        Rng root = new Rng(seed).fork(stream);
        var box = m.ex().data.bounds();
        ChainStarts from = ChainStarts.draw("test", a.chains(), judge.test(), box, m.ex().dtype, root.fork(0));
        ChainStarts to = ChainStarts.draw("uniform", a.chains(), judge.test(), box, m.ex().dtype, root.fork(1));
        out.printf("  %s on %s: %d lines of %d points%n", a.id(), m.label(), a.chains(), a.points());
        EnergyLines lines = EnergyLines.of(m.ex().energy, from.x(), to.x(), a.points());

        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("lines", a.chains());
        o.put("points", a.points());
        ObjectNode rand = o.putObject("randomness");
        rand.put("seed", seed);
        rand.put("stream", stream);
        rand.put("test_images", "Rng(seed).fork(stream).fork(0)");
        rand.put("noise", "Rng(seed).fork(stream).fork(1), uniform over the data's box");
        Results.ints(o.putArray("test_indices"), from.testIndices());
        ArrayNode t = o.putArray("t");
        ArrayNode mean = o.putArray("mean");
        ArrayNode std = o.putArray("std");
        double[] mu = lines.mean();
        double[] sd = lines.std();
        for (int j = 0; j < a.points(); j++) {
            t.add(lines.t()[j]);
            Results.number(mean, mu[j]);
            Results.number(std, sd[j]);
        }
        Results.number(o, "energy_test_end", mu[0]);
        Results.number(o, "energy_noise_end", mu[a.points() - 1]);
        double peak = java.util.Arrays.stream(mu).max().orElse(Double.NaN);
        Results.number(o, "mean_curve_max", peak);
        int arg = 0;
        for (int j = 1; j < mu.length; j++) {
            arg = mu[j] > mu[arg] ? j : arg;
        }
        o.put("mean_curve_argmax_t", lines.t()[arg]);
        Results.spread(o.putObject("barrier"), ChainMetrics.Spread.of(lines.barriers()));
        Results.number(o, "interior_maximum_fraction", lines.interiorMaximumFraction());
        ArrayNode per = o.putArray("energies");
        for (double[] line : lines.energies()) {
            ArrayNode row = per.addArray();
            for (double v : line) {
                Results.number(row, v);
            }
        }
        o.put("seconds", (System.nanoTime() - t0) / 1e9);
        return o;
    }
}
