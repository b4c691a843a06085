package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
                Html.escape("<a href=\"x\">Tom & Jerry's</a>"));
    }

    @Test
    void rowsEscapeEveryCell() {
        assertEquals("<tr><th>&lt;k&gt;</th><td>a&amp;b</td></tr>\n", new Html().row("<k>", "a&b").toString());
    }

    @Test
    void statusClassesComeFromTheFirstWord() {
        assertEquals("failed", ReportPage.statusClass("failed: out of memory"));
        assertEquals("running", ReportPage.statusClass("running"));
        assertEquals("unknown", ReportPage.statusClass("\"><script>"));
    }
}
