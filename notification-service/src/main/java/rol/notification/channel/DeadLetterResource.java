package rol.notification.channel;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.notification.subscription.Subscription;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Roles;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deliveries that failed every attempt (死信), for the office to read and, once the receiver is fixed, replay:
 * a replayed delivery is pending again with fresh attempts, and the next run of the worker sends it.
 */
@Path("/api/dead-letters")
@Tag(name = "死信", description = "多次投递仍失败的邮件和 Webhook 推送（死信）。区委依法治区办查看失败原因，修好接收地址后重新投递；"
        + "其他角色无权访问。")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.OFFICE)
public class DeadLetterResource {

    static final int MAX_SIZE = 100;

    public record View(UUID id, UUID subscriptionId, String channel, String target, String source, Long noticeId,
                       String kind, String district, String taskId, String title, String state, int attempts,
                       String lastError, String lastErrorReason, Integer lastErrorStatus,
                       OffsetDateTime lastAttemptAt, OffsetDateTime deadAt, OffsetDateTime createdAt) {
        static View of(Delivery d, Subscription s) {
            return new View(d.id, d.subscriptionId, s == null ? null : s.channel.name(), s == null ? null : s.target,
                    d.source, d.noticeId, d.kind, d.district, d.taskId, d.title, d.state.name(), d.attempts,
                    d.lastError, d.lastErrorReason == null ? null : d.lastErrorReason.name(), d.lastErrorStatus,
                    d.lastAttemptAt, d.deadAt, d.createdAt);
        }
    }

    public record PageView(List<View> items, long total, int page, int size) {
    }

    public record Replayed(int replayed) {
    }

    @Inject
    Clock clock;

    /** Newest dead letters first, optionally of one subscription; {@code page} counts from 0. */
    @GET
    @Operation(summary = "死信列表", description = "区委依法治区办（office）查看投递失败的提醒：渠道、接收地址、提醒种类、任务、尝试次数、"
            + "最后一次的错误（lastError 技术原文；lastErrorReason 原因分类：REFUSED 接收方拒收、RECEIVER_ERROR 接收方出错、"
            + "ANSWERED 其他答复、TIMEOUT 超时、UNREACHABLE 连不上、UNKNOWN_HOST 域名无法解析、TLS 加密连接失败、"
            + "MAIL_REFUSED 邮件服务器拒收、MAIL_UNAVAILABLE 邮件服务器暂时不可用、OTHER 其他；lastErrorStatus 对方的 HTTP 状态码或 SMTP "
            + "答复码）和成为死信的时间，新的在前。可按订阅筛选；page 从 0 起，size 1–100（默认 20）。")
    @APIResponse(responseCode = "400", description = "page 为负数、size 不在 1–100 之间，或 subscriptionId 不是 UUID")
    public PageView list(@QueryParam("subscriptionId") UUID subscriptionId,
                         @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "page.number.range");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "page.size.range", MAX_SIZE);
        }
        var query = subscriptionId == null
                ? Delivery.find("state", Sort.descending("deadAt").and("id"), Delivery.State.DEAD)
                : Delivery.find("state = ?1 and subscriptionId = ?2", Sort.descending("deadAt").and("id"),
                Delivery.State.DEAD, subscriptionId);
        List<Delivery> items = query.page(Page.of(page, size)).list();
        Map<UUID, Subscription> subscriptions = items.isEmpty() ? Map.of()
                : Subscription.<Subscription>list("id in ?1", items.stream().map(d -> d.subscriptionId).toList())
                .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        return new PageView(items.stream().map(d -> View.of(d, subscriptions.get(d.subscriptionId))).toList(),
                query.count(), page, size);
    }

    @POST
    @Path("/{id}/replay")
    @Transactional
    @Operation(summary = "重新投递一条死信", description = "区委依法治区办（office）在接收方修好后重新投递：回到待投递，立即到期，"
            + "尝试次数清零；下一轮投递按订阅当时的地址发送。")
    @APIResponse(responseCode = "404", description = "没有这条死信")
    @APIResponse(responseCode = "409", description = "这条投递不是死信（待投递或已送达）")
    public View replay(@PathParam("id") UUID id) {
        Delivery d = Delivery.findById(id);
        if (d == null) {
            throw ProblemException.notFound("dead-letter", id);
        }
        if (d.state != Delivery.State.DEAD) {
            throw ProblemException.stateConflict("delivery", d.state.name(), List.of());
        }
        revive(d);
        return View.of(d, Subscription.findById(d.subscriptionId));
    }

    /** Replays every dead letter of one subscription, e.g. after its webhook was repaired. */
    @POST
    @Path("/replay")
    @Transactional
    @Operation(summary = "重新投递一个订阅的全部死信", description = "区委依法治区办（office）修好某个订阅的接收地址（如 Webhook）后，"
            + "把它的全部死信一次重新投递；答复重新投递的条数 {replayed}。")
    @APIResponse(responseCode = "400", description = "缺少 subscriptionId，或它不是 UUID")
    @APIResponse(responseCode = "404", description = "没有这个订阅")
    public Replayed replayAll(@QueryParam("subscriptionId") UUID subscriptionId) {
        if (subscriptionId == null) {
            throw ProblemException.invalid("subscriptionId", "field.required");
        }
        if (Subscription.findById(subscriptionId) == null) {
            throw ProblemException.notFound("subscription", subscriptionId);
        }
        List<Delivery> dead = Delivery.list("state = ?1 and subscriptionId = ?2", Delivery.State.DEAD, subscriptionId);
        dead.forEach(this::revive);
        return new Replayed(dead.size());
    }

    /** Pending, due now, with a full set of attempts; the last error stays for reference until it is delivered. */
    private void revive(Delivery d) {
        d.state = Delivery.State.PENDING;
        d.attempts = 0;
        d.deadAt = null;
        d.nextAttemptAt = OffsetDateTime.now(clock);
    }
}
