package rol.notification.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.platform.problem.Messages;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Problems;
import rol.platform.security.Caller;
import rol.platform.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Email addresses and webhooks that receive notices. The office manages them; department staff may read their own
 * department's (to check where their reminders go); leaders and auditors have no business with delivery addresses.
 */
@Path("/api/subscriptions")
@Tag(name = "订阅", description = "把提醒同时发到邮箱或政务群机器人（Webhook）。区委依法治区办管理全部订阅；"
        + "部门账号可查看本部门的订阅，确认提醒发往何处；区领导、督查无权访问。")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SubscriptionResource {

    public record Page(List<SubscriptionView> items, long total) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT})
    @Operation(summary = "订阅列表", description = "区委依法治区办看全部订阅（可按 district 筛选）；部门账号只看到发给本部门的订阅。"
            + "Webhook 密钥不回显，只显示 hasSecret。")
    public Page list(@QueryParam("district") String district) {
        List<Subscription> found;
        if (caller.is(Roles.OFFICE)) {
            found = district == null
                    ? Subscription.list("order by district, recipientType, recipientId, createdAt")
                    : Subscription.list("district = ?1 order by recipientType, recipientId, createdAt", district);
        } else {
            String department = caller.department().orElseThrow(() -> ProblemException.of(403, "no-department"));
            found = Subscription.list("recipientType = ?1 and recipientId = ?2 order by district, createdAt",
                    Subscription.RecipientType.DEPARTMENT, department);
        }
        return new Page(found.stream().map(SubscriptionView::of).toList(), found.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "新增订阅", description = "区委依法治区办（office）为某部门（DEPARTMENT + recipientId）或区委依法治区办（OFFICE）"
            + "添加邮件（EMAIL，target 为邮箱）或 Webhook（WEBHOOK，target 为 http(s) 地址，secret 至少 16 个字符，用于签名）订阅；"
            + "kinds 为要接收的提醒种类，空为全部。201，Location 指向新订阅。")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "司法局的邮箱", value = "{\"district\": \"licheng\", \"recipientType\": \"DEPARTMENT\", "
                    + "\"recipientId\": \"judicial-bureau\", \"channel\": \"EMAIL\", \"target\": \"fzk@sfj.licheng.gov.cn\", "
                    + "\"kinds\": [\"BEFORE_DEADLINE\", \"ESCALATION\"]}"),
            @ExampleObject(name = "依法治区办的政务群机器人", value = "{\"district\": \"licheng\", \"recipientType\": \"OFFICE\", "
                    + "\"channel\": \"WEBHOOK\", \"target\": \"https://im.licheng.gov.cn/hook/yfzqb\", "
                    + "\"secret\": \"3f9a7c2e81d64b05a1c9\", \"enabled\": true}")}))
    @APIResponse(responseCode = "201", description = "新订阅（不含密钥），Location 指向它")
    @APIResponse(responseCode = "400", description = "字段不符合要求：地址或网址不对、Webhook 没有密钥、部门订阅缺少 recipientId、"
            + "渠道或接收方类型不认识、提醒种类格式不对；errors 逐项指出")
    public Response create(SubscriptionInput input) {
        reject(SubscriptionRules.check(input, false));
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.createdAt = OffsetDateTime.now(clock);
        apply(s, input);
        s.persist();
        return Response.created(URI.create("/api/subscriptions/" + s.id)).entity(SubscriptionView.of(s)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "修改订阅", description = "区委依法治区办（office）整体替换一个订阅（字段同新增）；Webhook 不给 secret 时保留原密钥。"
            + "enabled=false 暂停投递，待投递的等到重新启用。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "暂停司法局的邮件提醒", value = "{\"district\": \"licheng\", "
            + "\"recipientType\": \"DEPARTMENT\", \"recipientId\": \"judicial-bureau\", \"channel\": \"EMAIL\", "
            + "\"target\": \"fzk@sfj.licheng.gov.cn\", \"enabled\": false}")))
    @APIResponse(responseCode = "400", description = "字段不符合要求（同新增），errors 逐项指出")
    public SubscriptionView update(@PathParam("id") UUID id, SubscriptionInput input) {
        Subscription s = find(id);
        boolean keepsSecret = s.secret != null && input != null
                && Subscription.Channel.WEBHOOK.name().equals(SubscriptionRules.upper(input.channel()));
        reject(SubscriptionRules.check(input, keepsSecret));
        apply(s, input);
        return SubscriptionView.of(s);
    }

    /** Removes the subscription with its pending deliveries and dead letters (they have nowhere to go any more). */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "删除订阅", description = "区委依法治区办（office）删除一个订阅，连同它待投递的提醒和死信。204。")
    @APIResponse(responseCode = "204", description = "已删除")
    public Response delete(@PathParam("id") UUID id) {
        find(id).delete();
        return Response.noContent().build();
    }

    static Subscription find(UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null) {
            throw ProblemException.notFound("subscription", id);
        }
        return s;
    }

    private void apply(Subscription s, SubscriptionInput in) {
        s.district = in.district();
        s.recipientType = Subscription.RecipientType.valueOf(SubscriptionRules.upper(in.recipientType()));
        s.recipientId = s.recipientType == Subscription.RecipientType.DEPARTMENT ? in.recipientId() : null;
        s.channel = Subscription.Channel.valueOf(SubscriptionRules.upper(in.channel()));
        s.target = in.target().trim();
        if (s.channel == Subscription.Channel.EMAIL) {
            s.secret = null;
        } else if (in.secret() != null) {
            s.secret = in.secret();
        }
        s.enabled = in.enabled() == null || in.enabled();
        s.kinds = in.kinds() == null ? new String[0] : in.kinds().stream().distinct().toArray(String[]::new);
        s.updatedAt = OffsetDateTime.now(clock);
    }

    private static void reject(List<SubscriptionRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(Problems.problem(400, "validation", null, violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), Messages.text(v.key(), v.args())))
                    .toList(), Map.of()));
        }
    }
}
