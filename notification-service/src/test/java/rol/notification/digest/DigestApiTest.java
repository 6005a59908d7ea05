package rol.notification.digest;

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
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * GET /api/digest for every role: this week's digest of the deployment's district, composed from the read model as
 * the Monday mail is. A district of its own (a profile), so the rollup tests' district keeps its counts.
 */
@QuarkusTest
@TestProfile(DigestApiTest.OwnDistrict.class)
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class DigestApiTest {

    static final String DISTRICT = "digest-api-" + UUID.randomUUID().toString().substring(0, 8);
    /** Wednesday 2025-07-02 10:00 in Shanghai, ISO week 27. */
    static final Instant NOW = Instant.parse("2025-07-02T02:00:00Z");
    private static boolean seeded;

    public static class OwnDistrict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollup.district", DISTRICT);
        }
    }

    @Inject
    MovableClock clock;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seedOnce() throws Exception {
        clock.set(NOW);
        if (seeded) {
            return;
        }
        task("开展行政执法案卷评查", "IN_PROGRESS", "2025-06-20", 40, "2025-06-10T02:00:00Z", "2025-06-10T02:00:00Z");
        task("完善行政复议案件审理机制", "ACKNOWLEDGED", "2025-12-31", 30, "2025-06-30T02:00:00Z",
                "2025-06-30T02:00:00Z");
        seeded = true;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void readsTheDigest() {
        given().get("/api/digest").then().statusCode(200)
                .body("district", equalTo(DISTRICT)).body("isoWeek", equalTo("2025-W27"))
                .body("today", equalTo("2025-07-02")).body("supervised", equalTo(2))
                .body("red", hasSize(1)).body("red[0].title", equalTo("开展行政执法案卷评查"))
                .body("red[0].reason", equalTo("OVERDUE")).body("red[0].overdueWorkingDays", equalTo(8))
                .body("changed.title", contains("完善行政复议案件审理机制"))
                .body("changed[0].state", equalTo("ACKNOWLEDGED"));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theOfficeReadsThisWeeksDigest() {
        readsTheDigest();
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void aLeaderReadsIt() {
        readsTheDigest();
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void anAuditorReadsIt() {
        readsTheDigest();
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void aDepartmentMayNotReadTheWholeDistrictsDigest() {
        given().get("/api/digest").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get("/api/digest").then().statusCode(401);
    }

    private void task(String title, String state, String deadline, int percent, String lastFeedback,
                      String changedAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into task_view (task_id, district, work_plan_id, report_id, title, state, lead_department,
                    deadline, percent, last_feedback_at, dispatched_at, task_version, updated_at)
                values (?, ?, ?, ?, ?, ?, 'judicial-bureau', ?, ?, ?, ?, 3, ?)
                """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, DISTRICT);
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, UUID.randomUUID());
            insert.setString(5, title);
            insert.setString(6, state);
            insert.setObject(7, LocalDate.parse(deadline));
            insert.setInt(8, percent);
            insert.setObject(9, lastFeedback == null ? null : OffsetDateTime.parse(lastFeedback));
            insert.setObject(10, OffsetDateTime.parse("2025-03-03T01:00:00Z"));
            insert.setObject(11, OffsetDateTime.parse(changedAt));
            insert.executeUpdate();
        }
    }
}
