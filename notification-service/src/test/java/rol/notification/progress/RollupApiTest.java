package rol.notification.progress;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.notification.DepartmentEvents;
import rol.notification.followup.FollowUpEvents;
import rol.notification.readmodel.TaskEventsHandler;
import rol.platform.event.task.TaskV1;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * GET /api/rollups, GET /api/rankings and POST /api/rollups/reconcile for every role, over tasks of the configured
 * test district ({@code %test.rollup.district}) as of 2025-06-02.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class RollupApiTest {

    static final String DISTRICT = "rollup-api-test";
    static final OffsetDateTime NOW = OffsetDateTime.parse("2025-06-02T09:00:00+08:00");
    static final String PLAN = UUID.randomUUID().toString();
    private static boolean seeded;

    @Inject
    TaskEventsHandler handler;

    @Inject
    MovableClock clock;

    @Inject
    DataSource dataSource;

    /**
     * judicial-bureau 2025: one green, one red (due 05-30); market-regulation: one closed on time (2025), one green
     * (2026); a draft without year. The next report judged the closed task's plan item and the green judicial one
     * reported done: the office confirmed the first (a plan item reported done) and rejected the second.
     */
    @BeforeEach
    void seedOnce() {
        clock.set(NOW.toInstant());
        if (seeded) {
            return;
        }
        LocalDate far = LocalDate.parse("2025-12-31");
        TaskV1 green = TaskFeed.progress(TaskFeed.dispatched(draft(2025), "judicial-bureau", far, NOW.minusDays(30)),
                30, NOW.minusDays(2));
        feed(green);
        feed(TaskFeed.dispatched(draft(2025), "judicial-bureau", LocalDate.parse("2025-05-30"), NOW.minusDays(60)));
        TaskV1 closed = TaskFeed.closed(TaskFeed.dispatched(draft(2025), "market-regulation", far, NOW.minusDays(40)),
                NOW.minusDays(1));
        feed(closed);
        String later = UUID.randomUUID().toString();
        FollowUpEvents.apply(handler, FollowUpEvents.followedUp(closed, later, "REPORTED_DONE"),
                FollowUpEvents.decided(closed, later, "REPORTED_DONE", "CONFIRMED"),
                FollowUpEvents.followedUp(green, later, "REPORTED_DONE"),
                FollowUpEvents.decided(green, later, "REPORTED_DONE", "REJECTED"));
        feed(TaskFeed.progress(TaskFeed.dispatched(draft(2026), "market-regulation", far, NOW.minusDays(3)), 10,
                NOW.minusDays(1)));
        feed(draft(null));
        // judicial-bureau is named by the directory, market-regulation not yet
        DepartmentEvents.announce(handler, DISTRICT, "judicial-bureau", DepartmentEvents.JUDICIAL, 0);
        seeded = true;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static TaskV1 draft(Integer year) {
        return TaskFeed.draft(DISTRICT, PLAN, "某区司法局", year);
    }

    private void feed(TaskV1 last) {
        TaskFeed.apply(handler, last, clock);
    }

    private void readsEverything() {
        given().queryParam("scope", "district").queryParam("year", 2025).get("/api/rollups")
                .then().statusCode(200).body("district", equalTo(DISTRICT)).body("asOf", equalTo("2025-06-02"))
                .body("rules.nearDeadlineWorkingDays", equalTo(10))
                .body("items", hasSize(1)).body("items[0].id", equalTo(DISTRICT))
                .body("items[0].tasks", equalTo(3)).body("items[0].supervised", equalTo(3))
                .body("items[0].closed", equalTo(1)).body("items[0].closedOnTime", equalTo(1))
                .body("items[0].overdue", equalTo(1)).body("items[0].lights.RED", equalTo(1))
                .body("items[0].lights.GREEN", equalTo(1)).body("items[0].light", equalTo("RED"))
                .body("items[0].completionRate", equalTo(1f / 3)).body("items[0].onTimeRate", equalTo(1.0f))
                .body("items[0].reportedDone", equalTo(1));
        given().queryParam("scope", "department").get("/api/rollups")
                .then().statusCode(200).body("year", equalTo(null))
                .body("items.id", contains("judicial-bureau", "market-regulation"))
                .body("items.name", contains(DepartmentEvents.JUDICIAL, "market-regulation"))
                .body("items[1].tasks", equalTo(2)).body("items[1].byState.CLOSED", equalTo(1))
                .body("items[1].byState.IN_PROGRESS", equalTo(1)).body("items[1].light", equalTo("GREEN"))
                .body("items.reportedDone", contains(0, 1));
        given().queryParam("scope", "plan").queryParam("id", PLAN).get("/api/rollups")
                .then().statusCode(200).body("items[0].tasks", equalTo(5)).body("items[0].byState.DRAFT", equalTo(1))
                .body("items[0].reportedDone", equalTo(1));
        given().queryParam("scope", "issuer").queryParam("year", 2026).get("/api/rollups")
                .then().statusCode(200).body("items[0].id", equalTo("某区司法局")).body("items[0].tasks", equalTo(1))
                .body("items[0].name", equalTo(null)).body("items[0].reportedDone", equalTo(0));
    }

    private void readsTheRanking() {
        given().queryParam("year", 2025).get("/api/rankings")
                .then().statusCode(200).body("order", notNullValue())
                .body("items.department", contains("market-regulation", "judicial-bureau"))
                .body("items.name", contains("market-regulation", DepartmentEvents.JUDICIAL))
                .body("items.rank", contains(1, 2)).body("items[1].overdue", equalTo(1));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theOfficeReadsEveryScopeAndTheRanking() {
        readsEverything();
        readsTheRanking();
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void aLeaderReadsEveryScopeAndTheRankingButDoesNotReconcile() {
        readsEverything();
        readsTheRanking();
        given().post("/api/rollups/reconcile").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void anAuditorReadsEveryScopeAndTheRankingButDoesNotReconcile() {
        readsEverything();
        readsTheRanking();
        given().post("/api/rollups/reconcile").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void aDepartmentReadsItsOwnScopeAndTheDistrictOnly() {
        given().queryParam("scope", "department").get("/api/rollups")
                .then().statusCode(200).body("items.id", contains("judicial-bureau"))
                .body("items[0].overdue", equalTo(1)).body("items[0].reportedDone", equalTo(0));
        given().queryParam("scope", "department").queryParam("id", "judicial-bureau").queryParam("year", 2025)
                .get("/api/rollups").then().statusCode(200).body("items[0].tasks", equalTo(2));
        given().queryParam("scope", "district").get("/api/rollups")
                .then().statusCode(200).body("items[0].tasks", equalTo(5)).body("items[0].reportedDone", equalTo(1));
        given().queryParam("scope", "department").queryParam("id", "market-regulation").get("/api/rollups")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("单位账号只能查看本单位（judicial-bureau）和全区的汇总。"));
        given().queryParam("scope", "plan").get("/api/rollups").then().statusCode(403);
        given().queryParam("scope", "issuer").get("/api/rollups").then().statusCode(403);
        given().get("/api/rankings").then().statusCode(403);
        given().post("/api/rollups/reconcile").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "nobody", roles = "department")
    void aDepartmentAccountWithoutADepartmentIsRefused() {
        given().queryParam("scope", "district").get("/api/rollups").then().statusCode(403)
                .body("title", equalTo("没有权限"));
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        given().get("/api/rollups").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/rankings").then().statusCode(401);
        given().post("/api/rollups/reconcile").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void aBadParameterIsNamed() {
        given().queryParam("scope", "county").get("/api/rollups").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("scope"))
                .body("errors[0].message", equalTo(
                        "汇总范围应为以下之一：district（全区）、department（单位）、plan（工作计划）、issuer（发文机关）。"));
        given().queryParam("year", "二〇二五").get("/api/rollups").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().queryParam("year", 1999).get("/api/rollups").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().queryParam("year", 3000).get("/api/rankings").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().queryParam("scope", "plan").queryParam("id", "plan-1").get("/api/rollups").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void reconciliationFindsAndRepairsAnInjectedDifference() throws Exception {
        given().post("/api/rollups/reconcile").then().statusCode(200); // whatever earlier tests left behind
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update rollup_scope set closed_on_time = closed_on_time + 1 where district = '" + DISTRICT
                    + "' and kind = 'DEPARTMENT' and scope_id = 'market-regulation' and plan_year = 2025");
            s.executeUpdate("delete from task_light where task_id = (select task_id from task_view where district = '"
                    + DISTRICT + "' and state = 'DRAFT')");
        }
        given().post("/api/rollups/reconcile").then().statusCode(200)
                .body("repaired", equalTo(true)).body("taskDifferences", equalTo(1))
                .body("taskSamples[0].stored", equalTo(null)).body("taskSamples[0].recounted", equalTo("NOT_DISPATCHED"))
                .body("scopeDifferences", hasSize(1))
                .body("scopeDifferences[0].scope", equalTo("department"))
                .body("scopeDifferences[0].id", equalTo("market-regulation"))
                .body("scopeDifferences[0].year", equalTo(2025))
                .body("scopeDifferences[0].stored.closedOnTime", equalTo(2))
                .body("scopeDifferences[0].recounted.closedOnTime", equalTo(1));
        given().post("/api/rollups/reconcile").then().statusCode(200)
                .body("repaired", equalTo(false)).body("scopeDifferences", hasSize(0));
        given().queryParam("scope", "department").queryParam("id", "market-regulation").queryParam("year", 2025)
                .get("/api/rollups").then().body("items[0].closedOnTime", equalTo(1))
                .body("items.id", not(hasItem("judicial-bureau")));
    }
}
