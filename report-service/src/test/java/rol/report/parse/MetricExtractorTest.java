package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricExtractorTest {

    private static List<Metric> metrics(String text) {
        return MetricExtractor.extract(List.of(TextRun.of(text, 0, text.length(), 1, false)), "x");
    }

    @Test
    void keepsValueAndUnitAsWritten() {
        List<Metric> m = metrics("年度共办理法律援助案件 283 件，挽回损失约 257.3 万元，纠错率 17.91%，接待 3420 人次。");
        assertEquals(List.of("283|件", "257.3|万元", "17.91|%", "3420|人次"),
                m.stream().map(x -> x.value() + "|" + x.unit()).toList());
        assertEquals("年度共办理法律援助案件", m.get(0).label());
        assertEquals("x.m2", m.get(1).id());
    }

    @Test
    void spanPointsAtTheFigure() {
        String text = "共审查政府合同25份。";
        Metric m = metrics(text).get(0);
        assertEquals("25份", text.substring(m.span().start(), m.span().end()));
    }

    @Test
    void yearsRangesAndCodesAreNotMetrics() {
        assertEquals(List.of(), metrics("2024 年，“12348”热线，“8+4”项职能，建设1-2个精品所"));
    }

    @Test
    void qualifierStaysInTheUnit() {
        assertEquals("20|余条", metrics("收集立法建议 20 余条").stream().map(x -> x.value() + "|" + x.unit()).findFirst().orElseThrow());
    }
}
