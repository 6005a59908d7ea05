package rol.task.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Problems;
import rol.platform.security.Caller;
import rol.task.lifecycle.TaskSteps;
import rol.task.lifecycle.TaskTrail;
import rol.platform.problem.Violations;
import rol.task.plan.Task;
import rol.task.plan.WorkPlan;
import rol.task.workflow.Performer;
import rol.task.workflow.TaskAction;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 佐证材料 in the task's database: stored with a history entry in one transaction, or refused before anything is
 * written (400 empty, 413 too large, 415 not a kind of file we accept); read and downloaded by whoever may read the
 * task (another department's is 404).
 */
@ApplicationScoped
public class EvidenceStore {

    /** Bytes per read of a download: a 20 MB file never sits in memory whole. */
    static final int SLICE = 512 * 1024;
    static final String HISTORY_ACTION = "UPLOAD_EVIDENCE";

    private static final String COLUMNS = "id, task_id, district, file_name, description, content_type, size, sha256,"
            + " uploaded_at, uploaded_by, capacity, department";

    @Inject
    TaskSteps steps;

    @Inject
    TaskTrail trail;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    EvidenceConfig config;

    /** A file as the HTTP layer received it: where it was written, its size, and what the client called it. */
    public record Upload(Path file, long size, String fileName, String description) {
    }

    /**
     * Who may upload: whoever may report progress on the task now (Lifecycle, REPORT_PROGRESS): the office, the lead
     * and the co-departments, while the task is acknowledged, in progress or returned. Same order of checks as an
     * action: 404, 403, 409, then the file itself.
     */
    @Transactional
    public EvidenceFile upload(UUID taskId, Upload upload) {
        Task task = steps.visible(taskId);
        Performer capacity = steps.capacityFor(task, TaskAction.REPORT_PROGRESS);
        Violations v = new Violations();
        if (upload.file() == null) {
            v.add("file", "evidence.file.missing").throwIfAny();
        }
        long max = config.maxSize().asLongValue();
        EvidenceRules.Refusal bySize = EvidenceRules.bySize(upload.size(), max);
        if (bySize == EvidenceRules.Refusal.EMPTY) {
            v.add("file", "evidence.file.empty").throwIfAny();
        }
        if (bySize == EvidenceRules.Refusal.TOO_LARGE) {
            throw ProblemException.of(413, "evidence-too-large", megabytesUp(upload.size()), megabytes(max));
        }
        String name = EvidenceRules.fileName(upload.fileName());
        if (name == null) {
            v.add("file", "evidence.file.name-missing");
        }
        String description = v.optional("description", upload.description(), EvidenceRules.MAX_DESCRIPTION);
        v.throwIfAny();
        String type = ContentTypes.detect(upload.file(), name);
        if (!EvidenceRules.typeAllowed(type, config.allowedTypes())) {
            throw new ProblemException(Problems.problem(415, "evidence-unsupported", null, List.of(),
                    Map.of("detectedType", type), Messages.text("evidence.kind." + EvidenceRules.kind(type))));
        }
        if (Containers.isContainer(type)) {
            refuseFlawed(upload.file(), upload.size(), type);
        }

        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String department = capacity == Performer.OFFICE ? null : caller.department().orElse(null);
        EvidenceFile file = new EvidenceFile(UUID.randomUUID(), task.id, task.district, name, description, type,
                upload.size(), sha256(upload.file()), now, caller.name(), capacity.name(), department);
        insert(file, upload.file());
        WorkPlan plan = WorkPlan.findById(task.workPlanId);
        var snapshot = task.snapshot(plan);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("evidence", file);
        trail.append(task, now, caller.name(), capacity.name(), HISTORY_ACTION, task.state.name(), snapshot, snapshot,
                detail);
        return file;
    }

    private static void refuseFlawed(Path file, long size, String type) {
        Containers.Flaw flaw;
        try (InputStream in = Files.newInputStream(file)) {
            flaw = Containers.inspect(in, size, !EvidenceRules.baseType(type).equals("application/zip"));
        } catch (IOException e) {
            throw new IllegalStateException("reading the uploaded file failed", e);
        }
        if (flaw == Containers.Flaw.INFLATES_TOO_MUCH) {
            throw ProblemException.of(413, "evidence-inflates", Containers.MAX_RATIO);
        }
        if (flaw != null) {
            throw ProblemException.of(422, "evidence-damaged");
        }
    }

    /** The evidence of a task the caller may see, oldest first. */
    public List<EvidenceFile> list(UUID taskId) {
        Task task = steps.visible(taskId);
        return query("select " + COLUMNS + " from evidence_file where task_id = ? order by uploaded_at, id", task.id);
    }

    /** The evidence of many tasks at once (a page of the task list), by task. */
    public Map<UUID, List<EvidenceFile>> ofTasks(Collection<UUID> taskIds) {
        Map<UUID, List<EvidenceFile>> out = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return out;
        }
        for (EvidenceFile f : query("select " + COLUMNS + " from evidence_file where task_id = any (?)"
                + " order by uploaded_at, id", (Object) taskIds.toArray(UUID[]::new))) {
            out.computeIfAbsent(f.taskId(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    /** A file of this task (none when it belongs to another task); no access check, the caller has made it. */
    public Optional<EvidenceFile> find(UUID taskId, UUID fileId) {
        return query("select " + COLUMNS + " from evidence_file where id = ? and task_id = ?", fileId, taskId)
                .stream().findFirst();
    }

    /** A file of a task the caller may see; another task's file is 404 like one that does not exist. */
    public EvidenceFile readable(UUID taskId, UUID fileId) {
        Task task = steps.visible(taskId);
        return find(task.id, fileId).orElseThrow(() -> ProblemException.notFound("evidence-file", fileId));
    }

    /**
     * Writes the file's bytes, slice by slice, each slice its own short query: a slow client holds no connection
     * between slices, and the rows never change (append-only), so the slices fit together.
     */
    public void write(EvidenceFile file, OutputStream out) throws IOException {
        // int positions: PostgreSQL's substring(bytea) takes integers, and a bytea holds at most 1 GB
        for (int from = 0; from < file.size(); from += SLICE) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement st = c.prepareStatement(
                         "select substring(content from ? for ?) from evidence_file where id = ?")) {
                st.setInt(1, from + 1);
                st.setInt(2, SLICE);
                st.setObject(3, file.id());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IOException("evidence file " + file.id() + " is gone");
                    }
                    out.write(rs.getBytes(1));
                }
            } catch (SQLException e) {
                throw new IOException("reading evidence file " + file.id() + " failed", e);
            }
        }
    }

    private void insert(EvidenceFile f, Path content) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("insert into evidence_file (" + COLUMNS + ", content)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             InputStream in = Files.newInputStream(content)) {
            st.setObject(1, f.id());
            st.setObject(2, f.taskId());
            st.setString(3, f.district());
            st.setString(4, f.fileName());
            st.setString(5, f.description());
            st.setString(6, f.contentType());
            st.setLong(7, f.size());
            st.setString(8, f.sha256());
            st.setObject(9, f.uploadedAt());
            st.setString(10, f.uploadedBy());
            st.setString(11, f.capacity());
            st.setString(12, f.department());
            st.setBinaryStream(13, in, f.size());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing evidence file failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file failed", e);
        }
    }

    private List<EvidenceFile> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof UUID[] ids) {
                    st.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else {
                    st.setObject(i + 1, args[i]);
                }
            }
            List<EvidenceFile> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new EvidenceFile(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11),
                            rs.getString(12)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading evidence files failed", e);
        }
    }

    private static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file failed", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Rounded up, so that a file one byte over the limit never reads as the limit itself. */
    private static String megabytesUp(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", Math.ceil(bytes * 10 / 1024.0 / 1024.0) / 10);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
