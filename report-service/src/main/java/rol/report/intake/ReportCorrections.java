package rol.report.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.StaleStateException;
import rol.platform.problem.IfMatch;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Text;
import rol.platform.security.Caller;
import rol.report.intake.Outline.Node;
import rol.report.intake.Outline.Part;
import rol.report.intake.Outline.Place;
import rol.report.parse.Contact;
import rol.report.parse.Span;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Corrections of a report's structure by the office: metadata, and items of the plan, the problems and the
 * achievements (edit, add, delete, split, merge). Each one is checked against the version the clerk saw (If-Match),
 * kept in the history with who, when, before and after, and, once the report is published, announced with
 * {@code report.revised.v1} in the same transaction.
 */
@ApplicationScoped
public class ReportCorrections {

    /** What a clerk writes for an item. A missing title is taken from the text's first sentence. */
    public record ItemInput(String title, String text) {
    }

    /** A new item: under {@code parentId} (null: at the top), after the sibling {@code after} (null: last). */
    public record NewItem(String parentId, String after, String title, String text) {
    }

    public record Added(Report report, String itemId) {
    }

    public record SplitInput(List<ItemInput> parts) {
    }

    public record MergeInput(List<String> ids, String title) {
    }

    /** Longest title and metadata text (issuer, document number, recipients …), in characters. */
    static final int MAX_TITLE = 200;
    /** Longest text of one item: a paragraph of a report, never a whole report. */
    static final int MAX_ITEM_TEXT = 5000;
    static final int MAX_CONTACT = 50;
    /** The metadata a clerk may fix through {@code PATCH}; other members come from the text. */
    static final Set<String> METADATA = Set.of("title", "issuer", "docNumber", "signatory", "recipients", "copiedTo",
            "reportYear", "planYear", "issuedOn", "contact");

    @Inject
    ReportIntake intake;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    private record Change(String part, List<String> itemIds, Object before, Object after) {
    }

    private interface Edit {
        Change apply(ReportContent content, Report report);
    }

    @Transactional
    public Report patchMetadata(UUID id, IfMatch expected, Map<String, JsonNode> fields) {
        if (fields == null || fields.isEmpty()) {
            throw ProblemException.invalid("body", "report.patch-empty");
        }
        for (String field : fields.keySet()) {
            if (!METADATA.contains(field)) {
                throw ProblemException.invalid(field, "report.field-not-correctable", String.join("、", METADATA.stream().sorted().toList()));
            }
        }
        return correct(id, expected, "metadata", (c, r) -> {
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            for (var e : fields.entrySet()) {
                before.put(e.getKey(), get(c, e.getKey()));
                set(c, e.getKey(), e.getValue());
                after.put(e.getKey(), get(c, e.getKey()));
            }
            return new Change("metadata", List.of(), before, after);
        });
    }

    @Transactional
    public Report edit(UUID id, IfMatch expected, Part part, String itemId, ItemInput input) {
        String text = required("text", input == null ? null : input.text());
        limited("title", input.title(), MAX_TITLE);
        return correct(id, expected, "edit", (c, r) -> {
            Outline outline = Outline.read(c, part);
            Node node = place(outline, itemId).node();
            Object before = view(node);
            node.text = text;
            node.title = title(input.title(), text);
            node.metrics = new ArrayList<>(Outline.metricsStillIn(node.metrics, text));
            outline.writeTo(c);
            return new Change(part.path, List.of(itemId), before, view(node));
        });
    }

    @Transactional
    public Report delete(UUID id, IfMatch expected, Part part, String itemId) {
        return correct(id, expected, "delete", (c, r) -> {
            Outline outline = Outline.read(c, part);
            Place place = place(outline, itemId);
            Node removed = place.siblings().remove(place.index());
            outline.writeTo(c);
            return new Change(part.path, List.of(itemId), view(removed), null);
        });
    }

    @Transactional
    public Added add(UUID id, IfMatch expected, Part part, NewItem input) {
        String text = required("text", input == null ? null : input.text());
        limited("title", input.title(), MAX_TITLE);
        String[] made = new String[1];
        Report report = correct(id, expected, "add", (c, r) -> {
            Outline outline = Outline.read(c, part);
            List<Node> siblings = outline.roots;
            int depth = 1;
            if (input.parentId() != null) {
                Place parent = outline.find(input.parentId()).orElseThrow(
                        () -> ProblemException.invalid("parentId", "report.item-unknown", input.parentId()));
                siblings = parent.node().children;
                depth = parent.depth() + 1;
            }
            if (depth > part.maxDepth) {
                throw ProblemException.invalid("parentId", "report.too-deep." + part.path);
            }
            int at = siblings.size();
            if (input.after() != null) {
                at = indexOf(siblings, input.after()) + 1;
                if (at == 0) {
                    throw ProblemException.invalid("after", "report.item-not-sibling", input.after());
                }
            }
            Node node = new Node(newId(r, part), title(input.title(), text), text, null);
            siblings.add(at, node);
            outline.writeTo(c);
            made[0] = node.id;
            return new Change(part.path, List.of(node.id), null, view(node));
        });
        return new Added(report, made[0]);
    }

    @Transactional
    public Report split(UUID id, IfMatch expected, Part part, String itemId, SplitInput input) {
        List<ItemInput> parts = input == null || input.parts() == null ? List.of() : input.parts();
        if (parts.size() < 2) {
            throw ProblemException.invalid("parts", "report.split-parts");
        }
        for (int i = 0; i < parts.size(); i++) {
            required("parts[" + i + "].text", parts.get(i) == null ? null : parts.get(i).text());
            limited("parts[" + i + "].title", parts.get(i).title(), MAX_TITLE);
        }
        return correct(id, expected, "split", (c, r) -> {
            Outline outline = Outline.read(c, part);
            Place place = place(outline, itemId);
            Node original = place.node();
            if (!original.children.isEmpty()) {
                throw ProblemException.invalid("itemId", "report.split-theme", itemId);
            }
            Object before = view(original);
            String source = r.sourceText;
            List<Node> made = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                ItemInput p = parts.get(i);
                Node n = new Node(i == 0 ? original.id : newId(r, part), title(p.title(), p.text()), p.text(),
                        narrowed(source, original.span, p.text()));
                n.metrics = new ArrayList<>(Outline.metricsStillIn(original.metrics, p.text()));
                made.add(n);
            }
            place.siblings().remove(place.index());
            place.siblings().addAll(place.index(), made);
            outline.writeTo(c);
            return new Change(part.path, made.stream().map(n -> n.id).toList(), before,
                    made.stream().map(ReportCorrections::view).toList());
        });
    }

    @Transactional
    public Report merge(UUID id, IfMatch expected, Part part, MergeInput input) {
        List<String> ids = input == null || input.ids() == null ? List.of() : input.ids();
        if (ids.size() < 2 || new HashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalid("ids", "report.merge-ids");
        }
        limited("title", input == null ? null : input.title(), MAX_TITLE);
        return correct(id, expected, "merge", (c, r) -> {
            Outline outline = Outline.read(c, part);
            Place first = place(outline, ids.get(0));
            List<Node> siblings = first.siblings();
            List<Node> nodes = new ArrayList<>();
            for (String itemId : ids) {
                Place p = place(outline, itemId);
                if (p.siblings() != siblings) {
                    throw ProblemException.invalid("ids", "report.merge-siblings");
                }
                nodes.add(p.node());
            }
            nodes.sort((a, b) -> Integer.compare(siblings.indexOf(a), siblings.indexOf(b)));
            List<Map<String, Object>> before = nodes.stream().map(ReportCorrections::view).toList();
            Node kept = nodes.get(0);
            StringBuilder text = new StringBuilder(kept.text == null ? "" : kept.text);
            for (Node other : nodes.subList(1, nodes.size())) {
                text.append(other.text == null ? "" : other.text);
                kept.span = kept.span == null ? other.span : kept.span.union(other.span);
                kept.children.addAll(other.children);
                kept.metrics.addAll(other.metrics);
                siblings.remove(other);
            }
            kept.text = text.toString();
            kept.title = input.title() == null || input.title().isBlank() ? kept.title : input.title().strip();
            outline.writeTo(c);
            return new Change(part.path, ids, before, view(kept));
        });
    }

    public List<Correction> history(UUID id) {
        intake.find(id);
        return Correction.of(id);
    }

    /** The one way a correction happens: version check, change, history row, event when published. */
    private Report correct(UUID id, IfMatch expected, String action, Edit edit) {
        Report report = intake.find(id);
        checkVersion(report, expected);
        ReportContent content = intake.content(report);
        Change change = edit.apply(content, report);
        intake.write(report, content);
        if (report.status == Report.Status.PUBLISHED) {
            report.revision++;
            intake.revised(report, content);
        }
        flush(report);
        Correction row = new Correction();
        row.reportId = report.id;
        row.version = report.version;
        row.action = action;
        row.part = change.part();
        row.itemIds = String.join(",", change.itemIds());
        row.actor = caller.name() == null ? "unknown" : caller.name();
        row.at = intake.now();
        row.before = toJson(change.before());
        row.after = toJson(change.after());
        row.revision = report.status == Report.Status.PUBLISHED ? report.revision : null;
        row.persist();
        return report;
    }

    /** 412 when the clerk's copy (If-Match) is not the stored report's version; no If-Match (or `*`): no check. */
    static void checkVersion(Report report, IfMatch expected) {
        expected.require(report.version, "report-stale");
    }

    /** Writes now, so that a concurrent change is found here (412) and the new version is known. */
    static void flush(Report report) {
        try {
            Report.getEntityManager().flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw ProblemException.of(412, "report-stale", report.version);
        }
    }

    private String newId(Report report, Part part) {
        report.itemSeq++;
        return part.idPrefix + "-x" + report.itemSeq;
    }

    private static Place place(Outline outline, String itemId) {
        return outline.find(itemId).orElseThrow(() -> ProblemException.of(404, "report-item-not-found", itemId));
    }

    private static int indexOf(List<Node> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id.equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "report.item-text-required");
        }
        return limited(field, value.strip(), MAX_ITEM_TEXT);
    }

    /**
     * A text a clerk typed: no control character, at most {@code max} characters (a longer one is a paste gone wrong,
     * and would not fit the issuer's index).
     */
    private static String limited(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (Text.hasControlCharacter(value)) {
            throw ProblemException.invalid(field, "field.control-character");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw ProblemException.invalid(field, "field.too-long", max, length);
        }
        return value;
    }

    /** A title as given, else the text's first sentence (at most 60 characters). */
    static String title(String given, String text) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String t = text.strip();
        int end = t.length();
        for (char stop : new char[] {'。', '；', ';', '！', '？', '\n'}) {
            int i = t.indexOf(stop);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return t.substring(0, Math.min(end, 60));
    }

    /** The part of the original span where a piece of a split item is written verbatim, else the whole span. */
    private static Span narrowed(String source, Span span, String text) {
        if (span == null) {
            return null;
        }
        String piece = text.strip();
        int at = piece.isEmpty() ? -1 : source.indexOf(piece, span.start());
        return at >= 0 && at + piece.length() <= span.end() ? new Span(at, at + piece.length()) : span;
    }

    private static Map<String, Object> view(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id);
        m.put("title", n.title);
        m.put("text", n.text);
        m.put("span", n.span);
        if (!n.children.isEmpty()) {
            m.put("children", n.children.stream().map(ReportCorrections::view).toList());
        }
        return m;
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object get(ReportContent c, String field) {
        return switch (field) {
            case "title" -> c.title;
            case "issuer" -> c.issuer;
            case "docNumber" -> c.docNumber;
            case "signatory" -> c.signatory;
            case "recipients" -> List.copyOf(c.recipients);
            case "copiedTo" -> List.copyOf(c.copiedTo);
            case "reportYear" -> c.reportYear;
            case "planYear" -> c.planYear;
            case "issuedOn" -> c.issuedOn;
            case "contact" -> c.contact;
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static void set(ReportContent c, String field, JsonNode v) {
        boolean none = v == null || v.isNull();
        switch (field) {
            case "title" -> c.title = text(field, v);
            case "issuer" -> c.issuer = text(field, v);
            case "docNumber" -> c.docNumber = text(field, v);
            case "signatory" -> c.signatory = text(field, v);
            case "recipients" -> c.recipients = texts(field, v);
            case "copiedTo" -> c.copiedTo = texts(field, v);
            case "reportYear" -> c.reportYear = year(field, v);
            case "planYear" -> c.planYear = year(field, v);
            case "issuedOn" -> {
                try {
                    c.issuedOn = none ? null : LocalDate.parse(v.asText());
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalid(field, "report.field-date");
                }
            }
            case "contact" -> {
                if (none) {
                    c.contact = null;
                } else if (v instanceof ObjectNode o && (o.hasNonNull("name") || o.hasNonNull("phone"))) {
                    Span span = c.contact == null ? null : c.contact.span();
                    c.contact = new Contact(o.hasNonNull("name") ? limited(field + ".name", o.get("name").asText().strip(), MAX_CONTACT) : null,
                            o.hasNonNull("phone") ? limited(field + ".phone", o.get("phone").asText().strip(), MAX_CONTACT) : null, span);
                } else {
                    throw ProblemException.invalid(field, "report.field-contact");
                }
            }
            default -> throw new IllegalArgumentException(field);
        }
    }

    private static String text(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ProblemException.invalid(field, "report.field-text");
        }
        return v.asText().isBlank() ? null : limited(field, v.asText().strip(), MAX_TITLE);
    }

    private static List<String> texts(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return new ArrayList<>();
        }
        if (!v.isArray()) {
            throw ProblemException.invalid(field, "report.field-texts");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw ProblemException.invalid(field, "report.field-texts");
            }
            if (!e.asText().isBlank()) {
                out.add(limited(field, e.asText().strip(), MAX_TITLE));
            }
        }
        return out;
    }

    private static Integer year(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 2000 || v.asInt() > 2100) {
            throw ProblemException.invalid(field, "report.field-year");
        }
        return v.asInt();
    }
}
