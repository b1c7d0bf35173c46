package dev.ebm.runner.sweep;

import dev.ebm.runner.spec.SpecLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bin/ebm sweep --dry-run}: the plan of a sweep, read-only. Prints the cases with their overrides, every run
 * with what the sweep would do with it (done, resume from step N, new) and its prior cost estimate
 * ({@link CostModel}), and the total with the chosen workers.
 */
public final class SweepDryRun {
    private final SpecLoader loader;
    private final PrintStream out;

    public SweepDryRun(SpecLoader loader, PrintStream out) {
        this.loader = loader;
        this.out = out;
    }

    /** Prints the plan of {@code runs} in sweep directory {@code dir}. */
    public void print(Path file, SweepPlan plan, List<SweepPlan.ResolvedRun> runs, Path dir, Workers w) {
        out.printf("sweep %s -> %s: %d case(s) x %d seed(s) = %d runs; %d worker(s) x %d thread(s)%n", file, dir,
                plan.cases().size(), plan.sweep().seeds().size(), runs.size(), w.workers(), w.threads());
        out.println("cases:");
        for (SweepPlan.PlannedCase c : plan.cases()) {
            out.printf("  %s: %s%s%n", c.name(), c.base(), c.overrides().isEmpty() ? ""
                    : " with " + String.join(", ", c.overrides()));
        }
        out.println("runs, in order:");
        double total = 0;
        int todo = 0;
        for (SweepPlan.ResolvedRun r : runs) {
            Path runDir = dir.resolve("runs").resolve(r.run().dir());
            RunDirState s = RunDirState.inspect(runDir, r.yaml(), r.spec().train().steps(), loader);
            String what;
            double est = 0;
            if (s.specMismatch() != null) {
                what = "REFUSED: " + s.specMismatch();
            } else if (s.finished()) {
                what = "done";
            } else {
                est = CostModel.seconds(loader.mapper().valueToTree(r.spec()), s.checkpointStep());
                what = (s.checkpointStep() > 0 ? "resume from step " + s.checkpointStep() : "new") + ", "
                        + r.spec().train().steps() + " steps, ~" + CostModel.words(est);
                todo++;
            }
            total += est;
            out.printf("  runs/%-40s %s%n", r.run().dir(), what);
        }
        int parallel = Math.max(1, Math.min(w.workers(), todo));
        out.printf("estimated cost: %d run(s) to do, ~%s of training on one worker, ~%s with %d worker(s) "
                + "(a rough prior: docs/SWEEPS.md, \"Cost\")%n", todo, CostModel.words(total),
                CostModel.words(total / parallel), parallel);
    }
}
