package dev.ebm.api.dataset;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The service interface through which plugin modules describe the data sets that {@code bin/ebm data fetch} can
 * fetch (a {@link dev.ebm.api.plugin.DataProvider} builds a data source from a spec; this describes the files such
 * a source reads). Register implementations in {@code module-info} ({@code provides}) and {@code META-INF/services}.
 */
public interface DatasetProvider {

    /** The data sets this module describes. */
    List<Dataset> datasets();

    /**
     * Every data set described by the providers ServiceLoader finds, by name, sorted.
     *
     * @throws IllegalStateException if two providers describe data sets of the same name (naming both classes)
     */
    static Map<String, Dataset> load() {
        Map<String, Dataset> byName = new TreeMap<>();
        Map<String, String> owner = new TreeMap<>();
        for (DatasetProvider p : ServiceLoader.load(DatasetProvider.class, DatasetProvider.class.getClassLoader())) {
            for (Dataset d : p.datasets()) {
                String previous = owner.putIfAbsent(d.name(), p.getClass().getName());
                if (previous != null && !previous.equals(p.getClass().getName())) {
                    throw new IllegalStateException("[Datasets/DuplicateName] two providers describe data set '"
                            + d.name() + "': " + previous + " and " + p.getClass().getName());
                }
                byName.putIfAbsent(d.name(), d);
            }
        }
        return byName;
    }
}
