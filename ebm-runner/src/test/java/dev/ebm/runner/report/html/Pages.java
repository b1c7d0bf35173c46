package dev.ebm.runner.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reading report pages in tests: table cells by row key, and the self-containedness check. */
final class Pages {
    private Pages() {}

    /** The text of column {@code col} in the row of table {@code id} whose first cell is {@code key}. */
    static String cell(Document doc, String id, String key, int col) {
        return cellElement(doc, id, key, col).text();
    }

    static Element cellElement(Document doc, String id, String key, int col) {
        Element table = doc.getElementById(id);
        assertThat(table).as("table #%s", id).isNotNull();
        for (Element tr : table.select("tbody tr")) {
            if (tr.child(0).text().equals(key)) {
                return tr.child(col);
            }
        }
        throw new AssertionError("no row '" + key + "' in table #" + id + ": " + table.select("tbody tr td:eq(0)")
                .eachText());
    }

    /** No script, no stylesheet or font link, every image inline. */
    static void assertSelfContained(Document doc) {
        assertThat(doc.select("script, link, iframe, object, embed")).isEmpty();
        assertThat(doc.select("img").eachAttr("src")).isNotEmpty()
                .allSatisfy(src -> assertThat(src).startsWith("data:image/png;base64,"));
        assertThat(doc.select("style").html()).doesNotContain("url(").doesNotContain("@import");
        assertThat(doc.select("[href]").eachAttr("href")).noneMatch(h -> h.matches("(?i)[a-z]+://.*"));
    }

}
