package rol.task.suggestion;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChineseTextTest {

    @Test
    void traditionalAndSimplifiedMeetInOneSearchForm() {
        assertEquals(ChineseText.searchForm("推进鲤城区行政执法监督"), ChineseText.searchForm("推進鯉城區行政執法監督"));
        assertEquals("推进鲤城区行政执法监督", ChineseText.searchForm("推進鯉城區行政執法監督"));
    }

    @Test
    void fullWidthAndCaseDoNotMatter() {
        assertEquals("app平台建设6月底前", ChineseText.searchForm("ＡＰＰ平臺建設６月底前"));
        assertEquals(ChineseText.searchForm("App"), ChineseText.searchForm("aPP"));
    }

    @Test
    void nothingIsEmpty() {
        assertEquals("", ChineseText.searchForm(null));
        assertEquals("", ChineseText.searchForm(""));
    }
}
