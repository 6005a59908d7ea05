package rol.task.lifecycle;

import rol.testsupport.As;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.task.plan.PublishedReports;
import rol.task.plan.Task;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A fresh draft task per test, and the calls and queries the lifecycle tests share. */
public final class TaskFixture {

    private TaskFixture() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Publishes a report with one leaf plan item and returns its draft task's id. */
    public static String draft() {
        String reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局", "2024年法治政府建设情况报告",
                2024, 2025, List.of(new PlanItem("plan-1", null, "开展行政执法案卷评查", "开展行政执法案卷评查。", true, null)),
                List.of()));
        return QuarkusTransaction.requiringNew().call(() -> Task.<Task>find("reportId", UUID.fromString(reportId))
                .firstResult().id.toString());
    }

    public static RequestSpecification json() {
        return given().contentType("application/json");
    }

    public static ValidatableResponse post(String task, String action, Object body) {
        RequestSpecification spec = body == null ? given() : json().body(body);
        return spec.post("/api/tasks/" + task + "/" + action).then();
    }

    public static Map<String, Object> dispatchBody() {
        return Map.of("leadDepartment", "judicial-bureau", "coDepartments", List.of("market-regulation"),
                "deadline", today().plusDays(60).toString());
    }

    /** Office dispatches to the judicial bureau (lead) with the market regulator (co). */
    public static void dispatched(String task) {
        As.office();
        post(task, "dispatch", dispatchBody()).statusCode(200);
    }

    public static void acknowledged(String task) {
        dispatched(task);
        As.judicial();
        post(task, "acknowledge", null).statusCode(200);
    }

    public static void inProgress(String task) {
        acknowledged(task);
        As.judicial();
        post(task, "progress", Map.of("percent", 40, "note", "已完成案卷抽查")).statusCode(200);
    }

    public static void submitted(String task) {
        inProgress(task);
        As.judicial();
        post(task, "submit", null).statusCode(200);
    }

    public static long version(String task) {
        return QuarkusTransaction.requiringNew().call(() -> Task.<Task>findById(UUID.fromString(task)).version);
    }

    public static String state(String task) {
        return QuarkusTransaction.requiringNew().call(() -> Task.<Task>findById(UUID.fromString(task)).state.name());
    }

    public static long count(String sql, Object... args) {
        List<List<Object>> rows = rows(sql, args);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    public static List<List<Object>> rows(String sql, Object... args) {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The task's events in the outbox, in order: type and the event's data as JSON text. */
    public static List<List<Object>> events(String task) {
        return rows("select event_type, (payload::jsonb -> 'data')::text from outbox_event where event_key = ?"
                + " order by position", task);
    }

    public static List<Object> types(String task) {
        return events(task).stream().map(r -> r.get(0)).toList();
    }
}
