package rol.task.ledgerimport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.task.TaskCreatedV1;
import rol.platform.event.task.TaskUpdatedV1;
import rol.platform.event.task.TaskV1;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Violations;
import rol.platform.quarkus.OutboxWriter;
import rol.platform.security.Caller;
import rol.task.departments.DirectoryStore;
import rol.task.ledgerimport.reading.Corrections;
import rol.task.ledgerimport.reading.ImportRejected;
import rol.task.ledgerimport.reading.ImportRow;
import rol.task.ledgerimport.reading.RawRow;
import rol.task.ledgerimport.reading.RowPlan;
import rol.task.ledgerimport.reading.WorkbookReader;
import rol.task.plan.Task;
import rol.task.plan.WorkPlan;
import rol.task.workflow.TaskState;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 台账导入: upload (the file read, stored as rows, the preview answered), corrections, and the commit: all rows in
 * one transaction, each created or updated task with its history entry, its source row and its event in the outbox.
 */
@ApplicationScoped
public class LedgerImports {

    /** The office's working day: ledger dates (办结日期) are days there. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    ImportConfig config;

    @Inject
    ImportPreviews previews;

    @Inject
    DirectoryStore directories;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    OutboxWriter outbox;

    @Inject
    EntityManager em;

    /** Before the file is read into memory: 413 naming the limit. */
    public void checkSize(long bytes) {
        if (bytes > config.maxBytes()) {
            throw ProblemException.of(413, "import-too-large", (config.maxBytes() >> 20) + " MB");
        }
    }

    @Transactional
    public ImportViews.Preview upload(byte[] content, String fileName, Integer planYear) {
        checkSize(content.length);
        String name = fileName == null || fileName.isBlank() ? "台账" : fileName.strip();
        if (name.length() > 200) {
            throw ProblemException.invalid("file", "field.too-long", 200, name.length());
        }
        int year = planYear == null ? LocalDate.now(clock.withZone(ZONE)).getYear() : planYear;
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("planYear", "import.plan-year", year);
        }
        List<RawRow> rows;
        try {
            rows = new WorkbookReader(config.maxRows()).read(content, name);
        } catch (ImportRejected e) {
            throw ProblemException.of(e.status(), e.kind(), e.args());
        }
        LedgerImport stored = new LedgerImport();
        stored.id = UUID.randomUUID();
        stored.district = directories.district();
        stored.fileName = name;
        stored.planYear = year;
        stored.uploadedBy = caller.name();
        stored.uploadedAt = now();
        stored.rows = previews.write(rows);
        stored.corrections = "{}";
        stored.persist();
        return previews.view(previews.compute(stored));
    }

    @Transactional
    public ImportViews.Preview preview(UUID id) {
        LedgerImport stored = find(id, LockModeType.NONE);
        return stored.committedAt != null ? previews.committed(stored) : previews.view(previews.compute(stored));
    }

    @Transactional
    public ImportViews.Preview correct(UUID id, ImportViews.Corrections body) {
        Violations.body(body);
        LedgerImport stored = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(stored);
        Violations v = new Violations();
        Map<String, String> departments = body.departments() == null ? Map.of() : body.departments();
        var directory = directories.directory(stored.district).orElseThrow();
        departments.forEach((written, departmentId) -> {
            if (departmentId == null || directory.byId(departmentId).isEmpty()) {
                v.add("departments." + written, "import.unknown-department", departmentId);
            }
        });
        Map<String, TaskState> states = new HashMap<>();
        (body.states() == null ? Map.<String, String>of() : body.states()).forEach((written, state) -> {
            try {
                states.put(written, TaskState.valueOf(String.valueOf(state)));
            } catch (IllegalArgumentException e) {
                v.add("states." + written, "import.unknown-state", state);
            }
        });
        Set<String> keys = new java.util.HashSet<>(previews.rows(stored).stream()
                .map(r -> ImportRow.key(r.sheet(), r.row())).toList());
        List<String> skip = body.skip() == null ? List.of() : body.skip();
        List<String> unskip = body.unskip() == null ? List.of() : body.unskip();
        for (String key : concat(skip, unskip)) {
            if (!keys.contains(key)) {
                v.add("skip", "import.unknown-row", key);
            }
        }
        v.throwIfAny();
        Corrections c = previews.corrections(stored).with(departments, states, Set.copyOf(skip), Set.copyOf(unskip));
        stored.corrections = previews.write(c);
        return previews.view(previews.compute(stored));
    }

    /** All rows or none: a row with an error left (not corrected, not skipped) refuses the whole commit. */
    @Transactional
    public ImportViews.Preview commit(UUID id) {
        LedgerImport stored = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(stored);
        ImportPreviews.Computed computed = previews.compute(stored);
        ImportViews.Preview preview = previews.view(computed);
        List<ImportViews.Row> erroneous = preview.rows().stream().filter(r -> r.action() == RowPlan.Action.ERROR).toList();
        if (!erroneous.isEmpty()) {
            ImportViews.Row first = erroneous.get(0);
            String where = first.sheet() + " 第 " + first.row() + " 行 " + first.issues().stream()
                    .filter(i -> i.severity().equals("ERROR")).map(i -> i.columnName() + "：" + i.message()).findFirst().orElse("");
            throw ProblemException.of(422, "import-has-errors", erroneous.size(), where);
        }
        OffsetDateTime now = now();
        Map<String, WorkPlan> plans = new HashMap<>();
        List<ImportViews.Row> done = new ArrayList<>(preview.rows().size());
        for (int i = 0; i < computed.rows().size(); i++) {
            ImportPreviews.Planned p = computed.rows().get(i);
            ImportViews.Row view = preview.rows().get(i);
            switch (p.plan().action()) {
                case CREATE -> {
                    Task task = create(stored, p.row(), plans, now);
                    view = withTask(view, task.id.toString());
                }
                case UPDATE -> update(stored, p, now);
                default -> { }
            }
            done.add(view);
        }
        stored.committedAt = now;
        stored.committedBy = caller.name();
        ImportViews.Preview result = new ImportViews.Preview(preview.id(), preview.fileName(), preview.planYear(),
                preview.uploadedBy(), preview.uploadedAt(), now, preview.summary(), done);
        stored.result = previews.write(result);
        return result;
    }

    private Task create(LedgerImport stored, ImportRow row, Map<String, WorkPlan> plans, OffsetDateTime now) {
        WorkPlan plan = plans.computeIfAbsent(row.sheet(), sheet -> plan(stored, sheet, now));
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.district = stored.district;
        t.workPlanId = plan.id;
        t.reportId = plan.reportId;
        t.planItemId = "ledger:" + row.key();
        t.theme = row.theme();
        t.title = row.title();
        t.text = row.text();
        t.state = row.state();
        t.leadDepartment = row.lead() == null ? null : row.lead().departmentId();
        t.coDepartments = new ArrayList<>(row.coDepartmentIds());
        t.deadline = row.deadline();
        t.percent = row.percent() != null ? row.percent() : t.state == TaskState.CLOSED ? 100 : 0;
        t.dispatchedAt = t.state == TaskState.DRAFT ? null : now;
        t.closedAt = t.state == TaskState.CLOSED ? closedAt(row, now) : null;
        t.createdAt = now;
        t.updatedAt = now;
        t.persistAndFlush();
        TaskV1 after = t.snapshot(plan, List.of());
        history(t, now, TaskState.DRAFT, Map.of(), after, source(stored, row));
        source(stored, row, t, now, true);
        outbox.append(Topics.TASK_EVENTS, TaskCreatedV1.TYPE, t.id.toString(), new TaskCreatedV1(after));
        return t;
    }

    private void update(LedgerImport stored, ImportPreviews.Planned p, OffsetDateTime now) {
        Task t = p.task();
        ImportRow row = p.row();
        WorkPlan plan = WorkPlan.findById(t.workPlanId);
        TaskV1 before = t.snapshot(plan);
        TaskState from = t.state;
        List<String> changed = new ArrayList<>();
        for (RowPlan.Change c : p.plan().changes()) {
            switch (c.field()) {
                case "title" -> {
                    t.title = row.title();
                    t.text = row.text();
                }
                case "leadDepartment" -> t.leadDepartment = row.lead() == null ? null : row.lead().departmentId();
                case "coDepartments" -> t.coDepartments = new ArrayList<>(row.coDepartmentIds());
                case "deadline" -> t.deadline = row.deadline();
                case "state" -> {
                    t.state = row.state();
                    if (t.dispatchedAt == null && t.state != TaskState.DRAFT) {
                        t.dispatchedAt = now;
                    }
                    t.closedAt = t.state == TaskState.CLOSED ? closedAt(row, now) : null;
                }
                case "percent" -> t.percent = row.percent();
                default -> throw new IllegalStateException("unknown field " + c.field());
            }
            if (!c.field().equals("title")) {
                changed.add(c.field());
            }
        }
        t.updatedAt = now;
        t.persistAndFlush();
        TaskV1 after = t.snapshot(plan);
        history(t, now, from, before, after, source(stored, row));
        source(stored, row, t, now, false);
        if (!changed.isEmpty() || p.plan().changes().stream().anyMatch(c -> c.field().equals("title"))) {
            outbox.append(Topics.TASK_EVENTS, TaskUpdatedV1.TYPE, t.id.toString(),
                    new TaskUpdatedV1(after, caller.name(), p.plan().changes().stream().map(RowPlan.Change::field).toList()));
        }
    }

    /** One work plan per sheet of an import: the sheet stands for the issuer (区委交办, 区政府交办 …). */
    private WorkPlan plan(LedgerImport stored, String sheet, OffsetDateTime now) {
        WorkPlan plan = new WorkPlan();
        plan.id = UUID.randomUUID();
        plan.district = stored.district;
        plan.reportId = UUID.nameUUIDFromBytes(("ledger-import:" + stored.id + ":" + sheet).getBytes(StandardCharsets.UTF_8));
        plan.issuer = sheet;
        plan.title = stored.fileName + " / " + sheet;
        plan.planYear = stored.planYear;
        plan.createdAt = now;
        plan.persist();
        return plan;
    }

    /** The ledger's 办结日期 at noon in the office's zone (its date is that day everywhere in China); else now. */
    private static OffsetDateTime closedAt(ImportRow row, OffsetDateTime now) {
        return row.closedOn() == null ? now : row.closedOn().atTime(12, 0).atZone(ZONE).toOffsetDateTime();
    }

    private static Map<String, Object> source(LedgerImport stored, ImportRow row) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("importId", stored.id.toString());
        detail.put("fileName", stored.fileName);
        detail.put("sheet", row.sheet());
        detail.put("row", row.row());
        return detail;
    }

    private void history(Task t, OffsetDateTime at, TaskState from, Object before, TaskV1 after, Map<String, Object> detail) {
        em.createNativeQuery("insert into task_history (task_id, at, actor, capacity, action, state_before, state_after,"
                        + " before, after, detail) values (?1, ?2, ?3, 'OFFICE', 'IMPORT', ?4, ?5, cast(?6 as jsonb),"
                        + " cast(?7 as jsonb), cast(?8 as jsonb))")
                .setParameter(1, t.id).setParameter(2, at).setParameter(3, caller.name()).setParameter(4, from.name())
                .setParameter(5, t.state.name()).setParameter(6, EventJson.tree(before).toString())
                .setParameter(7, EventJson.tree(after).toString()).setParameter(8, EventJson.tree(detail).toString())
                .executeUpdate();
    }

    /** Where the task now comes from, and its version as this import leaves it. */
    private void source(LedgerImport stored, ImportRow row, Task t, OffsetDateTime now, boolean created) {
        em.createNativeQuery("insert into task_import_source (task_id, district, import_id, file_name, sheet, row_number,"
                        + " title_key, imported_at, task_version, progress, note) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                        + " cast(?10 as text), cast(?11 as text)) on conflict (task_id) do update set import_id = excluded.import_id,"
                        + " file_name = excluded.file_name, sheet = excluded.sheet, row_number = excluded.row_number,"
                        + " title_key = excluded.title_key, imported_at = excluded.imported_at,"
                        + " task_version = excluded.task_version, progress = excluded.progress, note = excluded.note")
                .setParameter(1, t.id).setParameter(2, stored.district).setParameter(3, stored.id)
                .setParameter(4, stored.fileName).setParameter(5, row.sheet()).setParameter(6, row.row())
                .setParameter(7, ImportPreviews.titleKey(row.title())).setParameter(8, now).setParameter(9, t.version)
                .setParameter(10, row.progress()).setParameter(11, row.note())
                .executeUpdate();
    }

    private static ImportViews.Row withTask(ImportViews.Row r, String taskId) {
        return new ImportViews.Row(r.key(), r.sheet(), r.row(), r.number(), r.theme(), r.title(), r.lead(),
                r.coDepartments(), r.deadlineText(), r.deadline(), r.longTerm(), r.stateText(), r.state(), r.stateName(),
                r.percent(), r.progress(), r.note(), r.closedOn(), r.skipped(), r.action(), taskId, r.changes(), r.issues());
    }

    private LedgerImport find(UUID id, LockModeType lock) {
        LedgerImport stored = em.find(LedgerImport.class, id, lock);
        if (stored == null || !stored.district.equals(directories.district())) {
            throw ImportPreviews.notFound(id);
        }
        return stored;
    }

    private static void requireOpen(LedgerImport stored) {
        if (stored.committedAt != null) {
            throw ProblemException.of(409, "import-committed", stored.committedAt.atZoneSameInstant(ZONE).toLocalDateTime()
                    .truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' '));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
