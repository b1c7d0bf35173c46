package dev.ebm.runner.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a report page, as the template shows it: every text is escaped when the page is written.
 *
 * @param id the element id (tests and links find the table by it); may be null
 * @param caption a caption above the table; may be null
 * @param head the column headings
 * @param rows the rows, each with as many cells as {@code head} has headings
 */
public record Table(String id, String caption, List<String> head, List<Row> rows) {

    public Table {
        head = List.copyOf(head);
        rows = List.copyOf(rows);
    }

    /** For the template: whether the table has column headings (a key-value table may have none). */
    public boolean hasHead() {
        return head.stream().anyMatch(h -> h != null && !h.isEmpty());
    }

    /** A table of two columns, {@code key} and {@code value}, from pairs added in order. */
    public static Builder keyValue(String id, String caption, String keyHeading, String valueHeading) {
        return new Builder(id, caption, List.of(keyHeading, valueHeading)).alignNumbers(false);
    }

    /** A table with the given headings. */
    public static Builder of(String id, String caption, List<String> head) {
        return new Builder(id, caption, head);
    }

    /** One row. */
    public record Row(List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One cell.
     *
     * @param text the cell's text
     * @param sub a second, smaller line (e.g. a confidence interval); may be null
     * @param href a link target for the text (an anchor {@code #id} or a relative path); may be null
     * @param cls CSS classes: {@code num} aligns right, {@code error} keeps line breaks, {@code state-failed} ...;
     *     may be null
     */
    public record Cell(String text, String sub, String href, String cls) {
        public static Cell text(String text) {
            return new Cell(text, null, null, null);
        }

        public static Cell num(String text) {
            return new Cell(text, null, null, "num");
        }
    }

    /** Collects rows; {@link #build} gives the table, or null when no row was added. */
    public static final class Builder {
        private final String id;
        private final String caption;
        private final List<String> head;
        private final List<Row> rows = new ArrayList<>();
        private boolean alignNumbers = true;

        private Builder(String id, String caption, List<String> head) {
            this.id = id;
            this.caption = caption;
            this.head = List.copyOf(head);
        }

        /** Whether {@link #row(String...)} aligns cells that look numeric to the right (default: yes). */
        public Builder alignNumbers(boolean align) {
            this.alignNumbers = align;
            return this;
        }

        /** Adds a row of plain text cells; cells after the first that look numeric are aligned right. */
        public Builder row(String... texts) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < texts.length; i++) {
                cells.add(alignNumbers && i > 0 && looksNumeric(texts[i]) ? Cell.num(texts[i]) : Cell.text(texts[i]));
            }
            return row(cells);
        }

        public Builder row(List<Cell> cells) {
            if (cells.size() != head.size()) {
                throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of "
                        + head.size() + " columns " + head);
            }
            rows.add(new Row(cells));
            return this;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public Table build() {
            return rows.isEmpty() ? null : new Table(id, caption, head, rows);
        }
    }

    static boolean looksNumeric(String s) {
        return s != null && !s.isEmpty() && s.matches("[-−+]?[0-9.,e+\\- ±\\[\\]∞—]+");
    }
}
