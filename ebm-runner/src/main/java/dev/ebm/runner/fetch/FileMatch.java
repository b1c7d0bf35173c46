package dev.ebm.runner.fetch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises data set files by name in directories and archives: {@code NAME} or {@code NAME.gz}, also with a
 * {@code .} where the canonical name has a {@code -} (some copies of MNIST are named {@code train-images.idx3-ubyte}).
 * The checksum, not the name, decides whether a candidate is accepted.
 */
final class FileMatch {
    private final Map<String, String> byKey = new LinkedHashMap<>();
    private final Map<String, List<Path>> found = new LinkedHashMap<>();

    FileMatch(Set<String> wanted) {
        for (String name : wanted) {
            byKey.put(key(name), name);
        }
    }

    /** The wanted name a file name stands for, or null. */
    String match(String fileName) {
        return byKey.get(key(fileName));
    }

    void add(String wantedName, Path candidate) {
        found.computeIfAbsent(wantedName, k -> new ArrayList<>()).add(candidate);
    }

    Map<String, List<Path>> found() {
        return found;
    }

    private static String key(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.replace('.', '-');
    }
}
