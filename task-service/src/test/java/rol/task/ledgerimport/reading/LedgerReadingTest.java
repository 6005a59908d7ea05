package rol.task.ledgerimport.reading;

import org.junit.jupiter.api.Test;
import rol.task.suggestion.DepartmentDirectory;
import rol.task.workflow.TaskState;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three test ledgers read into the preview the office sees, and the files that are refused. Plain Java. */
class LedgerReadingTest {

    private final WorkbookReader reader = new WorkbookReader(5000);
    private final RowReader rows = new RowReader(new DepartmentMatcher(DepartmentDirectory.forDistrict("licheng")), 2025);

    private List<ImportRow> preview(byte[] file, Corrections corrections) {
        return rows.read(reader.read(file, "台账.xlsx"), corrections);
    }

    private static Set<String> codes(ImportRow r) {
        return Set.copyOf(r.issues().stream().map(Issue::code).toList());
    }

    @Test
    void theOfficeLedgerTitleRowsThemesMergedLeadsAndMixedDates() {
        List<ImportRow> p = preview(Ledgers.officeLedger(), Corrections.NONE);
        assertEquals(List.of("修订区政府重大行政决策程序规定", "开展行政规范性文件清理", "推行行政执法“三项制度”",
                "规范涉企行政检查", "落实“谁执法谁普法”责任制", "建设开元街道法治文化公园"), p.stream().map(ImportRow::title).toList());
        assertEquals(List.of(5, 6, 7, 8, 10, 11), p.stream().map(ImportRow::row).toList());
        assertEquals("深入推进依法行政", p.get(0).theme());
        assertEquals("加强法治宣传", p.get(4).theme());

        assertEquals("judicial-bureau", p.get(0).lead().departmentId());
        assertEquals(LocalDate.of(2025, 9, 30), p.get(0).deadline());
        assertEquals(TaskState.IN_PROGRESS, p.get(0).state());
        assertEquals("已形成初稿", p.get(0).progress());

        ImportRow closed = p.get(1);
        assertEquals("judicial-bureau", closed.lead().departmentId());
        assertEquals(List.of("development-reform", "finance"), closed.coDepartmentIds());
        assertEquals(LocalDate.of(2025, 6, 30), closed.deadline());
        assertEquals(TaskState.CLOSED, closed.state());
        assertEquals(LocalDate.of(2025, 5, 20), closed.closedOn());
        assertNull(closed.percent(), "no 进度 column: a new task takes 100, an existing one keeps its own");

        assertEquals("market-regulation", p.get(2).lead().departmentId());
        assertEquals(LocalDate.of(2025, 6, 30), p.get(2).deadline());
        assertTrue(codes(p.get(2)).contains("state-blank"));
        assertEquals("market-regulation", p.get(3).lead().departmentId(), "merged down from the row above");
        assertEquals(LocalDate.of(2025, 12, 31), p.get(3).deadline());

        ImportRow longTerm = p.get(4);
        assertEquals("rule-of-law-office", longTerm.lead().departmentId());
        assertTrue(longTerm.longTerm());
        assertNull(longTerm.deadline());
        assertTrue(codes(longTerm).contains("deadline-long-term"));
        assertTrue(longTerm.hasErrors(), "各街道 names no one unit");

        assertEquals(TaskState.DISPATCHED, p.get(5).state());
        assertEquals(LocalDate.of(2025, 11, 30), p.get(5).deadline());
        assertEquals(1, p.stream().filter(ImportRow::hasErrors).count());
    }

    @Test
    void correctionsMapNamesAndStatesAndSkipRows() {
        Corrections c = Corrections.NONE.with(Map.of("各街道", "kaiyuan-subdistrict"), Map.of(), Set.of("重点任务!11"), Set.of());
        List<ImportRow> p = preview(Ledgers.officeLedger(), c);
        assertFalse(p.get(4).hasErrors());
        assertEquals(List.of("kaiyuan-subdistrict"), p.get(4).coDepartmentIds());
        assertTrue(p.get(5).skipped());
        assertFalse(preview(Ledgers.officeLedger(), c.with(Map.of(), Map.of(), Set.of(), Set.of("重点任务!11"))).get(5).skipped());
    }

    @Test
    void theIssuerLedgerSeveralSheetsAndAMergedThemeColumn() {
        List<ImportRow> p = preview(Ledgers.issuerLedger(), Corrections.NONE);
        assertEquals(5, p.size());
        assertEquals(List.of("区委交办", "区委交办", "区委交办", "区政府交办", "区政府交办"), p.stream().map(ImportRow::sheet).toList());
        assertEquals(List.of("法治政府", "法治政府", "法治社会", "营商环境", "营商环境"), p.stream().map(ImportRow::theme).toList());
        assertEquals(List.of(TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS, TaskState.SUBMITTED, TaskState.IN_PROGRESS,
                TaskState.DISPATCHED), p.stream().map(ImportRow::state).toList());
        assertEquals(List.of("judicial-bureau", "urban-management", "civil-affairs", "market-regulation", "judicial-bureau"),
                p.stream().map(r -> r.lead().departmentId()).toList());
        assertEquals(List.of("kaiyuan-subdistrict", "lizhong-subdistrict"), p.get(2).coDepartmentIds());
        assertEquals(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 10, 31), LocalDate.of(2025, 12, 31),
                LocalDate.of(2025, 9, 30), LocalDate.of(2025, 8, 15)), p.stream().map(ImportRow::deadline).toList());
        assertTrue(p.stream().noneMatch(ImportRow::hasErrors), p.toString());
    }

    @Test
    void theRectificationLedgerPercentagesCloseDatesAndLooseNames() {
        List<ImportRow> p = preview(Ledgers.rectificationLedger(), Corrections.NONE);
        assertEquals(4, p.size());
        assertEquals(LocalDate.of(2025, 6, 18), p.get(0).closedOn());
        assertEquals(TaskState.CLOSED, p.get(0).state());
        assertEquals("public-security", p.get(1).lead().departmentId());
        assertTrue(codes(p.get(1)).contains("department-fuzzy"));
        assertEquals(60, p.get(1).percent());
        assertEquals(LocalDate.of(2025, 12, 31), p.get(1).deadline());
        assertTrue(p.get(2).hasErrors(), "区法制办 is no unit of the directory");
        assertEquals(30, p.get(2).percent());
        assertEquals(LocalDate.of(2025, 9, 30), p.get(2).deadline());
        assertTrue(codes(p.get(3)).contains("closed-no-date"));
        assertNull(p.get(3).closedOn());
        assertEquals(LocalDate.of(2025, 5, 31), p.get(3).deadline());
    }

    @Test
    void aCsvLedgerInUtf8OrGb18030() {
        String csv = "\uFEFF序号,任务,牵头单位,完成时限,状态\r\n1,\"开展普法,进社区\",区司法局,年底前,推进中\r\n";
        for (byte[] bytes : List.of(csv.getBytes(StandardCharsets.UTF_8), csv.substring(1).getBytes(java.nio.charset.Charset.forName("GB18030")))) {
            List<ImportRow> p = rows.read(reader.read(bytes, "台账.csv"), Corrections.NONE);
            assertEquals(1, p.size());
            assertEquals("开展普法,进社区", p.get(0).title());
            assertEquals("judicial-bureau", p.get(0).lead().departmentId());
            assertEquals("台账", p.get(0).sheet());
        }
    }

    @Test
    void badFilesAreRefusedWithTheirKind() {
        assertKind("import-empty", () -> reader.read(new byte[0], "a.xlsx"));
        assertKind("import-not-spreadsheet", () -> reader.read("%PDF-1.4 not a ledger".getBytes(StandardCharsets.UTF_8), "a.xlsx"));
        assertKind("import-not-spreadsheet", () -> reader.read(new byte[]{'P', 'K', 3, 4, 0, 0, 1, 2}, "a.xlsx"));
        assertKind("import-encrypted", () -> reader.read(Ledgers.encrypted(), "a.xlsx"));
        assertKind("import-formula-errors", () -> reader.read(Ledgers.formulaErrors(), "a.xlsx"));
        assertKind("import-zip-bomb", () -> reader.read(Ledgers.zipBomb(), "a.xlsx"));
        assertKind("import-too-many-rows", () -> new WorkbookReader(100).read(Ledgers.large(101), "a.xlsx"));
        assertKind("import-no-header", () -> reader.read("a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8), "a.csv"));
        assertEquals(100, new WorkbookReader(100).read(Ledgers.large(100), "a.xlsx").size());
    }

    @Test
    void theFormulaErrorNamesItsCell() {
        ImportRejected e = assertThrows(ImportRejected.class, () -> reader.read(Ledgers.formulaErrors(), "a.xlsx"));
        assertEquals("台账!D2", e.args()[1]);
    }

    private static void assertKind(String kind, org.junit.jupiter.api.function.Executable read) {
        assertEquals(kind, assertThrows(ImportRejected.class, read).kind());
    }
}
