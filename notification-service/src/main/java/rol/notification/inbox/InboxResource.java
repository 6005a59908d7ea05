package rol.notification.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Caller;
import rol.platform.security.Roles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-app inbox (站内消息): the notices addressed to the caller by name, to the caller's department (department
 * staff) and to the office (office staff); leaders and auditors get only those addressed to them by name. Read state
 * is kept per user. A notice outside the caller's inbox does not exist for them (404).
 */
@Path("/api/inbox")
@Tag(name = "站内消息", description = "发给调用者本人、其部门（部门账号）或区委依法治区办（办公室账号）的提醒、催办和通报，"
        + "已读状态每人各自记录。区领导、督查只收到点名发给自己的消息。")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
public class InboxResource {

    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 10_000;

    public record Item(long id, String kind, String taskId, String title, String body, String recipientType,
                       String recipientId, OffsetDateTime createdAt, boolean read, OffsetDateTime readAt) {
    }

    public record Page(List<Item> items, long total, int page, int size) {
    }

    public record UnreadCount(long unread) {
    }

    public record Marked(int marked) {
    }

    /** Whose notices the caller sees: {@code (USER = name) or (DEPARTMENT = own department) or (office and OFFICE)}. */
    private static final String VISIBLE = """
            ((n.recipient_type = 'USER' and n.recipient_id = ?)
             or (n.recipient_type = 'DEPARTMENT' and n.recipient_id = ?)
             or (n.recipient_type = 'OFFICE' and ?))""";
    private static final String UNREAD = " and not exists (select 1 from notice_read r where r.notice_id = n.id"
            + " and r.user_name = ?)";

    @Inject
    Caller caller;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "我的消息", description = "四种角色都可查看自己收到的消息，新的在前：unread=true 只看未读；page 从 0 起（不超过 10000），"
            + "size 1–100（默认 20）。每条有种类（kind，如 BEFORE_DEADLINE 到期前提醒、ESCALATION 催办升级）、任务、标题、正文和已读时间。")
    @APIResponse(responseCode = "400", description = "unread 不是 true/false，或 page、size 超出范围")
    public Page list(@QueryParam("unread") Boolean unread, @QueryParam("page") Integer page,
                     @QueryParam("size") Integer size) throws SQLException {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > MAX_PAGE) {
            throw ProblemException.invalid("page", "inbox.page.range", String.valueOf(MAX_PAGE));
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalid("size", "inbox.size.range", String.valueOf(MAX_SIZE));
        }
        boolean onlyUnread = Boolean.TRUE.equals(unread);
        String filter = " from notice n where " + VISIBLE + (onlyUnread ? UNREAD : "");
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + filter)) {
                int i = bindScope(ps, 1);
                if (onlyUnread) {
                    ps.setString(i, caller.name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Item> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select n.id, n.kind, n.task_id, n.title, n.body, n.recipient_type, n.recipient_id, n.created_at,
                        (select r.read_at from notice_read r where r.notice_id = n.id and r.user_name = ?)
                    """ + filter + " order by n.id desc limit ? offset ?")) {
                ps.setString(1, caller.name());
                int i = bindScope(ps, 2);
                if (onlyUnread) {
                    ps.setString(i++, caller.name());
                }
                ps.setInt(i++, s);
                ps.setLong(i, (long) p * s);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(item(rs));
                    }
                }
            }
            return new Page(items, total, p, s);
        }
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "未读消息数", description = "四种角色都可查看自己未读的消息条数 {unread}，用于页面上的角标。")
    public UnreadCount unreadCount() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from notice n where " + VISIBLE + UNREAD)) {
            int i = bindScope(ps, 1);
            ps.setString(i, caller.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new UnreadCount(rs.getLong(1));
            }
        }
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    @Operation(summary = "标为已读", description = "把自己的一条消息标为已读（只对本人；同部门的同事仍是未读），再次标记不变。答复这条消息。")
    @APIResponse(responseCode = "404", description = "没有这条消息，或它不在调用者的消息中")
    public Item read(@PathParam("id") Long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from notice n where n.id = ? and " + VISIBLE)) {
                ps.setLong(1, id);
                bindScope(ps, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("notice", String.valueOf(id));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into notice_read (user_name, notice_id, read_at)"
                    + " values (?, ?, ?) on conflict do nothing")) {
                ps.setString(1, caller.name());
                ps.setLong(2, id);
                ps.setObject(3, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select n.id, n.kind, n.task_id, n.title, n.body, n.recipient_type, n.recipient_id, n.created_at,
                        r.read_at
                    from notice n join notice_read r on r.notice_id = n.id and r.user_name = ? where n.id = ?
                    """)) {
                ps.setString(1, caller.name());
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return item(rs);
                }
            }
        }
    }

    @POST
    @Path("/read-all")
    @Transactional
    @Operation(summary = "全部标为已读", description = "把自己的全部未读消息标为已读，答复标记的条数 {marked}。")
    public Marked readAll() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into notice_read (user_name, notice_id, read_at)"
                     + " select ?, n.id, ? from notice n where " + VISIBLE + UNREAD + " on conflict do nothing")) {
            ps.setString(1, caller.name());
            ps.setObject(2, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            int i = bindScope(ps, 3);
            ps.setString(i, caller.name());
            return new Marked(ps.executeUpdate());
        }
    }

    /** Binds {@link #VISIBLE} from parameter {@code at}; returns the next parameter index. */
    private int bindScope(PreparedStatement ps, int at) throws SQLException {
        String department = null;
        if (caller.is(Roles.DEPARTMENT)) {
            department = caller.department().orElseThrow(() -> ProblemException.of(403, "no-department"));
        }
        ps.setString(at, caller.name());
        ps.setString(at + 1, department);
        ps.setBoolean(at + 2, caller.is(Roles.OFFICE));
        return at + 3;
    }

    private static Item item(ResultSet rs) throws SQLException {
        Object task = rs.getObject(3);
        return new Item(rs.getLong(1), rs.getString(2), task == null ? null : task.toString(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9) != null, rs.getObject(9, OffsetDateTime.class));
    }
}
