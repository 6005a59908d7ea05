package rol.task.calendar;

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
import rol.platform.calendar.CalendarYear;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Violations;
import rol.platform.security.Caller;
import rol.platform.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The working-day calendar: everyone signed in reads a year; the office enters a year from the State Council's
 * notice (read → preview → confirm) and edits single days with a reason. Every change is audited and published.
 */
@Path("/api/calendar/{year}")
@Tag(name = "节假日安排", description = "工作日日历：法定节假日和调休上班日，提醒和红黄绿灯按它计算工作日。四种角色都可查看；"
        + "区委依法治区办每年按国务院办公厅的节假日安排通知录入下一年（粘贴通知 → 预览 → 确认），也可逐日修改并写明原因。")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CalendarResource {

    static final int MAX_TEXT = 20_000;
    static final int MAX_NAME = 20;
    static final int MAX_REASON = 200;

    /** The notice as pasted by the office. */
    public record NoticeInput(String text) {
    }

    /** One day made a holiday ({@code HOLIDAY}) or an adjusted working day ({@code WORKING_DAY}) of festival {@code name}. */
    public record DayInput(String kind, String name, String reason) {
    }

    @Inject
    CalendarStore store;

    @Inject
    NoticeDrafts drafts;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "某年的节假日安排", description = "四种角色都可查看一年的放假日和调休上班日。尚未录入的年份 covered 为 false，"
            + "并说明提醒和红黄绿灯暂按周末计算。")
    public CalendarViews.YearView get(@PathParam("year") Integer year) {
        checkYear(year);
        return store.find(year).map(CalendarViews::year).orElseGet(() -> CalendarViews.missing(year));
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.OFFICE, Roles.AUDITOR})
    @Operation(summary = "节假日安排的修改记录", description = "区委依法治区办（office）和督察（auditor）查看一年的每次录入和逐日修改：谁、何时、原因。")
    public List<CalendarStore.Change> changes(@PathParam("year") Integer year) {
        checkYear(year);
        return store.changes(year);
    }

    /** Reads the notice and keeps the reading as a draft; nothing takes effect before its confirmation. */
    @POST
    @Path("/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "粘贴通知，生成预览", description = "区委依法治区办（office）粘贴国务院办公厅关于该年部分节假日安排的通知全文，"
            + "系统读出放假日和调休上班日，按月返回预览，读不懂的句子单独列出。预览不生效，确认后才生效。201。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "通知的一段", value = "{\"text\": \"一、元旦：1月1日（周四）至3日（周六）"
            + "放假调休，共3天。1月4日（周日）上班。\"}")))
    @APIResponse(responseCode = "400", description = "通知为空、是另一年的通知、放假日期重叠或调休上班日落在放假日，errors 逐项指出")
    public Response read(@PathParam("year") Integer year, NoticeInput input) {
        checkYear(year);
        Violations.body(input);
        Violations v = new Violations();
        String text = v.required("text", input.text(), MAX_TEXT);
        v.throwIfAny();
        NoticeReader.Reading reading = NoticeReader.read(text, year);
        for (NoticeReader.Conflict c : reading.conflicts()) {
            switch (c.kind()) {
                case OTHER_YEAR -> v.add("text", "calendar.notice.other-year", String.valueOf(c.year()),
                        String.valueOf(year));
                case OVERLAP -> v.add("text", "calendar.notice.overlap", day(c.date()), c.festival(), c.other());
                case WORKING_DAY_ON_HOLIDAY -> v.add("text", "calendar.notice.working-day-on-holiday", day(c.date()),
                        c.festival(), c.other());
            }
        }
        if (reading.conflicts().isEmpty() && reading.holidays().isEmpty()) {
            v.add("text", "calendar.notice.nothing-read");
        }
        v.throwIfAny();
        String notice = Optional.ofNullable(reading.notice()).orElse(year + "年节假日安排（按通知文本录入）");
        CalendarViews.DraftView draft = CalendarViews.draft(UUID.randomUUID(), reading, notice);
        drafts.add(draft, text, caller.name(), now());
        return Response.status(201).entity(draft).build();
    }

    @POST
    @Path("/drafts/{id}/confirmation")
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "确认预览，使其生效", description = "区委依法治区办（office）确认一份预览：该年的节假日安排随即生效，"
            + "各服务据此重排提醒和红黄绿灯，无需重启。")
    @APIResponse(responseCode = "404", description = "没有这份预览")
    @APIResponse(responseCode = "409", description = "这份预览已经确认过")
    public CalendarViews.YearView confirm(@PathParam("year") Integer year, @PathParam("id") UUID id) {
        checkYear(year);
        CalendarViews.DraftView draft = drafts.lock(year, id)
                .orElseThrow(() -> ProblemException.notFound("calendar-draft", id));
        if (draft.confirmed()) {
            throw ProblemException.of(409, "calendar-draft-confirmed", String.valueOf(year));
        }
        OffsetDateTime now = now();
        drafts.confirmed(id, now);
        return CalendarViews.year(store.save(CalendarViews.toYear(draft),
                new CalendarStore.Change("NOTICE_CONFIRMED", null, null, null, draft.notice(), caller.name(), now)));
    }

    @PUT
    @Path("/days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "设定某一天", description = "区委依法治区办（office）把一天设为放假日（HOLIDAY）或调休上班日（WORKING_DAY），"
            + "写明节日名称和原因，记入修改记录。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "国庆调休上班", value = "{\"kind\": \"WORKING_DAY\", "
            + "\"name\": \"国庆节\", \"reason\": \"按国务院办公厅通知，10月9日（周六）上班\"}")))
    @APIResponse(responseCode = "400", description = "类别、名称或原因不符合要求，或这一天与已有安排冲突，errors 逐项指出")
    public CalendarViews.YearView setDay(@PathParam("year") Integer year, @PathParam("date") LocalDate date,
                                         DayInput input) {
        checkYear(year);
        Violations.body(input);
        Violations v = new Violations();
        DayEdit.Kind kind = null;
        String kindText = v.required("kind", input.kind(), 20);
        if (kindText != null) {
            try {
                kind = DayEdit.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("kind", "calendar.day.kind.one-of");
            }
        }
        String name = v.required("name", input.name(), MAX_NAME);
        String reason = v.required("reason", input.reason(), MAX_REASON);
        v.throwIfAny();
        DayEdit.Outcome outcome = DayEdit.set(store.find(year).map(CalendarStore.Stored::year), year, date, kind, name);
        return apply(outcome, year, new CalendarStore.Change("DAY_SET", date, kind.name(), name, reason,
                caller.name(), now()));
    }

    @DELETE
    @Path("/days/{date}")
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "取消某一天的安排", description = "区委依法治区办（office）取消一天的放假或调休上班安排，须在 reason 中写明原因。")
    @APIResponse(responseCode = "400", description = "没有写原因，或这一天没有安排")
    public CalendarViews.YearView removeDay(@PathParam("year") Integer year, @PathParam("date") LocalDate date,
                                            @QueryParam("reason") String reasonText) {
        checkYear(year);
        Violations v = new Violations();
        String reason = v.required("reason", reasonText, MAX_REASON);
        v.throwIfAny();
        CalendarYear current = store.find(year).map(CalendarStore.Stored::year)
                .orElse(new CalendarYear(year, DayEdit.BY_HAND, java.util.Map.of(), java.util.Map.of()));
        return apply(DayEdit.remove(current, date), year, new CalendarStore.Change("DAY_REMOVED", date, null, null,
                reason, caller.name(), now()));
    }

    private CalendarViews.YearView apply(DayEdit.Outcome outcome, int year, CalendarStore.Change change) {
        if (outcome.refusal() != null) {
            Object[] args = outcome.refusal().args();
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i] instanceof LocalDate d ? day(d) : String.valueOf(args[i]);
            }
            new Violations().add("date", outcome.refusal().messageKey(), args).throwIfAny();
        }
        return CalendarViews.year(store.save(outcome.year(), change));
    }

    private static void checkYear(Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            new Violations().add("year", "calendar.year.range").throwIfAny();
        }
    }

    /** 2026年10月1日（周四）: how a clerk reads a date. */
    static String day(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日（"
                + NoticeReader.chinese(d.getDayOfWeek()) + "）";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
