package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnumeratorTest {

    @ParameterizedTest
    @CsvSource({
        "一、工作成效, CN_SECTION, 1",
        "十二、其他, CN_SECTION, 12",
        "(三)依法履行职能, CN_PAREN, 3",
        "( 二 ) 建立制度, CN_PAREN, 2",
        "1.深入学习, ARABIC, 1",
        "12、加强管理, ARABIC, 12",
        "1. 法律援助, ARABIC, 1",
        "(4)规范执法, ARABIC_PAREN, 4",
        "③强化监督, CIRCLED, 3",
        "二是深化改革, CN_SHI, 2",
        "三要抓落实, CN_SHI, 3",
        "第一、提高认识, CN_ORDINAL, 1",
    })
    void recognisesTheNumberingTable(String line, Enumerator kind, int ordinal) {
        Enumerator.Match m = Enumerator.at(ScriptConverter.matchView(line, false));
        assertEquals(kind, m.kind(), line);
        assertEquals(ordinal, m.ordinal(), line);
    }

    @Test
    void fullWidthParenthesesAreFoldedBeforeMatching() {
        Enumerator.Match m = Enumerator.at(ScriptConverter.matchView("（十）持续优化营商环境", false));
        assertEquals(Enumerator.CN_PAREN, m.kind());
        assertEquals(10, m.ordinal());
    }

    @ParameterizedTest
    @CsvSource({"2024年，全区", "17.91%的纠错率", "统一是前提", "12348热线", "1.5万人次", "年度共审查"})
    void leavesOrdinaryTextAlone(String line) {
        assertNull(Enumerator.at(ScriptConverter.matchView(line, false)), line);
    }

    @Test
    void ranksFollowTheOfficialHierarchy() {
        assertEquals(true, Enumerator.CN_SECTION.rank < Enumerator.CN_PAREN.rank);
        assertEquals(true, Enumerator.CN_PAREN.rank < Enumerator.ARABIC.rank);
        assertEquals(true, Enumerator.ARABIC.rank < Enumerator.CN_SHI.rank);
    }

    @Test
    void chineseNumeralsBecomeNumbers() {
        assertEquals(1, Enumerator.ordinal("一"));
        assertEquals(10, Enumerator.ordinal("十"));
        assertEquals(11, Enumerator.ordinal("十一"));
        assertEquals(23, Enumerator.ordinal("二十三"));
        assertEquals(0, Enumerator.ordinal("是"));
    }
}
