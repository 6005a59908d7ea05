package rol.notification.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.notification.progress.RollupConfig;
import rol.platform.problem.Problem;
import rol.platform.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The weekly digest (周报) of this deployment's district as it stands now, for the console's printable page: the same
 * composition the Monday mail carries, read live from the read model (nothing is stored or sent).
 */
@Path("/api/digest")
@Tag(name = "周报", description = "本区的督办周报：红灯（超期）任务、黄灯任务和近七天有变化的任务，与每周一发给依法治区办的邮件内容相同。")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DigestResource {

    @Inject
    WeeklyDigestJob job;

    @Inject
    DigestConfig config;

    @Inject
    RollupConfig rollup;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "本周周报", description = "区委依法治区办、区领导、督查查看本区本周的周报（按当前数据即时生成，不发送邮件）；"
            + "部门无权查看（周报列出所有单位的任务）。")
    public DigestComposer.WeeklyDigest current() {
        Instant now = clock.instant();
        String week = DigestSchedule.isoWeek(LocalDate.ofInstant(now, config.zone()));
        return QuarkusTransaction.requiringNew().call(() -> job.compose(rollup.district(), week, now));
    }
}
