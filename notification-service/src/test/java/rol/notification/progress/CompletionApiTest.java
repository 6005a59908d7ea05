package rol.notification.progress;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.notification.DepartmentEvents;
import rol.notification.readmodel.TaskEventsHandler;
import rol.platform.event.task.TaskV1;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET /api/rollups/months for every role, over tasks of a district of its own (a profile, so that the rollup tests'
 * district keeps its counts) as of 2026-06-15 in Shanghai.
 */
@QuarkusTest
@TestProfile(CompletionApiTest.OwnDistrict.class)
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class CompletionApiTest {

    static final String DISTRICT = "months-api-" + UUID.randomUUID().toString().substring(0, 8);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-15T09:00:00+08:00");
    private static boolean seeded;

    public static class OwnDistrict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollup.district", DISTRICT);
        }
    }

    @Inject
    TaskEventsHandler handler;

    @Inject
    MovableClock clock;

    /**
     * judicial-bureau: due 01-20 closed 01-10 (on time); due 03-31 closed 04-02 (late); due 2025-12-31 closed
     * 2026-02-10 (late, last year's). market-regulation: due 03-15 in progress; due 09-30 dispatched; due 06-01 closed
     * 06-01 00:30 in Shanghai (still 05-31 in UTC: the zone decides the month). Not counted: a draft and a cancelled
     * task due in March.
     */
    @BeforeEach
    void seedOnce() {
        clock.set(NOW.toInstant());
        if (seeded) {
            return;
        }
        closed("judicial-bureau", "2026-01-20", "2026-01-10T10:00:00+08:00");
        closed("judicial-bureau", "2026-03-31", "2026-04-02T10:00:00+08:00");
        closed("judicial-bureau", "2025-12-31", "2026-02-10T10:00:00+08:00");
        feed(TaskFeed.progress(dispatched("market-regulation", "2026-03-15"), 40, NOW.minusDays(3)));
        feed(dispatched("market-regulation", "2026-09-30"));
        closed("market-regulation", "2026-06-01", "2026-06-01T00:30:00+08:00");
        TaskV1 draft = TaskFeed.draft(DISTRICT, UUID.randomUUID().toString(), "某区司法局", 2026);
        feed(TaskFeed.with(draft, "DRAFT", "market-regulation", LocalDate.parse("2026-03-10"), 0, null, null, null));
        feed(TaskFeed.state(dispatched("market-regulation", "2026-03-20"), "CANCELLED"));
        DepartmentEvents.announce(handler, DISTRICT, "judicial-bureau", DepartmentEvents.JUDICIAL, 0);
        seeded = true;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private TaskV1 dispatched(String lead, String deadline) {
        return TaskFeed.dispatched(TaskFeed.draft(DISTRICT, UUID.randomUUID().toString(), "某区司法局", 2026), lead,
                LocalDate.parse(deadline), NOW.minusMonths(7));
    }

    private void closed(String lead, String deadline, String at) {
        feed(TaskFeed.closed(dispatched(lead, deadline), OffsetDateTime.parse(at)));
    }

    private void feed(TaskV1 last) {
        TaskFeed.apply(handler, last, clock);
    }

    private static org.hamcrest.Matcher<Iterable<?>> months(Integer... values) {
        return contains(Arrays.stream(values).map(v -> v == null ? nullValue() : equalTo(v)).toArray(
                org.hamcrest.Matcher[]::new));
    }

    private void readsTheDistrict() {
        given().get("/api/rollups/months").then().statusCode(200)
                .body("district", equalTo(DISTRICT)).body("department", nullValue()).body("year", equalTo(2026))
                .body("asOf", equalTo("2026-06-15")).body("zone", equalTo("Asia/Shanghai"))
                .body("months", hasSize(12)).body("months.month", months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
                .body("months[2].from", equalTo("2026-03-01")).body("months[2].before", equalTo("2026-04-01"))
                .body("months.due", months(1, 0, 2, 0, 0, 1, 0, 0, 1, 0, 0, 0))
                .body("months.dueClosed", months(1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0))
                .body("months.closed", months(1, 1, 0, 1, 0, 1, null, null, null, null, null, null))
                .body("months.closedOnTime", months(1, 0, 0, 0, 0, 1, null, null, null, null, null, null))
                .body("months.cumulativeDue", months(1, 1, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5))
                .body("months.cumulativeClosed", months(1, 2, 2, 3, 3, 4, null, null, null, null, null, null));
        given().queryParam("year", 2025).get("/api/rollups/months").then().statusCode(200)
                .body("year", equalTo(2025))
                .body("months.due", months(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
                .body("months.dueClosed", months(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
                .body("months.cumulativeClosed", months(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private void readsOneDepartment() {
        given().queryParam("department", "market-regulation").get("/api/rollups/months").then().statusCode(200)
                .body("department", equalTo("market-regulation")).body("name", equalTo("market-regulation"))
                .body("months.due", months(0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0))
                .body("months.closed", months(0, 0, 0, 0, 0, 1, null, null, null, null, null, null));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theOfficeReadsTheDistrictAndAnyDepartment() {
        readsTheDistrict();
        readsOneDepartment();
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void aLeaderReadsTheDistrictAndAnyDepartment() {
        readsTheDistrict();
        readsOneDepartment();
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void anAuditorReadsTheDistrictAndAnyDepartment() {
        readsTheDistrict();
        readsOneDepartment();
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void aDepartmentReadsItsOwnLeadTasksOnly() {
        for (Map<String, String> asked : java.util.List.of(Map.<String, String>of(),
                Map.of("department", "judicial-bureau"))) {
            given().queryParams(asked).get("/api/rollups/months").then().statusCode(200)
                    .body("department", equalTo("judicial-bureau")).body("name", equalTo(DepartmentEvents.JUDICIAL))
                    .body("months.due", months(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                    .body("months.closed", months(1, 1, 0, 1, 0, 0, null, null, null, null, null, null))
                    .body("months.cumulativeClosed", months(1, 2, 2, 3, 3, 3, null, null, null, null, null, null));
        }
        given().queryParam("department", "market-regulation").get("/api/rollups/months").then().statusCode(403)
                .contentType("application/problem+json").body("title", equalTo("没有权限"))
                .body("detail", equalTo("单位账号只能查看本单位（judicial-bureau）牵头任务的全年完成情况。"));
    }

    @Test
    @TestSecurity(user = "nobody", roles = "department")
    void aDepartmentAccountWithoutADepartmentIsRefused() {
        given().get("/api/rollups/months").then().statusCode(403).body("title", equalTo("没有权限"));
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        given().get("/api/rollups/months").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void aYearOutsideTheRangeIsNamed() {
        for (String year : new String[] {"1999", "2101", "二〇二六"}) {
            given().queryParam("year", year).get("/api/rollups/months").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        }
        given().queryParam("year", 2101).get("/api/rollups/months").then()
                .body("errors[0].message", equalTo("年度应为 2000 至 2100 之间的年份。"));
    }
}
