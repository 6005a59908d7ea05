package rol.task.ledgerimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.task.departments.DirectoryStore;
import rol.task.ledgerimport.reading.Corrections;
import rol.task.ledgerimport.reading.DepartmentMatch;
import rol.task.ledgerimport.reading.DepartmentMatcher;
import rol.task.ledgerimport.reading.ImportRow;
import rol.task.ledgerimport.reading.ImportColumn;
import rol.task.ledgerimport.reading.Issue;
import rol.task.ledgerimport.reading.RawRow;
import rol.task.ledgerimport.reading.RowPlan;
import rol.task.ledgerimport.reading.RowReader;
import rol.task.plan.Task;
import rol.task.suggestion.DepartmentDirectory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The preview of a stored import, computed from its rows and corrections whenever it is needed (so that a directory
 * change or a task changed meanwhile shows): each row read, matched to the task it updates (by 任务编号, else by its
 * sheet and task text among imported tasks, else by file, sheet and row), and planned ({@link RowPlan}).
 */
@ApplicationScoped
public class ImportPreviews {

    /** One row, the task it matched (if any), and its plan. */
    record Planned(ImportRow row, Task task, RowPlan plan) {
    }

    record Computed(LedgerImport stored, DepartmentMatcher departments, List<Planned> rows) {
    }

    private record Source(UUID taskId, String fileName, String sheet, int row, String titleKey, long taskVersion) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    DirectoryStore directories;

    Computed compute(LedgerImport stored) {
        DepartmentDirectory directory = directories.directory(stored.district)
                .orElseThrow(() -> new IllegalStateException("no directory for district " + stored.district));
        DepartmentMatcher departments = new DepartmentMatcher(directory);
        List<ImportRow> rows = new RowReader(departments, stored.planYear).read(rows(stored), corrections(stored));

        List<Source> sources = sources(stored.district);
        Map<String, Source> byTitle = new HashMap<>();
        Map<String, Source> byRow = new HashMap<>();
        for (Source s : sources) {
            byTitle.put(s.sheet() + "\n" + s.titleKey(), s);
            byRow.put(s.fileName() + "\n" + s.sheet() + "\n" + s.row(), s);
        }
        Map<UUID, Source> sourceOf = new HashMap<>();
        sources.forEach(s -> sourceOf.put(s.taskId(), s));

        Map<String, UUID> matched = new HashMap<>();
        Set<UUID> ids = new HashSet<>();
        for (ImportRow r : rows) {
            UUID id = null;
            if (r.taskId() != null && !r.hasErrors()) {
                id = UUID.fromString(r.taskId());
            } else if (r.taskId() == null) {
                Source s = byTitle.get(r.sheet() + "\n" + titleKey(r.title()));
                if (s == null) {
                    s = byRow.get(stored.fileName + "\n" + r.sheet() + "\n" + r.row());
                }
                id = s == null ? null : s.taskId();
            }
            if (id != null) {
                matched.put(r.key(), id);
                ids.add(id);
            }
        }
        Map<UUID, Task> tasks = new HashMap<>();
        if (!ids.isEmpty()) {
            Task.<Task>list("id in ?1 and district = ?2", ids, stored.district).forEach(t -> tasks.put(t.id, t));
        }
        List<Planned> planned = new ArrayList<>(rows.size());
        Set<UUID> taken = new HashSet<>();
        for (ImportRow r : rows) {
            UUID id = matched.get(r.key());
            Task task = id == null ? null : tasks.get(id);
            ImportRow row = r;
            if (r.taskId() != null && task == null && !r.hasErrors()) {
                row = r.with(Issue.error(ImportColumn.TASK_ID, "task-id-unknown", r.taskId()));
            } else if (task != null && !taken.add(task.id)) {
                task = null; // a second row for the same task in one file is a task of its own
            }
            RowPlan.Existing existing = task == null ? null : existing(task, sourceOf.get(task.id));
            planned.add(new Planned(row, task, RowPlan.of(row, existing)));
        }
        return new Computed(stored, departments, planned);
    }

    ImportViews.Preview view(Computed c) {
        LedgerImport s = c.stored();
        int[] counts = new int[RowPlan.Action.values().length];
        List<ImportViews.Row> rows = new ArrayList<>(c.rows().size());
        for (Planned p : c.rows()) {
            counts[p.plan().action().ordinal()]++;
            rows.add(row(c.departments(), p));
        }
        ImportViews.Summary summary = new ImportViews.Summary(rows.size(), counts[RowPlan.Action.CREATE.ordinal()],
                counts[RowPlan.Action.UPDATE.ordinal()], counts[RowPlan.Action.UNCHANGED.ordinal()],
                counts[RowPlan.Action.CONFLICT.ordinal()], counts[RowPlan.Action.SKIP.ordinal()],
                counts[RowPlan.Action.ERROR.ordinal()]);
        return new ImportViews.Preview(s.id, s.fileName, s.planYear, s.uploadedBy, s.uploadedAt, s.committedAt, summary, rows);
    }

    private ImportViews.Row row(DepartmentMatcher departments, Planned p) {
        ImportRow r = p.row();
        List<ImportViews.CellIssue> issues = r.issues().stream().map(i -> new ImportViews.CellIssue(i.column().name(),
                Messages.text("import.column." + i.column().name()), i.severity().name(), i.code(),
                Messages.text("import.issue." + i.code(), i.args().toArray()))).toList();
        return new ImportViews.Row(r.key(), r.sheet(), r.row(), r.number(), r.theme(), r.title(),
                r.lead() == null ? null : department(departments, r.lead()),
                r.co().stream().map(m -> department(departments, m)).toList(), r.deadlineText(), r.deadline(),
                r.longTerm(), r.stateText(), r.state() == null ? null : r.state().name(),
                r.state() == null ? null : Messages.text("state.task." + r.state().name()), r.percent(), r.progress(),
                r.note(), r.closedOn(), r.skipped(), p.plan().action(), p.task() == null ? null : p.task().id.toString(),
                p.plan().changes(), issues);
    }

    private static ImportViews.Department department(DepartmentMatcher departments, DepartmentMatch m) {
        String name = m.departmentId() == null ? null
                : departments.unit(m.departmentId()).map(d -> d.displayName()).orElse(null);
        return new ImportViews.Department(m.written(), m.departmentId(), name, m.kind().name(), m.candidates().stream()
                .map(c -> new ImportViews.Candidate(c.departmentId(), c.name(), c.score())).toList());
    }

    private static RowPlan.Existing existing(Task t, Source source) {
        boolean changed = source == null || source.taskVersion() != t.version;
        return new RowPlan.Existing(t.id.toString(), t.title, t.leadDepartment, t.coDepartments, t.deadline, t.state,
                t.percent, changed);
    }

    @SuppressWarnings("unchecked")
    private List<Source> sources(String district) {
        List<Object[]> found = em.createNativeQuery("select task_id, file_name, sheet, row_number, title_key, task_version"
                + " from task_import_source where district = ?1").setParameter(1, district).getResultList();
        return found.stream().map(o -> new Source((UUID) o[0], (String) o[1], (String) o[2], ((Number) o[3]).intValue(),
                (String) o[4], ((Number) o[5]).longValue())).toList();
    }

    /**
     * A task text as a re-import matches it: full-width folded (NFKC), lower case, without spaces and punctuation.
     * Not converted to simplified characters: that costs about a millisecond a row, and a ledger keeps its script.
     */
    static String titleKey(String title) {
        return Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{P}\\p{S}]", "");
    }

    List<RawRow> rows(LedgerImport stored) {
        try {
            return json.readValue(stored.rows, new TypeReference<List<RawRow>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rows of import " + stored.id + " unreadable", e);
        }
    }

    Corrections corrections(LedgerImport stored) {
        try {
            return stored.corrections == null || stored.corrections.equals("{}") ? Corrections.NONE
                    : json.readValue(stored.corrections, Corrections.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored corrections of import " + stored.id + " unreadable", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ImportViews.Preview committed(LedgerImport stored) {
        try {
            return json.readValue(stored.result, ImportViews.Preview.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result of import " + stored.id + " unreadable", e);
        }
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("ledger-import", id);
    }
}
