package dev.ebm.runner.cli;

import dev.ebm.runner.report.html.Page;
import dev.ebm.runner.report.html.PageWriter;
import dev.ebm.runner.report.html.ReportFiles;
import dev.ebm.runner.report.html.RunReport;
import dev.ebm.runner.report.html.SweepReport;
import dev.ebm.runner.spec.SpecLoader;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/ebm report RUN_DIR|SWEEP_DIR [--out FILE]}: one self-contained HTML page about a run or a sweep. */
@Command(name = "report", description = {
    "Write one self-contained HTML file (images inline, nothing loaded from the network) about a run or a sweep.",
    "For a run: status, evaluation, training curves, samples, density plots, what the spec optimises, the spec and "
        + "the provenance. For a sweep: the summary table with confidence intervals, a chart per metric, the runs "
        + "with their errors and the training curves per case. Missing pieces are named, not fatal."})
public final class ReportCommand implements Callable<Integer> {
    private final SpecLoader loader;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory or a sweep directory.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file to write (default DIR/report.html).")
    Path out;

    @Inject
    ReportCommand(SpecLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() {
        ReportFiles.Kind kind = ReportFiles.kind(dir);
        if (kind == null) {
            System.err.println("report: " + dir + " is neither a run directory (spec.resolved.yaml, metrics.jsonl, "
                    + "provenance.json) nor a sweep directory (sweep.yaml, sweep.json, summary.csv)");
            return ExitCodes.BAD_INPUT;
        }
        Path file = out != null ? out : dir.resolve(ReportFiles.DEFAULT_NAME);
        Page page = kind == ReportFiles.Kind.RUN ? new RunReport(loader).page(dir)
                : new SweepReport(loader).page(dir, file);
        try {
            PageWriter.write(page, file);
        } catch (UncheckedIOException e) {
            System.err.println("report: " + e.getMessage() + ": " + e.getCause().getMessage());
            return ExitCodes.BAD_INPUT;
        }
        System.out.println("report: " + file);
        return 0;
    }
}
