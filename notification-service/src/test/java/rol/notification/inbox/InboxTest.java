package rol.notification.inbox;

import rol.testsupport.As;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The inbox of each role: whose notices one sees, read state per user, others' notices do not exist. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class InboxTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void nobody() {
        As.nobody();
    }

    @Test
    void departmentStaffSeeTheirDepartmentsNoticesAndTheirOwnEachWithTheirOwnReadState() throws Exception {
        String dept = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        String clerkA = "clerk-a-" + dept;
        String clerkB = "clerk-b-" + dept;
        long toDept = notice("DEPARTMENT", dept, "BEFORE_DEADLINE", "【临近提醒】部门消息");
        long toOther = notice("DEPARTMENT", "other-" + dept, "BEFORE_DEADLINE", "别的部门");
        long toA = notice("USER", clerkA, "ESCALATION", "【督办】给个人");
        long toOffice = notice("OFFICE", "licheng", "ESCALATION", "给依法治区办");

        As.user(clerkA, "department", dept);
        given().get("/api/inbox").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains((int) toA, (int) toDept))
                .body("items[1].title", equalTo("【临近提醒】部门消息")).body("items[1].read", equalTo(false));
        unread(2);
        given().post("/api/inbox/" + toDept + "/read").then().statusCode(200)
                .body("id", equalTo((int) toDept)).body("read", equalTo(true));
        given().post("/api/inbox/" + toDept + "/read").then().statusCode(200); // again: no change, no error
        unread(1);
        given().queryParam("unread", true).get("/api/inbox").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains((int) toA));
        given().queryParam("page", 1).queryParam("size", 1).get("/api/inbox").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains((int) toDept)).body("items[0].read", equalTo(true));
        for (long other : List.of(toOther, toOffice, 999_999_999L)) {
            given().post("/api/inbox/" + other + "/read").then().statusCode(404)
                    .contentType("application/problem+json").body("detail", equalTo("编号为 " + other + " 的消息不存在，或已被删除。"));
        }

        As.user(clerkB, "department", dept);
        unread(1); // clerk A's reading is not clerk B's
        given().get("/api/inbox").then().statusCode(200)
                .body("items.id", contains((int) toDept)).body("items[0].read", equalTo(false));
        given().post("/api/inbox/" + toA + "/read").then().statusCode(404);
        given().post("/api/inbox/read-all").then().statusCode(200).body("marked", equalTo(1));
        unread(0);
        given().post("/api/inbox/read-all").then().statusCode(200).body("marked", equalTo(0));
    }

    @Test
    void officeStaffSeeTheOfficesNoticesAndTheirOwnNotDepartments() throws Exception {
        String me = "office-" + UUID.randomUUID();
        long toOffice = notice("OFFICE", "licheng", "ESCALATION", "【督办】给依法治区办");
        long toMe = notice("USER", me, "ESCALATION", "给我");
        long toDept = notice("DEPARTMENT", "judicial-bureau", "BEFORE_DEADLINE", "给部门");
        As.user(me, "office", null);
        given().queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                .body("items.id", hasItem((int) toOffice)).body("items.id", hasItem((int) toMe))
                .body("items.id", not(hasItem((int) toDept)));
        long before = count();
        given().post("/api/inbox/" + toOffice + "/read").then().statusCode(200).body("read", equalTo(true));
        unread(before - 1);
        given().post("/api/inbox/" + toDept + "/read").then().statusCode(404);
        As.user("other-" + me, "office", null);
        given().queryParam("unread", true).queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                .body("items.id", hasItem((int) toOffice)).body("items.id", not(hasItem((int) toMe)));
    }

    @Test
    void leadersAndAuditorsSeeOnlyWhatIsAddressedToThemByName() throws Exception {
        long toOffice = notice("OFFICE", "licheng", "ESCALATION", "给依法治区办");
        long toDept = notice("DEPARTMENT", "judicial-bureau", "BEFORE_DEADLINE", "给部门");
        for (String role : List.of("leader", "auditor")) {
            String me = role + "-" + UUID.randomUUID();
            long toMe = notice("USER", me, "ESCALATION", "给" + role);
            As.user(me, role, null);
            given().get("/api/inbox").then().statusCode(200).body("total", equalTo(1))
                    .body("items.id", contains((int) toMe));
            unread(1);
            given().post("/api/inbox/" + toOffice + "/read").then().statusCode(404);
            given().post("/api/inbox/" + toDept + "/read").then().statusCode(404);
            given().post("/api/inbox/" + toMe + "/read").then().statusCode(200);
            given().post("/api/inbox/read-all").then().statusCode(200).body("marked", equalTo(0));
            unread(0);
        }
    }

    @Test
    void wrongParametersAreProblemsInChinese() {
        As.office();
        bad(given().queryParam("size", 0).get("/api/inbox").then(), "size", "每页条数应在 1 至 100 之间。");
        bad(given().queryParam("size", 101).get("/api/inbox").then(), "size", "每页条数应在 1 至 100 之间。");
        bad(given().queryParam("page", -1).get("/api/inbox").then(), "page", "页码应在 0 至 10000 之间。");
        given().queryParam("unread", "maybe").get("/api/inbox").then().statusCode(400)
                .contentType("application/problem+json");
        given().post("/api/inbox/abc/read").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aDepartmentAccountWithoutDepartmentIsRefused() {
        As.user("lost1", "department", null);
        given().get("/api/inbox").then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("没有权限"));
        given().get("/api/inbox/unread-count").then().statusCode(403);
        given().post("/api/inbox/read-all").then().statusCode(403);
        given().post("/api/inbox/1/read").then().statusCode(403);
    }

    @Test
    void withoutTokenNothingIsAnswered() {
        As.nobody();
        given().get("/api/inbox").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/inbox/unread-count").then().statusCode(401);
        given().post("/api/inbox/read-all").then().statusCode(401);
        given().post("/api/inbox/1/read").then().statusCode(401);
    }

    private static void bad(ValidatableResponse r, String field, String message) {
        r.statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo(message));
    }

    private static void unread(long n) {
        given().get("/api/inbox/unread-count").then().statusCode(200).body("unread", equalTo((int) n));
    }

    private static long count() {
        return given().get("/api/inbox/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    private long notice(String type, String id, String kind, String title) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into notice (district, kind, task_id, recipient_type, recipient_id, title, body, data, created_at)
                values ('licheng', ?, ?, ?, ?, ?, '正文', '{}', clock_timestamp()) returning id""")) {
            ps.setString(1, kind);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, type);
            ps.setString(4, id);
            ps.setString(5, title);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
