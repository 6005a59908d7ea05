package rol.report.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.platform.event.Topics;
import rol.platform.event.report.PlanMatchDecidedV1;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.quarkus.OutboxWriter;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.report.intake.ReportIntake;

/** Did last year's plan happen: the verdicts and recurring problems of a report, and the office's decisions. */
@Path("/api/reports/{id}/follow-up")
@Tag(name = "计划落实核对", description = "上一年度报告的工作计划逐项对照下一年度报告的工作成效：已报告完成、部分提及或未提及，"
        + "附佐证段落；以及与同一单位往年报告重复出现的问题。区委依法治区办可确认或否定每项判断。部门无权访问。")
@RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class FollowUpResource {

    private static final Set<String> DECISIONS = Set.of("CONFIRMED", "REJECTED");

    @Inject
    EntityManager em;

    @Inject
    ReportIntake intake;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "计划落实核对结果", description = "区委依法治区办、区领导、督查查看：这份报告的工作计划在下一年度报告中的落实情况"
            + "（以及它作为下一年度报告时对上一年度计划的佐证），每项带判断、覆盖度、佐证段落（span 指向下一年度报告正文）"
            + "和办公室的确认；这份报告中与往年重复出现的问题及年份。尚无可对照的报告时两个列表为空。")
    @APIResponse(responseCode = "404", description = "没有这份报告")
    public FollowUpViews.FollowUp get(@PathParam("id") UUID id) {
        intake.find(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select earlier_report_id, later_report_id, plan_item_id, plan_item_title, verdict, coverage,
                       cast(evidence as text), decision, decided_by, decided_at
                from plan_follow_up where earlier_report_id = ?1 or later_report_id = ?1
                order by earlier_report_id, plan_item_id""").setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> recurring = em.createNativeQuery("""
                select problem_id, title, cast(years as text), cast(earlier as text)
                from recurring_problem where report_id = ?1 order by problem_id""").setParameter(1, id).getResultList();
        return new FollowUpViews.FollowUp(id.toString(), rows.stream().map(this::planItem).toList(),
                recurring.stream().map(r -> new FollowUpViews.Recurrence((String) r[0], (String) r[1],
                        read(r[2]), read(r[3]))).toList());
    }

    @POST
    @Path("/{planItemId}/decision")
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "确认或否定一项判断", description = "区委依法治区办对这份报告（上一年度）某一计划项的落实判断作出决定："
            + "CONFIRMED 确认、REJECTED 否定；可改判，以最后一次为准。确认的“已报告完成”计入统计的“计划已报告完成”项数。"
            + "判断因报告纠正而改变时，原决定作废，需要重新确认。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "确认", value = "{\"decision\": \"CONFIRMED\"}")))
    @APIResponse(responseCode = "400", description = "decision 不是 CONFIRMED 或 REJECTED")
    @APIResponse(responseCode = "404", description = "这份报告没有这一计划项的核对结果")
    public FollowUpViews.PlanItem decide(@PathParam("id") UUID id, @PathParam("planItemId") String planItemId,
                                         FollowUpViews.Decision body) {
        String decision = body == null || body.decision() == null ? null : body.decision().strip();
        if (decision == null || !DECISIONS.contains(decision)) {
            throw ProblemException.invalid("decision", "follow-up.decision-invalid");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        int updated = em.createNativeQuery("""
                update plan_follow_up set decision = ?3, decided_by = ?4, decided_at = ?5
                where earlier_report_id = ?1 and plan_item_id = ?2""")
                .setParameter(1, id).setParameter(2, planItemId).setParameter(3, decision)
                .setParameter(4, caller.name()).setParameter(5, now).executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("plan-follow-up", planItemId);
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                select earlier_report_id, later_report_id, plan_item_id, plan_item_title, verdict, coverage,
                       cast(evidence as text), decision, decided_by, decided_at
                from plan_follow_up where earlier_report_id = ?1 and plan_item_id = ?2""")
                .setParameter(1, id).setParameter(2, planItemId).getSingleResult();
        FollowUpViews.PlanItem item = planItem(row);
        outbox.append(Topics.REPORT_EVENTS, PlanMatchDecidedV1.TYPE, id.toString(),
                new PlanMatchDecidedV1(id.toString(), item.laterReportId(), intake.find(id).district, planItemId,
                        item.verdict(), decision, caller.name(), now.toString()));
        return item;
    }

    private FollowUpViews.PlanItem planItem(Object[] r) {
        return new FollowUpViews.PlanItem(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).doubleValue(), read(r[6]), (String) r[7], (String) r[8],
                timestamp(r[9]));
    }

    private static OffsetDateTime timestamp(Object o) {
        if (o == null) return null;
        if (o instanceof OffsetDateTime t) return t;
        if (o instanceof java.time.Instant i) return i.atOffset(ZoneOffset.UTC);
        return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }

    private JsonNode read(Object text) {
        try {
            return json.readTree((String) text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored follow-up JSON is unreadable", e);
        }
    }
}
