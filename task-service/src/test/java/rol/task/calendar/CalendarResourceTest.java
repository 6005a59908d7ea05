package rol.task.calendar;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.task.lifecycle.TaskFixture;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar API: every role reads, only the office changes (read → preview → confirm, single days with a reason),
 * every change audited and published, bad input refused in words with nothing stored. Each test changes only years
 * of its own (2032 to 2035; 2031 and 2035 stay missing); the seeded 2024–2026 stay as they are for the other tests.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class CalendarResourceTest {

    /** An arrangement written for the test in the notice's form (2032-01-01 is a Thursday). */
    static final String NOTICE_2032 = """
            国务院办公厅关于2032年部分节假日安排的通知
            一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
            二、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。鼓励各单位安排职工在5月6日（周四）休息。
            """;

    @Inject
    CalendarStore store;

    @Inject
    DataSource dataSource;

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void everyRoleReadsAYearAndAMissingYearSaysSo() {
        for (Runnable who : List.<Runnable>of(As::office, As::judicial, As::leader, As::auditor)) {
            who.run();
            given().get("/api/calendar/2026").then().statusCode(200)
                    .body("covered", equalTo(true))
                    .body("notice", containsString("国办发明电〔2025〕7号"))
                    .body("holidays.date", hasItem("2026-10-01"))
                    .body("workingDays.find { it.date == '2026-01-04' }.name", equalTo("元旦"))
                    .body("months[9].holidays", contains(1, 2, 3, 4, 5, 6, 7))
                    .body("months[8].workingDays", contains(20));
            given().get("/api/calendar/2031").then().statusCode(200)
                    .body("covered", equalTo(false)).body("note", equalTo("2031年节假日安排未录入，按周末计算"))
                    .body("holidays", hasSize(0));
        }
        given().get("/api/calendar/1999").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        As.nobody();
        given().get("/api/calendar/2026").then().statusCode(401);
    }

    @Test
    void onlyTheOfficeChangesTheCalendar() {
        for (Runnable who : List.<Runnable>of(As::judicial, As::leader, As::auditor)) {
            who.run();
            given().contentType("application/json").body(Map.of("text", NOTICE_2032))
                    .post("/api/calendar/2035/drafts").then().statusCode(403);
            given().post("/api/calendar/2035/drafts/" + java.util.UUID.randomUUID() + "/confirmation")
                    .then().statusCode(403);
            given().contentType("application/json").body(Map.of("kind", "HOLIDAY", "name", "元旦", "reason", "试"))
                    .put("/api/calendar/2035/days/2035-01-01").then().statusCode(403);
            given().queryParam("reason", "试").delete("/api/calendar/2026/days/2026-10-01").then().statusCode(403);
        }
        for (Runnable who : List.<Runnable>of(As::judicial, As::leader)) {
            who.run();
            given().get("/api/calendar/2026/changes").then().statusCode(403);
        }
        As.auditor();
        given().get("/api/calendar/2026/changes").then().statusCode(200).body("action", hasItem("SEEDED"));
        As.nobody();
        given().contentType("application/json").body(Map.of("text", NOTICE_2032))
                .post("/api/calendar/2035/drafts").then().statusCode(401);
        As.office();
        given().get("/api/calendar/2035").then().body("covered", equalTo(false));
    }

    @Test
    void aNoticeIsPreviewedAndTakesEffectOnlyWhenConfirmed() {
        As.office();
        // the real 2026 notice reads as exactly the built-in 2026 (previewed only: 2026 stays as seeded)
        given().contentType("application/json").body(Map.of("text", NoticeReaderTest.NOTICE_2026))
                .post("/api/calendar/2026/drafts").then().statusCode(201)
                .body("holidays.size()", equalTo(given().get("/api/calendar/2026").then().extract()
                        .path("holidays.size()")))
                .body("unread", hasSize(0));

        String id = given().contentType("application/json").body(Map.of("text", NOTICE_2032))
                .post("/api/calendar/2032/drafts").then().statusCode(201)
                .body("notice", equalTo("国务院办公厅关于2032年部分节假日安排的通知"))
                .body("months[0].holidays", contains(1, 2, 3)).body("months[0].workingDays", contains(4))
                .body("months[4].holidays", contains(1, 2, 3, 4, 5))
                .body("unread", hasSize(1)).body("unread[0].festival", equalTo("劳动节"))
                .body("unread[0].reason", containsString("既不是放假也不是上班"))
                .extract().path("id");
        given().get("/api/calendar/2032").then().body("covered", equalTo(false));
        assertFalse(store.current().covers(LocalDate.of(2032, 5, 1)), "a draft changes nothing");

        given().post("/api/calendar/2032/drafts/" + id + "/confirmation").then().statusCode(200)
                .body("covered", equalTo(true)).body("version", equalTo(1))
                .body("workingDays.date", contains("2032-01-04", "2032-04-25", "2032-05-08"));
        given().post("/api/calendar/2032/drafts/" + id + "/confirmation").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("这份通知已经确认过了"));
        given().post("/api/calendar/2033/drafts/" + id + "/confirmation").then().statusCode(404);
        assertFalse(store.current().isWorkingDay(LocalDate.of(2032, 5, 3)), "the lights count with it at once");
        assertTrue(store.current().isWorkingDay(LocalDate.of(2032, 4, 25)));
        assertEquals(List.of("calendar-events 2032 calendar.updated.v1 1"), outbox("2032"));
        given().get("/api/calendar/2032/changes").then().statusCode(200)
                .body("[0].action", equalTo("NOTICE_CONFIRMED")).body("[0].actor", equalTo("office1"));
    }

    @Test
    void badNoticesAreRefusedInWordsAndStoreNothing() {
        As.office();
        given().contentType("application/json").body(Map.of("text", NoticeReaderTest.NOTICE_2026))
                .post("/api/calendar/2033/drafts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", equalTo("粘贴的是2026年的节假日安排通知，不能录入为2033年。请核对年份。"));
        given().contentType("application/json").body(Map.of("text", """
                        一、元旦：1月1日（周六）至3日（周一）放假，共3天。
                        二、春节：1月3日（周一）至4日（周二）放假，共2天。
                        """))
                .post("/api/calendar/2033/drafts").then().statusCode(400)
                .body("errors[0].message", containsString("放假日期的范围重叠"))
                .body("errors[0].message", containsString("2033年1月3日（周一）"));
        given().contentType("application/json").body(Map.of("text", """
                        一、元旦：1月1日（周六）至3日（周一）放假，共3天。1月1日（周六）上班。
                        """))
                .post("/api/calendar/2033/drafts").then().statusCode(400)
                .body("errors[0].message", containsString("既是“元旦”的上班日，又是“元旦”的放假日"));
        given().contentType("application/json").body(Map.of("text", "通知全文见附件"))
                .post("/api/calendar/2033/drafts").then().statusCode(400)
                .body("errors[0].message", containsString("没有从通知中读出任何放假日期"));
        given().contentType("application/json").body(Map.of())
                .post("/api/calendar/2033/drafts").then().statusCode(400).body("errors[0].field", equalTo("text"));
        assertEquals(0, count("select count(*) from calendar_draft where year = 2033"));
        given().get("/api/calendar/2033").then().body("covered", equalTo(false));
    }

    @Test
    void singleDaysAreEditedWithAReasonAndAudited() {
        As.office();
        given().contentType("application/json")
                .body(Map.of("kind", "HOLIDAY", "name", "国庆节", "reason", "按通知补录"))
                .put("/api/calendar/2034/days/2034-10-02").then().statusCode(200)
                .body("covered", equalTo(true)).body("notice", equalTo("手工录入"))
                .body("holidays.date", contains("2034-10-02"));
        given().contentType("application/json")
                .body(Map.of("kind", "WORKING_DAY", "name", "国庆节", "reason", "调休"))
                .put("/api/calendar/2034/days/2034-09-30").then().statusCode(200)
                .body("workingDays.date", contains("2034-09-30")).body("version", equalTo(2));

        // refused: a working day on a holiday, a weekday as working day, another year, no reason, an unknown kind
        given().contentType("application/json")
                .body(Map.of("kind", "WORKING_DAY", "name", "国庆节", "reason", "调休"))
                .put("/api/calendar/2034/days/2034-10-02").then().statusCode(400)
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", containsString("是“国庆节”的放假日，不能设为上班日"));
        given().contentType("application/json")
                .body(Map.of("kind", "WORKING_DAY", "name", "国庆节", "reason", "调休"))
                .put("/api/calendar/2034/days/2034-10-10").then().statusCode(400)
                .body("errors[0].message", containsString("调休上班日只能是周六或周日"));
        given().contentType("application/json")
                .body(Map.of("kind", "HOLIDAY", "name", "元旦", "reason", "错年"))
                .put("/api/calendar/2034/days/2035-01-01").then().statusCode(400)
                .body("errors[0].message", equalTo("2035年1月1日（周一）不在2034年内。"));
        given().contentType("application/json").body(Map.of("kind", "HOLIDAY", "name", "国庆节"))
                .put("/api/calendar/2034/days/2034-10-03").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().contentType("application/json").body(Map.of("kind", "DAY_OFF", "name", "国庆节", "reason", "试"))
                .put("/api/calendar/2034/days/2034-10-03").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().delete("/api/calendar/2034/days/2034-10-02").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().queryParam("reason", "误录").delete("/api/calendar/2034/days/2034-10-05").then().statusCode(400)
                .body("errors[0].message", containsString("无需删除"));

        given().queryParam("reason", "误录").delete("/api/calendar/2034/days/2034-10-02").then().statusCode(200)
                .body("holidays", hasSize(0)).body("version", equalTo(3));
        given().get("/api/calendar/2034/changes").then().statusCode(200)
                .body("action", contains("DAY_REMOVED", "DAY_SET", "DAY_SET"))
                .body("[0].reason", equalTo("误录")).body("[0].day", equalTo("2034-10-02"))
                .body("[2].kind", equalTo("HOLIDAY")).body("[2].reason", equalTo("按通知补录"))
                .body("[2].actor", equalTo("office1")).body("[1].at", org.hamcrest.Matchers.notNullValue())
                .body("[0].name", nullValue());
        assertEquals(List.of("calendar-events 2034 calendar.updated.v1 1", "calendar-events 2034 calendar.updated.v1 2",
                "calendar-events 2034 calendar.updated.v1 3"), outbox("2034"));
        assertTrue(store.current().isWorkingDay(LocalDate.of(2034, 10, 2)), "removed: a Monday works again");
    }

    @Test
    void aTaskDueInAMissingYearSaysSoInItsViewAndTheLedger() {
        String task = TaskFixture.draft();
        As.office();
        TaskFixture.post(task, "dispatch", Map.of("leadDepartment", "judicial-bureau", "deadline", "2031-06-30"))
                .statusCode(200);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        int missing = java.util.stream.IntStream.rangeClosed(today.getYear(), 2031)
                .filter(y -> !store.current().covers(LocalDate.of(y, 1, 1))).findFirst().orElseThrow();
        String note = missing + "年节假日安排未录入，按周末计算";
        String reportId = given().get("/api/tasks/" + task).then().statusCode(200)
                .body("calendarNote", equalTo(note)).extract().path("reportId");
        String csv = given().queryParam("format", "csv").queryParam("reportId", reportId).get("/api/ledger")
                .then().statusCode(200).extract().asString();
        // the light cell, then the 任务编号 column the ledger ends with
        assertTrue(csv.contains(note + "," + task + "\r\n"), csv);

        String covered = TaskFixture.draft();
        TaskFixture.post(covered, "dispatch", Map.of("leadDepartment", "judicial-bureau",
                "deadline", today.plusDays(1).toString())).statusCode(200);
        given().get("/api/tasks/" + covered).then().statusCode(200)
                .body("calendarNote", store.current().covers(today.plusDays(1)) ? nullValue() : equalTo(
                        today.plusDays(1).getYear() + "年节假日安排未录入，按周末计算"));
    }

    @Test
    void seedingTwiceAddsNothing() {
        assertEquals(0, store.seedIfEmpty());
        assertEquals(1, count("select count(*) from calendar_change where year = 2026 and action = 'SEEDED'"));
    }

    /** {@code topic key type version} of the calendar events of one year, in order. */
    private List<String> outbox(String year) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select topic || ' ' || event_key || ' ' || event_type || ' ' || (payload::jsonb -> 'data' ->> 'version')"
                        + " from outbox_event where event_key = ? and event_type like 'calendar.%' order by position")) {
            q.setString(1, year);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
