package dev.ebm.runner.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A report page as the template shows it: a title, facts under it, and sections (each in the contents list). Every
 * text is escaped when the page is written; images are {@code data:} URIs so that the page is one file.
 *
 * @param title the page title
 * @param facts short key-value lines under the title
 * @param sections the sections, in order
 * @param footer a line at the end (where and when the report was written)
 */
public record Page(String title, List<Fact> facts, List<Section> sections, String footer) {

    public Page {
        facts = List.copyOf(facts);
        sections = List.copyOf(sections);
    }

    /**
     * The section {@code build} makes, or, when building it fails (an unreadable picture, a file changed while it was
     * read), a section of the same id and title that says what went wrong: one bad piece never costs the whole page.
     */
    public static Section guard(String id, String title, java.util.function.Supplier<Section> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e.getCause() != null && e.getCause().getMessage() != null) {
                why += ": " + e.getCause().getMessage();
            }
            return new Section(id, title, List.of(Block.missing("This section could not be built: " + why)));
        }
    }

    /** For the template: whether there are facts to list. */
    public boolean hasFacts() {
        return !facts.isEmpty();
    }

    /** One line under the title. */
    public record Fact(String key, String value) {}

    /** A section: a heading with an anchor, and blocks. */
    public record Section(String id, String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * An image, inline as a {@code data:} URI.
     *
     * @param width the width it is shown at, in CSS pixels (0: its own width, at most the page's)
     * @param pixelated whether it is enlarged without smoothing (small sample grids)
     */
    public record Figure(String caption, String src, String alt, int width, boolean pixelated) {}

    /**
     * A block of a section; the template shows whichever parts are set, in this order.
     *
     * @param heading a sub-heading
     * @param text a paragraph
     * @param missing a notice that something is missing, and why
     * @param items a bulleted list
     * @param pre preformatted text (a spec, an error)
     * @param table a table
     * @param figures images side by side
     */
    public record Block(String heading, String text, String missing, List<String> items, String pre, Table table,
            List<Figure> figures) {
        public Block {
            items = items == null ? List.of() : List.copyOf(items);
            figures = figures == null ? List.of() : List.copyOf(figures);
        }

        /** For the template: whether there is a list. */
        public boolean hasItems() {
            return !items.isEmpty();
        }

        /** For the template: whether there are images. */
        public boolean hasFigures() {
            return !figures.isEmpty();
        }

        public static Block text(String text) {
            return new Block(null, text, null, null, null, null, null);
        }

        public static Block missing(String why) {
            return new Block(null, null, why, null, null, null, null);
        }

        public static Block items(String heading, List<String> items) {
            return new Block(heading, null, null, items, null, null, null);
        }

        public static Block pre(String heading, String text) {
            return new Block(heading, null, null, null, text, null, null);
        }

        public static Block table(Table table) {
            return new Block(null, null, null, null, null, table, null);
        }

        public static Block table(String heading, Table table) {
            return new Block(heading, null, null, null, null, table, null);
        }

        public static Block figures(String heading, List<Figure> figures) {
            return new Block(heading, null, null, null, null, null, figures);
        }
    }

    /** Collects the blocks of one section. */
    public static final class SectionBuilder {
        private final String id;
        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        public SectionBuilder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** Adds a block; a table block whose table is null (no rows) is left out. */
        public SectionBuilder add(Block b) {
            boolean emptyTable = b.table() == null && b.text() == null && b.missing() == null && b.items().isEmpty()
                    && b.pre() == null && b.figures().isEmpty();
            if (!emptyTable) {
                blocks.add(b);
            }
            return this;
        }

        public boolean isEmpty() {
            return blocks.isEmpty();
        }

        public Section build() {
            return new Section(id, title, blocks);
        }
    }
}
