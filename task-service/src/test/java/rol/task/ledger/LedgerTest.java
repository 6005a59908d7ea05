package rol.task.ledger;

import rol.testsupport.As;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.platform.quarkus.MovableClock;
import rol.platform.calendar.WorkingCalendar;
import rol.task.plan.PublishedReports;
import rol.task.plan.Task;
import rol.testsupport.StackResource;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger (台账) as it goes to a meeting: the task list, whole, as Excel and CSV. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class LedgerTest {

    /** A title Excel and CSV must carry intact: an ASCII comma and quotes. */
    private static final String QUOTED = "开展\"法治体检\",服务企业";

    private String reportId;

    @Inject
    MovableClock clock;

    @BeforeEach
    void aReportWithDispatchedTasks() {
        reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局", "2024年法治政府建设情况报告",
                2024, 2025, List.of(
                new PlanItem("plan-1", null, QUOTED, QUOTED + "。", true, null),
                new PlanItem("plan-2", null, "建设行政复议“一案一码”系统", "建设行政复议“一案一码”系统。", true, null),
                new PlanItem("plan-3", null, "推进街道综合执法", "推进街道综合执法。", true, null)),
                List.of()));
        String first = task("plan-1");
        As.office();
        post(first, "dispatch", Map.of("leadDepartment", "judicial-bureau", "coDepartments",
                List.of("market-regulation", "kaiyuan-subdistrict"), "deadline", deadline().toString()));
        As.judicial();
        post(first, "acknowledge", null);
        post(first, "progress", Map.of("percent", 40, "note", "已完成案卷抽查"));
        post(first, "progress", Map.of("percent", 60, "note", "评查案卷 120 件，发现问题 8 个"));
        As.office();
        post(task("plan-3"), "dispatch", Map.of("leadDepartment", "kaiyuan-subdistrict",
                "deadline", deadline().plusDays(1).toString()));
    }

    @AfterEach
    void signOut() {
        As.nobody();
        clock.reset();
    }

    @Test
    void theOfficeGetsAnExcelWorkbookOfEveryTask() throws Exception {
        As.office();
        Response response = given().queryParam("format", "xlsx").queryParam("reportId", reportId).get("/api/ledger");
        response.then().statusCode(200)
                .contentType(LedgerResource.XLSX)
                .header("Content-Disposition", containsString("filename*=UTF-8''"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String disposition = response.header("Content-Disposition");
        String encoded = disposition.substring(disposition.indexOf("UTF-8''") + 7);
        assertEquals("督办台账-" + today + ".xlsx", URLDecoder.decode(encoded, StandardCharsets.UTF_8));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertTrue(cell(sheet.getRow(0), 0).startsWith("督办事项台账"), cell(sheet.getRow(0), 0));
            assertTrue(cell(sheet.getRow(0), 0).contains(today.toString()));
            assertEquals(List.of("序号", "任务", "牵头单位", "配合单位", "完成时限", "状态", "进度", "最新反馈", "红黄绿灯",
                    "任务编号"), cells(sheet.getRow(1)));
            assertTrue(sheet.getRow(1).getCell(0).getCellStyle().getFont().getBold());
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(sheet.getRow(2).getCell(1).getCellStyle().getWrapText());
            assertEquals(4, sheet.getLastRowNum(), "title, header and three tasks");

            // sorted like the list: by deadline (drafts have none and come last), then id
            List<String> first = cells(sheet.getRow(2));
            assertEquals(List.of("1", QUOTED, "泉州市鲤城区司法局", "泉州市鲤城区市场监督管理局、泉州市鲤城区开元街道办事处",
                    deadline().toString(), "办理中", "60%", today + " 评查案卷 120 件，发现问题 8 个",
                    "绿灯" + note(deadline()), task("plan-1")), first);
            List<String> second = cells(sheet.getRow(3));
            assertEquals(List.of("2", "推进街道综合执法", "泉州市鲤城区开元街道办事处", "", deadline().plusDays(1).toString(),
                    "已交办", "0%", "", "绿灯" + note(deadline().plusDays(1)), task("plan-3")), second);
            assertEquals(List.of("3", "建设行政复议“一案一码”系统", "", "", "", "立项（草稿）", "0%", "", "", task("plan-2")),
                    cells(sheet.getRow(4)));
        }
    }

    @Test
    void csvIsUtf8WithABomAndQuotedAsRfc4180() {
        As.leader();
        Response response = given().queryParam("format", "csv").queryParam("reportId", reportId).get("/api/ledger");
        response.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv"));
        byte[] bytes = response.asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("序号,任务,牵头单位,配合单位,完成时限,状态,进度,最新反馈,红黄绿灯,任务编号\r\n"), text);
        assertTrue(text.contains("\r\n1,\"开展\"\"法治体检\"\",服务企业\",泉州市鲤城区司法局,"), text);
        List<List<String>> rows = parseCsv(text);
        assertEquals(4, rows.size());
        assertEquals(List.of("1", QUOTED, "泉州市鲤城区司法局", "泉州市鲤城区市场监督管理局、泉州市鲤城区开元街道办事处",
                deadline().toString(), "办理中", "60%",
                LocalDate.now(ZoneId.of("Asia/Shanghai")) + " 评查案卷 120 件，发现问题 8 个", "绿灯" + note(deadline()), task("plan-1")),
                rows.get(1));
    }

    /**
     * 红黄绿灯 by the one rule (rol.platform.lights.TrafficLightRules, default thresholds): tasks dispatched on day D,
     * judged on D + 35, in the ledger's words, in the workbook's fill and in the task view. D + 35 is now, so that
     * nothing is stored with a time in the future (other tests find their task by the latest updatedAt).
     */
    @Test
    void theLightColumnAndTheTaskViewApplyTheRule() throws Exception {
        Instant start = clock.instant().minus(Duration.ofDays(35));
        clock.set(start);
        // D in the rule's zone, never before the UTC day the lifecycle checks deadlines against
        LocalDate d = LocalDate.ofInstant(start, ZoneId.of("Asia/Shanghai"));
        String report = UUID.randomUUID().toString();
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("red", "逾期未办结的任务");
        titles.put("behind", "临近期限进度滞后的任务");
        titles.put("silent", "长期未反馈的任务");
        titles.put("green", "正常推进的任务");
        titles.put("on-time", "按期办结的任务");
        titles.put("late", "逾期办结的任务");
        titles.put("draft", "尚未交办的任务");
        PublishedReports.publish(new ReportPublishedV1(report, "licheng", "泉州市鲤城区司法局", "2024年法治政府建设情况报告",
                2024, 2025, titles.entrySet().stream()
                .map(e -> new PlanItem(e.getKey(), null, e.getValue(), e.getValue() + "。", true, null)).toList(),
                List.of()));
        Map<String, String> ids = new LinkedHashMap<>();
        titles.keySet().forEach(item -> ids.put(item, task(report, item)));

        // day D: dispatched, acknowledged and reported on
        underWay(ids.get("red"), d.plusDays(20), 50);
        underWay(ids.get("behind"), d.plusDays(40), 10);          // on D + 35: 5 days left, 87% of the time gone
        underWay(ids.get("silent"), d.plusDays(200), 20);         // on D + 35: 35 days without feedback
        underWay(ids.get("green"), d.plusDays(200), 20);
        underWay(ids.get("on-time"), d.plusDays(20), 100);
        underWay(ids.get("late"), d.plusDays(20), 90);
        post(ids.get("on-time"), "submit", null);
        post(ids.get("late"), "submit", null);
        As.office();
        post(ids.get("on-time"), "close", null);

        clock.reset();
        As.judicial();
        post(ids.get("green"), "progress", Map.of("percent", 30, "note", "按计划推进"));
        As.office();
        post(ids.get("late"), "close", null);

        Map<String, String> want = Map.of(
                "red", "红灯（逾期未办结）",
                "behind", "黄灯（临近期限进度滞后）",
                "silent", "黄灯（长期未反馈进度）" + note(d.plusDays(200)),
                "green", "绿灯" + note(d.plusDays(200)),
                "on-time", "按期办结",
                "late", "逾期办结",
                "draft", "");
        Map<String, String> got = new LinkedHashMap<>();
        for (List<String> row : csv(Map.of("reportId", report)).subList(1, 8)) {
            titles.forEach((item, title) -> {
                if (title.equals(row.get(1))) {
                    got.put(item, row.get(8));
                }
            });
        }
        assertEquals(want, got);

        Response xlsx = given().queryParam("format", "xlsx").queryParam("reportId", report).get("/api/ledger");
        xlsx.then().statusCode(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            Map<String, XSSFCellStyle> styles = new LinkedHashMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                String title = cell(sheet.getRow(r), 1);
                XSSFCellStyle style = (XSSFCellStyle) sheet.getRow(r).getCell(8).getCellStyle();
                titles.forEach((item, t) -> {
                    if (t.equals(title)) {
                        styles.put(item, style);
                    }
                });
            }
            assertEquals(FillPatternType.SOLID_FOREGROUND, styles.get("red").getFillPattern());
            assertEquals("FFFF0000", styles.get("red").getFillForegroundXSSFColor().getARGBHex());
            assertEquals("FFFFFF00", styles.get("behind").getFillForegroundXSSFColor().getARGBHex());
            assertEquals("FF00B050", styles.get("green").getFillForegroundXSSFColor().getARGBHex());
            assertEquals(FillPatternType.NO_FILL, styles.get("on-time").getFillPattern(), "no light, no colour");
        }

        As.auditor();
        given().get("/api/tasks/" + ids.get("red")).then().statusCode(200)
                .body("light", equalTo("RED")).body("lightReason", equalTo("OVERDUE"));
        given().get("/api/tasks/" + ids.get("draft")).then().statusCode(200)
                .body("light", nullValue()).body("lightReason", equalTo("NOT_DISPATCHED"));
        given().queryParam("reportId", report).queryParam("size", 20).get("/api/tasks").then().statusCode(200)
                .body("items.find { it.planItemId == 'behind' }.light", equalTo("YELLOW"))
                .body("items.find { it.planItemId == 'behind' }.lightReason", equalTo("BEHIND_NEAR_DEADLINE"))
                .body("items.find { it.planItemId == 'silent' }.lightReason", equalTo("NO_FEEDBACK"))
                .body("items.find { it.planItemId == 'green' }.light", equalTo("GREEN"))
                .body("items.find { it.planItemId == 'late' }.light", nullValue())
                .body("items.find { it.planItemId == 'late' }.lightReason", equalTo("CLOSED_LATE"))
                .body("items.find { it.planItemId == 'on-time' }.lightReason", equalTo("CLOSED_ON_TIME"));
        As.judicial();
        given().get("/api/tasks/" + ids.get("silent")).then().statusCode(200)
                .body("light", equalTo("YELLOW")).body("lightReason", equalTo("NO_FEEDBACK"));
    }

    /** Dispatched to the judicial bureau for {@code deadline}, acknowledged, {@code percent} reported. */
    private static void underWay(String task, LocalDate deadline, int percent) {
        As.office();
        post(task, "dispatch", Map.of("leadDepartment", "judicial-bureau", "deadline", deadline.toString()));
        As.judicial();
        post(task, "acknowledge", null);
        post(task, "progress", Map.of("percent", percent, "note", "已完成" + percent + "%"));
    }

    @Test
    void aDepartmentExportsOnlyItsOwnTasks() {
        As.judicial();
        List<List<String>> rows = csv(Map.of("reportId", reportId));
        assertEquals(2, rows.size());
        assertEquals(QUOTED, rows.get(1).get(1));

        As.street(); // leads plan-3, supports plan-1
        rows = csv(Map.of("reportId", reportId));
        assertEquals(List.of(QUOTED, "推进街道综合执法"), rows.subList(1, 3).stream().map(r -> r.get(1)).toList());

        As.user("x", "department", "ecology-environment");
        assertEquals(1, csv(Map.of("reportId", reportId)).size(), "only the header");

        As.user("nobody", "department", null);
        given().queryParam("format", "csv").get("/api/ledger").then().statusCode(403);
    }

    @Test
    void theListsFiltersAndOrderApply() {
        As.auditor();
        assertEquals(List.of("推进街道综合执法"),
                titles(Map.of("reportId", reportId, "department", "kaiyuan-subdistrict", "state", "DISPATCHED")));
        assertEquals(List.of("建设行政复议“一案一码”系统"), titles(Map.of("reportId", reportId, "q", "一案一码")));
        // the ledger searches like the list: traditional finds simplified
        assertEquals(List.of("建设行政复议“一案一码”系统"), titles(Map.of("reportId", reportId, "q", "復議“一案一碼”")));
        assertEquals(List.of(), titles(Map.of("reportId", reportId, "state", "CLOSED")));
        assertEquals(List.of("推进街道综合执法", QUOTED),
                titles(Map.of("reportId", reportId, "deadlineBefore", deadline().plusDays(5).toString(),
                        "sort", "-deadline")));
        // the page size of the list does not apply: every task is in the ledger
        assertEquals(3, titles(Map.of("reportId", reportId, "planYear", "2025")).size());
    }

    @Test
    void badParametersAreNamed() {
        As.office();
        given().queryParam("format", "pdf").get("/api/ledger")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("xlsx"));
        given().queryParam("format", "csv").queryParam("state", "FINISHED").get("/api/ledger")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().queryParam("format", "csv").queryParam("sort", "drop table").get("/api/ledger")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void withoutATokenIs401() {
        As.nobody();
        given().queryParam("format", "csv").get("/api/ledger")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void csvFieldsThatExcelWouldRunAreKeptAsText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", LedgerCsv.field("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", LedgerCsv.field("@SUM(A1)"));
        assertEquals("60%", LedgerCsv.field("60%"));
        assertEquals("\"a\r\nb\"", LedgerCsv.field("a\r\nb"));
    }

    // ── helpers ──

    /**
     * The missing-year note the light cell carries when a year from today to the deadline lacks holidays (the tests
     * enter no year before 2032, so the bundled calendar tells which).
     */
    private static String note(LocalDate deadline) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (int y = Math.min(today.getYear(), deadline.getYear()); y <= Math.max(today.getYear(), deadline.getYear()); y++) {
            if (!WorkingCalendar.chinaDefault().covers(LocalDate.of(y, 1, 1))) {
                return "；" + y + "年节假日安排未录入，按周末计算";
            }
        }
        return "";
    }

    private static LocalDate deadline() {
        return LocalDate.now(ZoneId.of("UTC")).plusDays(60);
    }

    private String task(String planItem) {
        return task(reportId, planItem);
    }

    private static String task(String report, String planItem) {
        return QuarkusTransaction.requiringNew().call(() -> Task.<Task>find("reportId = ?1 and planItemId = ?2",
                UUID.fromString(report), planItem).firstResult().id.toString());
    }

    private static void post(String task, String action, Object body) {
        var spec = body == null ? given() : given().contentType("application/json").body(body);
        spec.post("/api/tasks/" + task + "/" + action).then().statusCode(200);
    }

    private static List<String> titles(Map<String, String> params) {
        return csv(params).stream().skip(1).map(r -> r.get(1)).toList();
    }

    private static List<List<String>> csv(Map<String, String> params) {
        Response response = given().queryParam("format", "csv").queryParams(params).get("/api/ledger");
        response.then().statusCode(200);
        byte[] bytes = response.asByteArray();
        return parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    private static String cell(Row row, int c) {
        Cell cell = row.getCell(c);
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            out.add(cell(row, c));
        }
        return out;
    }

    /** An RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertFalse(quoted, "an unterminated quoted field");
        assertTrue(field.isEmpty() && row.isEmpty(), "the last record ends with CRLF");
        return rows;
    }
}
