package rol.task.ledgerimport;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.task.ledgerimport.reading.Ledgers;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.lifecycle.TaskFixture.count;
import static rol.task.lifecycle.TaskFixture.dispatched;
import static rol.task.lifecycle.TaskFixture.draft;
import static rol.task.lifecycle.TaskFixture.json;
import static rol.task.lifecycle.TaskFixture.post;
import static rol.task.lifecycle.TaskFixture.rows;
import static rol.task.lifecycle.TaskFixture.types;

/**
 * 导入台账 through the API against the real database: the three test ledgers, corrections, the all-or-nothing
 * commit with its events, re-import, the export round trip, bad files and who may import. Every test names its
 * sheets apart ({@link #tag()}), so that tasks imported by another test are not matched.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class LedgerImportTest {

    @AfterEach
    void signOut() {
        As.nobody();
    }

    static String tag() {
        return "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse upload(String name, byte[] content) {
        return given().config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)))
                .multiPart("file", name, content, "application/octet-stream").multiPart("planYear", "2025")
                .post("/api/imports").then();
    }

    static JsonPath preview(String name, byte[] content) {
        return upload(name, content).statusCode(201).extract().jsonPath();
    }

    static JsonPath commit(String id) {
        return given().post("/api/imports/" + id + "/commit").then().statusCode(200).extract().jsonPath();
    }

    static String taskOf(JsonPath result, int row) {
        return result.getString("rows[" + row + "].taskId");
    }

    @Test
    void theOfficeLedgerImportsOnceItsErrorsAreCorrected() {
        As.office();
        String tag = tag();
        JsonPath p = preview("2025年重点任务台账.xlsx", Ledgers.officeLedger(tag));
        String id = p.getString("id");
        assertEquals(6, p.getInt("summary.rows"));
        assertEquals(1, p.getInt("summary.errors"));
        assertEquals("各街道", p.getString("rows[4].coDepartments[0].written"));
        assertTrue(p.getString("rows[4].issues.find { it.severity == 'ERROR' }.message").contains("各街道"));
        assertEquals("完成时限", p.getString("rows[4].issues.find { it.code == 'deadline-long-term' }.columnName"));

        given().post("/api/imports/" + id + "/commit").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("title", equalTo("还有未处理的错误"))
                .body("detail", containsString("第 10 行"));
        assertEquals(0, count("select count(*) from task_import_source where import_id = cast(? as uuid)", id));

        json().body(Map.of("departments", Map.of("各街道", "no-such-unit"))).patch("/api/imports/" + id).then().statusCode(400);
        JsonPath corrected = json().body(Map.of("departments", Map.of("各街道", "kaiyuan-subdistrict")))
                .patch("/api/imports/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(0, corrected.getInt("summary.errors"));
        assertEquals(6, corrected.getInt("summary.create"));

        JsonPath result = commit(id);
        assertEquals(6, count("select count(*) from task_import_source where import_id = cast(? as uuid)", id));
        String closed = taskOf(result, 1);
        List<List<Object>> task = rows("select state, lead_department, array_to_string(co_departments, ','), deadline::text,"
                + " percent, (closed_at at time zone 'Asia/Shanghai')::date::text, theme from task where id = cast(? as uuid)", closed);
        assertEquals(List.of("CLOSED", "judicial-bureau", "development-reform,finance", "2025-06-30", 100, "2025-05-20",
                "深入推进依法行政"), task.get(0));
        assertEquals(List.of("重点任务" + tag, 6), rows("select sheet, row_number from task_import_source where task_id = cast(? as uuid)",
                closed).get(0));
        assertEquals(List.of("task.created.v1"), types(closed));
        assertTrue(rows("select (payload::jsonb -> 'data' -> 'task' ->> 'state') from outbox_event where event_key = ?", closed)
                .get(0).get(0).equals("CLOSED"));
        assertEquals(List.of("IMPORT"), rows("select action from task_history where task_id = cast(? as uuid)", closed)
                .stream().map(r -> r.get(0)).toList());
        String longTerm = taskOf(result, 4);
        assertEquals(List.of("IN_PROGRESS", "rule-of-law-office", "kaiyuan-subdistrict"), rows("select state, lead_department,"
                + " array_to_string(co_departments, ',') from task where id = cast(? as uuid) and deadline is null", longTerm).get(0));

        given().post("/api/imports/" + id + "/commit").then().statusCode(409).body("title", equalTo("该台账已经导入"));
        given().get("/api/imports/" + id).then().statusCode(200).body("committedAt", org.hamcrest.Matchers.notNullValue())
                .body("rows[1].taskId", equalTo(closed));
    }

    @Test
    void reImportChangesNothingUpdatesWhatTheSystemLeftAloneAndListsConflicts() {
        As.office();
        String tag = tag();
        JsonPath first = commit(preview("区委区政府交办台账.xlsx", Ledgers.issuerLedger(tag, false)).getString("id"));
        assertEquals(5, first.getInt("summary.create"));
        String reform = taskOf(first, 1);
        String list = taskOf(first, 4);
        long tasks = count("select count(*) from task");

        JsonPath again = preview("区委区政府交办台账.xlsx", Ledgers.issuerLedger(tag, false));
        assertEquals(5, again.getInt("summary.unchanged"), again.prettify());
        commit(again.getString("id"));
        assertEquals(tasks, count("select count(*) from task"));
        assertEquals(List.of("task.created.v1"), types(reform));

        // the lead reports progress in the system; the newer sheet says 已完成 for it and moves the other's deadline
        As.user("urban1", "department", "urban-management");
        post(reform, "progress", Map.of("percent", 70, "note", "已组建综合执法队伍")).statusCode(200);
        As.office();
        JsonPath newer = preview("区委区政府交办台账（4月更新）.xlsx", Ledgers.issuerLedger(tag, true));
        assertEquals("CONFLICT", newer.getString("rows[1].action"));
        assertEquals("state", newer.getString("rows[1].changes[0].field"));
        assertEquals("IN_PROGRESS", newer.getString("rows[1].changes[0].inSystem"));
        assertEquals("UPDATE", newer.getString("rows[4].action"));
        assertEquals(List.of(Map.of("field", "deadline", "inSystem", "2025-08-15", "inFile", "2025-08-31")),
                newer.getList("rows[4].changes"));
        commit(newer.getString("id"));
        assertEquals(List.of("IN_PROGRESS", 70), rows("select state, percent from task where id = cast(? as uuid)", reform).get(0));
        assertEquals("2025-08-31", rows("select deadline::text from task where id = cast(? as uuid)", list).get(0).get(0));
        assertEquals(List.of("task.created.v1", "task.updated.v1"), types(list));
        assertEquals(tasks, count("select count(*) from task"));
    }

    @Test
    void exportingTheLedgerAndImportingItBackChangesNothing() {
        String task = draft();
        dispatched(task);
        String reportId = rows("select report_id::text from task where id = cast(? as uuid)", task).get(0).get(0).toString();
        As.office();
        for (String format : List.of("xlsx", "csv")) {
            byte[] exported = given().queryParam("format", format).queryParam("reportId", reportId).get("/api/ledger")
                    .then().statusCode(200).extract().asByteArray();
            long version = count("select version from task where id = cast(? as uuid)", task);
            JsonPath p = preview("督办台账." + format, exported);
            assertEquals(1, p.getInt("summary.rows"));
            assertEquals("UNCHANGED", p.getString("rows[0].action"), p.prettify());
            assertEquals(task, p.getString("rows[0].taskId"));
            commit(p.getString("id"));
            assertEquals(version, count("select version from task where id = cast(? as uuid)", task));
            assertEquals(List.of("task.created.v1", "task.dispatched.v1"), types(task));
        }
    }

    @Test
    void theRectificationLedgerKeepsItsCloseDates() {
        As.office();
        JsonPath p = preview("整改台账.xlsx", Ledgers.rectificationLedger(tag()));
        assertEquals("FUZZY", p.getString("rows[1].lead.match"));
        assertEquals("public-security", p.getString("rows[1].lead.departmentId"));
        assertEquals("UNKNOWN", p.getString("rows[2].lead.match"));
        JsonPath fixed = json().body(Map.of("departments", Map.of("区法制办", "judicial-bureau")))
                .patch("/api/imports/" + p.getString("id")).then().statusCode(200).extract().jsonPath();
        JsonPath result = commit(fixed.getString("id"));
        assertEquals(4, result.getInt("summary.create"));
        assertEquals("2025-06-18", rows("select (closed_at at time zone 'Asia/Shanghai')::date::text from task where id = cast(? as uuid)",
                taskOf(result, 0)).get(0).get(0));
        OffsetDateTime closedAt = OffsetDateTime.parse(result.getString("committedAt"));
        assertEquals(closedAt.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString(),
                rows("select (closed_at at time zone 'Asia/Shanghai')::date::text from task where id = cast(? as uuid)",
                        taskOf(result, 3)).get(0).get(0), "no 办结日期: the import time, as the preview warned");
        assertEquals(List.of("IN_PROGRESS", "judicial-bureau", 30), rows("select state, lead_department, percent from task"
                + " where id = cast(? as uuid)", taskOf(result, 2)).get(0));
    }

    @Test
    void badFilesAreRefusedInWordsAndNothingIsStored() {
        As.office();
        long before = count("select count(*) from ledger_import");
        record Bad(int status, String title, byte[] content, String name) {
        }
        List<Bad> bad = List.of(
                new Bad(400, "上传的文件是空的", new byte[0], "a.xlsx"),
                new Bad(415, "不是表格文件", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "a.pdf"),
                new Bad(400, "表格设置了密码", Ledgers.encrypted(), "a.xlsx"),
                new Bad(413, "台账行数太多", Ledgers.large(5001), "a.xlsx"),
                new Bad(422, "表格中有公式错误", Ledgers.formulaErrors(), "a.xlsx"),
                new Bad(400, "文件结构异常", Ledgers.zipBomb(), "a.xlsx"),
                new Bad(422, "找不到表头", "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8), "a.csv"));
        for (Bad b : bad) {
            upload(b.name(), b.content()).statusCode(b.status()).contentType(startsWith("application/problem+json"))
                    .body("title", equalTo(b.title()));
        }
        upload("a.xlsx", Ledgers.large(5001)).body("detail", containsString("5000"));
        upload("a.xlsx", Ledgers.formulaErrors()).body("detail", containsString("台账!D2"));
        assertEquals(before, count("select count(*) from ledger_import"));
    }

    @Test
    void onlyTheOfficeMayImport() {
        As.office();
        String id = preview("台账.xlsx", Ledgers.officeLedger(tag())).getString("id");
        for (Runnable who : List.<Runnable>of(As::judicial, As::leader, As::auditor, As::street)) {
            who.run();
            upload("台账.xlsx", Ledgers.officeLedger(tag())).statusCode(403);
            given().get("/api/imports/" + id).then().statusCode(403);
            json().body(Map.of("skip", List.of())).patch("/api/imports/" + id).then().statusCode(403);
            given().post("/api/imports/" + id + "/commit").then().statusCode(403);
        }
        As.nobody();
        given().get("/api/imports/" + id).then().statusCode(401);
        As.office();
        given().get("/api/imports/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anUploadNeverCommittedIsDeletedAfterThirtyDaysACommittedOneStays() {
        As.office();
        String abandoned = preview("台账.xlsx", Ledgers.officeLedger(tag())).getString("id");
        String kept = preview("台账.xlsx", Ledgers.officeLedger(tag())).getString("id");
        json().body(Map.of("departments", Map.of("各街道", "kaiyuan-subdistrict"))).patch("/api/imports/" + kept)
                .then().statusCode(200);
        commit(kept);
        ImportRetention retention = io.quarkus.arc.Arc.container().instance(ImportRetention.class).get();

        retention.removeAbandoned(OffsetDateTime.now().plusDays(29));
        assertEquals(1, count("select count(*) from ledger_import where id = cast(? as uuid)", abandoned),
                "an upload of today is kept for thirty days");
        assertTrue(retention.removeAbandoned(OffsetDateTime.now().plusDays(31)) >= 1);
        given().get("/api/imports/" + abandoned).then().statusCode(404);
        given().get("/api/imports/" + kept).then().statusCode(200).body("committedAt", org.hamcrest.Matchers.notNullValue());
    }
}
