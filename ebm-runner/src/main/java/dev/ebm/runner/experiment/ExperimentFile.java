package dev.ebm.runner.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.spec.Overrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment file (docs/EXPERIMENTS.md): the sweeps that train its models, the analyses run on them and the
 * text of its report. Read with {@code --with PATH=VALUE} overrides applied to the tree first (the syntax of
 * {@code --set}), then checked as a whole: every problem is reported at once with its path.
 *
 * @param file the file, absolute
 * @param name the experiment's name (default: the file name without extension); names its output directories
 * @param title the report's title
 * @param seed the seed of every analysis's starts and chain noise (the same for every model)
 * @param sweeps the sweep files, absolute
 * @param models the sweep cases analysed, in report order, or empty for every case of the sweeps
 * @param notes Markdown put at the top of the report (what is measured and why), or empty
 * @param analyses the analyses, {@code vary} expanded, in file order
 * @param tree the file's tree after the overrides (recorded with the results)
 */
public record ExperimentFile(Path file, String name, String title, long seed, List<Path> sweeps, List<String> models,
        String notes, List<Analysis> analyses, JsonNode tree) {
    public static final List<String> KEYS = List.of("name", "title", "seed", "sweeps", "models", "notes", "analyses");

    /** Reads {@code file} with the overrides {@code with}; throws {@link SpecException} listing every problem. */
    public static ExperimentFile read(Path file, List<String> with, ObjectMapper yaml) {
        JsonNode tree;
        try {
            tree = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SpecException("", "no such experiment file: " + file);
        } catch (JsonProcessingException e) {
            throw new SpecException("", "cannot parse " + file + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""));
        } catch (IOException e) {
            throw new SpecException("", "cannot read " + file + ": " + e.getMessage());
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new SpecException("", "an experiment file must hold a mapping with " + KEYS);
        }
        List<SpecProblem> problems = new ArrayList<>(Overrides.apply(root, with, yaml));
        Path abs = file.toAbsolutePath().normalize();
        Fields f = new Fields(root, problems);
        f.known(KEYS, "");
        String fileName = abs.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = f.text("name", fileName);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            problems.add(new SpecProblem("name", "must use only [A-Za-z0-9._-], found '" + name + "'"));
        }
        String title = f.text("title", name);
        long seed = f.integer("seed", 0, 0, Long.MAX_VALUE);
        List<Path> sweeps = new ArrayList<>();
        for (String s : f.texts("sweeps", true)) {
            Path p = abs.getParent().resolve(s).normalize();
            if (!Files.isRegularFile(p)) {
                problems.add(new SpecProblem("sweeps", "no such sweep file: " + s + " (resolved to " + p + ")"));
            }
            sweeps.add(p);
        }
        List<String> models = f.texts("models", false);
        String notes = f.text("notes", "");
        List<Analysis> analyses = AnalysisFields.parse(root.get("analyses"), problems);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new ExperimentFile(abs, name, title, seed, List.copyOf(sweeps), List.copyOf(models), notes,
                List.copyOf(analyses), root);
    }
}
