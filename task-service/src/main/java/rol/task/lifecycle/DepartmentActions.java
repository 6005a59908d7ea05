package rol.task.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.platform.event.task.TaskAcknowledgedV1;
import rol.platform.event.task.TaskProgressReportedV1;
import rol.platform.event.task.TaskSubmittedV1;
import rol.platform.problem.Violations;
import rol.platform.security.Caller;
import rol.task.evidence.EvidenceFile;
import rol.task.evidence.EvidenceStore;
import rol.task.plan.Task;
import rol.task.workflow.Performer;
import rol.task.workflow.TaskAction;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static rol.task.lifecycle.TaskSteps.MAX_LIST;
import static rol.task.lifecycle.TaskSteps.MAX_NOTE;
import static rol.task.lifecycle.TaskSteps.json;

/**
 * The department's steps (the office may enter them for it): 签收 (ACKNOWLEDGE), 进度反馈 (REPORT_PROGRESS, with
 * evidence and figures) and 申请办结 (SUBMIT).
 */
@ApplicationScoped
public class DepartmentActions {

    static final int MAX_URL = 2000;
    static final int MAX_FILE_NAME = 200;
    static final long MAX_FILE_SIZE = 200L * 1024 * 1024;

    @Inject
    TaskSteps steps;

    @Inject
    Caller caller;

    @Inject
    EvidenceStore evidenceFiles;

    @Transactional
    public Task acknowledge(UUID id, String ifMatch) {
        TaskSteps.Step step = steps.begin(id, TaskAction.ACKNOWLEDGE, ifMatch);
        steps.finish(step, Map.of(), after -> new TaskAcknowledgedV1(after, caller.name(), step.capacity().name()),
                TaskAcknowledgedV1.TYPE);
        return step.task();
    }

    @Transactional
    public Task reportProgress(UUID id, String ifMatch, Requests.Progress body) {
        TaskSteps.Step step = steps.begin(id, TaskAction.REPORT_PROGRESS, ifMatch);
        Violations.body(body);
        Violations v = new Violations();
        if (body.percent() == null) {
            v.add("percent", "field.required");
        } else if (body.percent() < 0 || body.percent() > 100) {
            v.add("percent", "progress.percent.range", body.percent());
        }
        String note = v.optional("note", body.note(), MAX_NOTE);
        List<TaskProgressReportedV1.Evidence> evidence = evidence(v, step.task().id, body.evidence());
        List<TaskProgressReportedV1.Metric> metrics = metrics(v, body.metrics());
        v.throwIfAny();
        Task task = step.task();
        task.percent = body.percent();
        task.lastFeedbackAt = step.now();
        var progress = new TaskProgressReportedV1.Progress(UUID.randomUUID().toString(), step.now(), body.percent(),
                note, evidence, metrics);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("progress", progress);
        String department = step.capacity() == Performer.OFFICE ? null : caller.department().orElse(null);
        steps.finish(step, detail, after -> new TaskProgressReportedV1(after, caller.name(), step.capacity().name(),
                department, progress), TaskProgressReportedV1.TYPE);
        steps.update("insert into progress_report (id, task_id, reported_at, reported_by, capacity, percent, note,"
                        + " evidence, metrics) values (?, ?, ?, ?, ?, ?, cast(? as text), cast(? as jsonb), cast(? as jsonb))",
                UUID.fromString(progress.id()), task.id, step.now(), caller.name(), step.capacity().name(),
                progress.percent(), note, json(evidence), json(metrics));
        return task;
    }

    @Transactional
    public Task submit(UUID id, String ifMatch) {
        TaskSteps.Step step = steps.begin(id, TaskAction.SUBMIT, ifMatch);
        steps.finish(step, Map.of(), after -> new TaskSubmittedV1(after, caller.name(), step.capacity().name()),
                TaskSubmittedV1.TYPE);
        return step.task();
    }

    private List<TaskProgressReportedV1.Evidence> evidence(Violations v, UUID taskId, List<Requests.Evidence> items) {
        List<TaskProgressReportedV1.Evidence> out = new ArrayList<>();
        v.each("evidence", items, MAX_LIST, (at, e) -> {
            String kind = v.required(at + ".kind", e.kind(), 10);
            if (kind == null) {
                return;
            }
            switch (kind.toLowerCase(Locale.ROOT)) {
                case "link" -> {
                    String url = v.required(at + ".url", e.url(), MAX_URL);
                    if (url != null && !webAddress(url)) {
                        v.add(at + ".url", "evidence.url.form");
                    }
                    out.add(new TaskProgressReportedV1.Evidence("link", url, v.optional(at + ".name", e.name(),
                            MAX_FILE_NAME), null, null));
                }
                case "file" -> {
                    if (e.fileId() != null) {
                        uploaded(v, at + ".fileId", taskId, e.fileId()).ifPresent(out::add);
                        return;
                    }
                    String name = v.required(at + ".name", e.name(), MAX_FILE_NAME);
                    if (e.size() == null) {
                        v.add(at + ".size", "field.required");
                    } else if (e.size() < 0 || e.size() > MAX_FILE_SIZE) {
                        v.add(at + ".size", "evidence.size.range", MAX_FILE_SIZE / 1024 / 1024);
                    }
                    String type = v.optional(at + ".contentType", e.contentType(), 100);
                    out.add(new TaskProgressReportedV1.Evidence("file", null, name, e.size(), type));
                }
                default -> v.add(at + ".kind", "evidence.kind.one-of");
            }
        });
        return out;
    }

    /**
     * A file uploaded to this task, described as stored (its url is the download path); a file of another task, or
     * no such file, is a violation of the field.
     */
    private Optional<TaskProgressReportedV1.Evidence> uploaded(Violations v, String field, UUID taskId, String fileId) {
        Optional<EvidenceFile> file;
        try {
            file = evidenceFiles.find(taskId, UUID.fromString(fileId.strip()));
        } catch (IllegalArgumentException e) {
            file = Optional.empty();
        }
        if (file.isEmpty()) {
            v.add(field, "evidence.file-id.not-of-task", fileId);
        }
        return file.map(f -> new TaskProgressReportedV1.Evidence("file", f.url(), f.fileName(), f.size(),
                f.contentType()));
    }

    private static List<TaskProgressReportedV1.Metric> metrics(Violations v, List<Requests.Metric> items) {
        List<TaskProgressReportedV1.Metric> out = new ArrayList<>();
        v.each("metrics", items, MAX_LIST, (at, m) -> {
            String label = v.required(at + ".label", m.label(), 50);
            if (m.value() == null) {
                v.add(at + ".value", "field.required");
            }
            String unit = v.optional(at + ".unit", m.unit(), 10);
            out.add(new TaskProgressReportedV1.Metric(label, m.value(), unit));
        });
        return out;
    }

    private static boolean webAddress(String url) {
        try {
            URI u = new URI(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
