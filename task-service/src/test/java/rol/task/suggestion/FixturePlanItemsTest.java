package rol.task.suggestion;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import rol.task.suggestion.OwnerSuggestion.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suggestions on real plan items of the annotated reports in ../shared/fixtures/reports (skipped where absent). */
class FixturePlanItemsTest {

    private final OwnerSuggester owners = new OwnerSuggester(DepartmentDirectoryTest.LICHENG);
    private final DeadlineSuggester deadlines = new DeadlineSuggester();

    static String fixture(String name) throws IOException {
        String root = System.getProperty("rol.root");
        Path repo = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path file = repo.resolve("../shared/fixtures/reports").resolve(name).normalize();
        Assumptions.assumeTrue(Files.exists(file), "fixture " + file + " is not on this machine");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The text from one marker up to the next (or the end of its paragraph), page breaks joined. */
    static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertTrue(start >= 0, "fixture contains " + from);
        int end = to == null ? text.indexOf("\n\n", start) : text.indexOf(to, start);
        return text.substring(start, end < 0 ? text.length() : end).replaceAll("\\s*\\n\\s*", "");
    }

    @Test
    void gulouReviewItemSupportsTheCourtNamedInItsTextAndIsNotTheirBureausTask() throws IOException {
        String item = between(fixture("gulou-justice-bureau-2023.txt"), "一是加强行政复议和诉讼工作", "二是落实行政执法监督工作");
        OwnerSuggestion s = owners.suggest(item, "福州市鼓楼区司法局");
        assertEquals("judicial-bureau", s.lead().departmentId());
        assertEquals(Rule.KEYWORD, s.lead().rule());
        assertEquals("行政复议", s.lead().words());
        assertEquals(List.of("court"), s.coDepartmentIds());
        assertEquals("与法院", s.coDepartments().get(0).words());
    }

    @Test
    void gulouPlanNamesTheProvinceAndCityBureausWhichAreNotOurDepartments() throws IOException {
        String item = between(fixture("gulou-justice-bureau-2023.txt"), "三是持续深化“八五”普法工作", null);
        assertTrue(item.contains("市司法局"), item);
        OwnerSuggestion s = owners.suggest(item, "福州市鼓楼区司法局");
        assertEquals(List.of(), s.coDepartmentIds());
        assertEquals(Rule.KEYWORD, s.lead().rule(), "普法, not the 市司法局 of the text");
        // an item without a keyword from another district's bureau gets no owner at all
        String other = between(fixture("gulou-justice-bureau-2023.txt"), "二是深化法务供需对接", "三是完善人才培养");
        assertNull(owners.suggest(other, "福州市鼓楼区司法局").lead(), other);
    }

    @Test
    void lichengGovernmentPlanItemsGoToTheDepartmentsTheirKeywordsName() throws IOException {
        String text = fixture("licheng-district-government-2024.txt");
        String second = between(text, "二是优化政府职能", "三是坚持改革赋能");
        OwnerSuggestion s = owners.suggest(second, "泉州市鲤城区人民政府");
        assertEquals("judicial-bureau", s.lead().departmentId());
        assertEquals("合法性审查", s.lead().words());
        String fourth = between(text, "四是规范权力运行", null);
        assertEquals("urban-management", owners.suggest(fourth, "泉州市鲤城区人民政府").lead().departmentId());
    }

    @Test
    void lichengBureauPlanItemsAreTheBureausAndDueAtTheEndOfThePlanYear() throws IOException {
        String text = fixture("licheng-justice-bureau-2024.txt");
        String plan = text.substring(text.indexOf("2025 年法治政府建设工作思路"));
        List<String> items = new ArrayList<>();
        Matcher m = Pattern.compile("\\*\\*\\([一二三四五六]\\)(.+?)(?=\\*\\*\\(|\\(此件)", Pattern.DOTALL).matcher(plan);
        while (m.find()) {
            items.add(m.group(1).replaceAll("\\s*\\n\\s*", "").replace("**", ""));
        }
        assertEquals(6, items.size());
        for (String item : items) {
            OwnerSuggestion s = owners.suggest(item, "泉州市鲤城区司法局");
            assertEquals("judicial-bureau", s.lead().departmentId(), item + " → " + s);
            DeadlineSuggestion d = deadlines.suggest(item, 2025);
            assertEquals(DeadlineSuggestion.Rule.PLAN_YEAR_END, d.rule(), item);
            assertEquals(2025, d.deadline().getYear());
        }
    }

    @Test
    void traditionalLichengReportNamesOurCourtButNotTheNeighboursCourt() throws IOException {
        String sentence = between(fixture("licheng-justice-bureau-2023-traditional.txt"), "深化府院聯動", "共同成立");
        List<DepartmentDirectory.Mention> found = DepartmentDirectoryTest.LICHENG.mentions(sentence);
        assertEquals(1, found.size(), found.toString());
        assertEquals("court", found.get(0).department().id());
        assertEquals("鲤城法院", found.get(0).words());
    }
}
