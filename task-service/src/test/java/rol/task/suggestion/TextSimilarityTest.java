package rol.task.suggestion;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain Java: which tasks address which problem, by the bigrams their simplified texts share. */
class TextSimilarityTest {

    private final TextSimilarity similarity = new TextSimilarity(0.15);

    @Test
    void aTaskOnTheSameMatterScoresAndSaysWhichWordsItShares() {
        TextSimilarity.Score s = similarity.score("一是行政执法案卷质量不高，部分案卷记录不完整。",
                "开展行政执法案卷评查，提升执法质量。");
        assertTrue(s.score() >= 0.3, "score " + s.score());
        assertEquals("行政执法案卷、质量", s.words());
    }

    @Test
    void traditionalAndFullWidthTextMatchTheSimplified() {
        TextSimilarity.Score simplified = similarity.score("法律援助覆盖面不广", "扩大法律援助覆盖面");
        TextSimilarity.Score traditional = similarity.score("法律援助覆蓋面不廣", "擴大法律援助覆蓋面");
        assertEquals(simplified.score(), traditional.score());
        assertEquals("法律援助覆盖面", traditional.words());
    }

    @Test
    void wordsEveryReportUsesDoNotMakeALink() {
        TextSimilarity.Score s = similarity.score("进一步加强工作的力度不够", "持续推进工作，进一步加强力度");
        assertEquals(0.0, s.score());
        assertEquals("", s.words());
    }

    @Test
    void stopCharactersCutTheTextSoNoBigramSpansThem() {
        assertEquals(List.of("普法", "宣传针对性"), TextSimilarity.runs("普法的宣传针对性。"));
        assertTrue(TextSimilarity.bigrams("普法的宣传").stream().noneMatch(b -> b.equals("法宣")));
    }

    @Test
    void suggestsOnlyCandidatesAtOrAboveTheThresholdBestFirst() {
        List<TextSimilarity.Candidate<String>> tasks = List.of(
                new TextSimilarity.Candidate<>("t1", "深化“谁执法谁普法”普法责任制，开展精准普法。"),
                new TextSimilarity.Candidate<>("t2", "开展行政执法案卷评查，规范行政执法程序。"),
                new TextSimilarity.Candidate<>("t3", "推进基层法律服务站点建设。"));
        List<TextSimilarity.Match<String>> m = similarity.suggest("行政执法程序不够规范，案卷评查发现问题较多。", tasks);
        assertEquals("t2", m.get(0).key());
        assertTrue(m.stream().noneMatch(x -> x.key().equals("t3")));
        for (int i = 1; i < m.size(); i++) {
            assertTrue(m.get(i - 1).score() >= m.get(i).score());
        }
        assertTrue(new TextSimilarity(0.99).suggest("行政执法程序不够规范", tasks).isEmpty());
    }

    @Test
    void emptyTextsScoreZeroAndTheThresholdMustBeAFraction() {
        assertEquals(0.0, similarity.score("", "开展行政执法案卷评查").score());
        assertEquals(0.0, similarity.score(null, null).score());
        assertThrows(IllegalArgumentException.class, () -> new TextSimilarity(1.5));
    }

    @Test
    void theSameTextScoresOne() {
        assertEquals(1.0, similarity.score("公共法律服务体系", "公共法律服务体系").score());
    }
}
