package dev.ebm.runner.train;

import dev.ebm.api.ToyDensity;
import dev.ebm.api.plugin.Allocation;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.api.spec.TrainSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Refuses, before anything large is allocated, a spec whose big allocations would not fit: each plugin declares its
 * own ({@link dev.ebm.api.plugin.Provider#allocations}, e.g. a replay buffer's {@code capacity × sample size ×
 * dtype bytes}), the runner adds the data batch, the chains and the evaluation grid, and each one, and their sum,
 * is compared with the off-heap memory the process may use (JavaCPP's {@code maxbytes}, its
 * {@code maxphysicalbytes} and the machine's physical memory, whichever is least); the runner's heap arrays are
 * compared with the heap ({@code -Xmx}). The problem names the spec field, the estimated size and how it comes
 * about.
 */
public final class MemoryBudget {
    /** A named allocation at an absolute spec path; heap allocations are Java arrays, the others ND4J's. */
    public record Item(String path, long bytes, String formula, boolean heap) {}

    private final long offHeapLimit;
    private final String offHeapSource;
    private final long heapLimit;

    /** The budget of this process. */
    public MemoryBudget() {
        long[] limit = {Long.MAX_VALUE};
        StringBuilder source = new StringBuilder();
        consider(limit, source, Pointer.maxBytes(), "org.bytedeco.javacpp.maxbytes");
        consider(limit, source, Pointer.maxPhysicalBytes(), "org.bytedeco.javacpp.maxphysicalbytes");
        long physical;
        try {
            physical = Pointer.totalPhysicalBytes();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            physical = 0;
        }
        consider(limit, source, physical, "the machine's physical memory");
        this.offHeapLimit = limit[0];
        this.offHeapSource = source.toString();
        this.heapLimit = Runtime.getRuntime().maxMemory();
    }

    /** A budget with given limits (tests). */
    public MemoryBudget(long offHeapLimit, String offHeapSource, long heapLimit) {
        this.offHeapLimit = offHeapLimit;
        this.offHeapSource = offHeapSource;
        this.heapLimit = heapLimit;
    }

    private static void consider(long[] limit, StringBuilder source, long bytes, String what) {
        if (bytes > 0 && bytes < limit[0]) {
            limit[0] = bytes;
            source.setLength(0);
            source.append(what);
        }
    }

    /** The big allocations of a run of {@code spec} on data of {@code sampleShape}, largest first. */
    public static List<Item> estimate(ExperimentSpec spec, PluginRegistry registry, long[] sampleShape,
            DataType dtype, boolean toyGrid) {
        TrainSpec t = spec.train();
        int bytes = dtype.width();
        Sizing sizing = new Sizing(sampleShape.clone(), bytes, t.batch(), t.chains(), (long) t.batch() + t.chains());
        List<Item> items = new ArrayList<>();
        items.add(new Item("train.batch", sizing.samples(t.batch()), t.batch() + " data points × "
                + sizing.sampleSize() + " values × " + bytes + " bytes", false));
        items.add(new Item("train.chains", Allocation.product(4, sizing.samples(t.chains())), t.chains()
                + " chains × " + sizing.sampleSize() + " values × " + bytes + " bytes × 4 (positions, gradients, "
                + "noise, proposals)", false));
        items.add(new Item("train.evalPoints", Allocation.product(3, t.evalPoints(), sizing.sampleSize(), 8),
                t.evalPoints() + " points × " + sizing.sampleSize() + " values × 8 bytes × 3", false));
        if (toyGrid) {
            long cells = Allocation.product(t.evalGrid(), t.evalGrid());
            items.add(new Item("train.evalGrid", Allocation.product(cells, 48), t.evalGrid() + " × "
                    + t.evalGrid() + " grid points × 48 bytes (coordinates, energies, log-densities)", true));
            items.add(new Item("train.evalGrid", Allocation.product(cells, 16 + bytes), t.evalGrid() + " × "
                    + t.evalGrid() + " grid points × " + (16 + bytes) + " bytes (coordinates)", false));
        }
        add(items, "data", registry, spec.data(), sizing);
        add(items, "energy", registry, spec.energy(), sizing);
        add(items, "negatives", registry, spec.negatives(), sizing);
        add(items, "sampler", registry, spec.sampler(), sizing);
        add(items, "optimizer", registry, spec.optimizer(), sizing);
        for (int i = 0; spec.objective() != null && i < spec.objective().size(); i++) {
            add(items, "objective[" + i + "]", registry, spec.objective().get(i), sizing);
        }
        items.sort(Comparator.comparingLong(Item::bytes).reversed());
        return items;
    }

    private static void add(List<Item> items, String path, PluginRegistry registry, Object spec, Sizing sizing) {
        if (spec == null) {
            return;
        }
        for (Allocation a : registry.allocations(spec, sizing)) {
            items.add(new Item(a.field().isEmpty() ? path : path + "." + a.field(), a.bytes(), a.formula(), false));
        }
    }

    /**
     * Refuses {@code items} that do not fit: each one too large on its own, then (if none is) their sum.
     *
     * @throws SpecException naming the field, the estimated size and the limit
     */
    public void check(List<Item> items) {
        List<SpecProblem> problems = new ArrayList<>();
        long offHeap = 0;
        long heap = 0;
        for (Item it : items) {
            long limit = it.heap() ? heapLimit : offHeapLimit;
            if (it.bytes() > limit) {
                problems.add(new SpecProblem(it.path(), "would allocate about " + format(it.bytes()) + " ("
                        + it.formula() + "), more than the " + format(limit) + " " + where(it.heap())));
            }
            if (it.heap()) {
                heap = saturatedAdd(heap, it.bytes());
            } else {
                offHeap = saturatedAdd(offHeap, it.bytes());
            }
        }
        if (problems.isEmpty()) {
            total(items, problems, false, offHeap, offHeapLimit);
            total(items, problems, true, heap, heapLimit);
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
    }

    private void total(List<Item> items, List<SpecProblem> problems, boolean onHeap, long sum, long limit) {
        if (sum <= limit) {
            return;
        }
        List<Item> mine = items.stream().filter(i -> i.heap() == onHeap).toList();
        Item top = mine.get(0);
        StringBuilder others = new StringBuilder();
        for (Item i : mine.subList(1, Math.min(4, mine.size()))) {
            others.append(others.length() == 0 ? "" : ", ").append(i.path()).append(' ').append(format(i.bytes()));
        }
        problems.add(new SpecProblem(top.path(), "would allocate about " + format(top.bytes()) + " (" + top.formula()
                + "); with the other large allocations (" + others + ") the run needs about " + format(sum)
                + ", more than the " + format(limit) + " " + where(onHeap)));
    }

    private String where(boolean heap) {
        return heap ? "this process may use on its heap (-Xmx)" : "this process may use off-heap (" + offHeapSource
                + ")";
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** Bytes as {@code 16.0 GB} (decimal units), or "more than 9.2 EB" for an overflowing estimate. */
    static String format(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 9.2 EB";
        }
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Checks a run of {@code spec} with this process's budget; data of a 2-D toy density adds the grid. */
    static void checkRun(ExperimentSpec spec, PluginRegistry registry, dev.ebm.api.DataSource data, DataType dtype) {
        boolean grid = data instanceof ToyDensity && data.bounds().dim() == 2;
        new MemoryBudget().check(estimate(spec, registry, data.sampleShape(), dtype, grid));
    }
}
