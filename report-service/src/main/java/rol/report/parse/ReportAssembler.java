package rol.report.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From the outline to the report's parts: achievements (themes and items with metrics), problems, plan.
 * Ids derive from the position in each part's outline ("plan-1.2"), so they stay stable for the same text.
 */
final class ReportAssembler {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");

    private static final Pattern NOTE_MARKER = Pattern.compile("[\\[［〔【](\\d{1,2}|注\\d{0,2})[\\]］〕】]");
    private static final Pattern TASK_HEADING = Pattern.compile("任务|工作|安排|重点|计划|打算|思路");
    private static final Pattern FRAME_HEADING = Pattern.compile("要求|取向|目标|形势|考虑");

    private final List<Node> roots;
    private final List<ParseWarning> warnings;
    private final int planYear;
    private List<Node> planParts;
    private String planMethod = "plan-heading";
    private String problemsMethod = "none";

    /** {@code planYear}: the year a plan is expected for (report year + 1), 0 when unknown. */
    ReportAssembler(List<Node> roots, int planYear, List<ParseWarning> warnings) {
        this.roots = roots;
        this.planYear = planYear;
        this.warnings = warnings;
    }

    private List<Node> rootsOf(Node.Part part) {
        List<Node> out = new ArrayList<>();
        for (Node r : roots) if (r.part == part) out.add(r);
        return out;
    }

    List<AchievementTheme> achievements() {
        List<Node> themes = new ArrayList<>();
        List<Node> parts = rootsOf(Node.Part.ACHIEVEMENTS);
        if (!parts.isEmpty()) {
            for (Node p : parts) themes.addAll(p.children);
        } else {
            // No achievements heading: numbered sections before the problems and plan are the themes.
            for (Node r : roots) {
                if (r.part == Node.Part.PROBLEMS || r.part == Node.Part.PLAN || r.part == Node.Part.CLOSING) break;
                if (r.kind != null) themes.add(r);
            }
        }
        List<AchievementTheme> out = new ArrayList<>();
        for (Node t : themes) {
            String id = "achievement-" + (out.size() + 1);
            List<AchievementItem> items = new ArrayList<>();
            for (Node c : t.children) {
                String itemId = id + "." + (items.size() + 1);
                List<TextRun> runs = c.allRuns();
                items.add(new AchievementItem(itemId, title(c), text(runs), c.span(), MetricExtractor.extract(runs, itemId)));
            }
            out.add(new AchievementTheme(id, title(t), text(t.ownRuns()), t.span(), items,
                    MetricExtractor.extract(t.ownRuns(), id)));
        }
        return out;
    }

    List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        boolean passageRead = false;
        for (Node p : rootsOf(Node.Part.PROBLEMS)) {
            List<Node> leaves = new ArrayList<>();
            collectLeaves(p.children, leaves);
            if (!leaves.isEmpty()) {
                for (Node leaf : leaves) {
                    out.add(new Problem("problem-" + (out.size() + 1), title(leaf), text(leaf.allRuns()), leaf.span()));
                }
                problemsMethod = p.head == null ? "cue-passage-numbered" : "section";
                continue;
            }
            if (p.body.isEmpty() || passageRead && p.head == null) continue;
            List<TextRun> items = ProblemsPassage.cueSentence(p.body.get(0).match) >= 0
                    ? ProblemsPassage.problems(p.body) : listAfterColon(p.body);
            for (TextRun item : items) {
                out.add(new Problem("problem-" + (out.size() + 1), stripEnd(item.text), item.text, item.span()));
            }
            if (!items.isEmpty()) {
                passageRead = true;
                problemsMethod = p.head == null ? "cue-passage" : "section";
                warnings.add(new ParseWarning("PROBLEMS_SPLIT_FROM_LIST",
                        "problems read from a passage in running text", items.get(0).line, p.span()));
            }
        }
        return out;
    }

    /** Under a problems heading without a cue: the first paragraph that lists after a colon. */
    private static List<TextRun> listAfterColon(List<TextRun> paragraphs) {
        for (TextRun para : paragraphs) {
            if (!para.match.contains(":")) continue;
            List<TextRun> items = ClauseSplitter.listItems(para);
            if (!items.isEmpty()) return items;
        }
        return List.of();
    }

    List<PlanItem> plan() {
        List<PlanItem> out = new ArrayList<>();
        List<Node> parts = planParts();
        List<Node> items = new ArrayList<>();
        for (Node p : parts) items.addAll(outermost(p.children));
        if (!items.isEmpty()) {
            for (Node n : items) out.add(planItem(n, "plan-" + (out.size() + 1)));
            return out;
        }
        List<TextRun> paragraphs = new ArrayList<>();
        for (Node p : parts) paragraphs.addAll(p.body);
        boolean runIns = paragraphs.size() >= 2
                && paragraphs.subList(1, paragraphs.size()).stream().allMatch(ReportAssembler::opensWithRunInHead);
        if (runIns || paragraphs.size() >= 3) {
            // Unnumbered paragraphs after an introduction, or each opened by a run-in head ("强化法治督察。…"):
            // one item per paragraph; the first is an item too when it opens with a run-in head.
            int from = opensWithRunInHead(paragraphs.get(0)) ? 0 : 1;
            for (TextRun para : paragraphs.subList(from, paragraphs.size())) {
                out.add(new PlanItem("plan-" + (out.size() + 1), firstSentence(para), para.text, para.span(), List.of()));
            }
            return out;
        }
        for (TextRun para : paragraphs) {
            List<TextRun> clauses = ClauseSplitter.planItems(para);
            if (clauses.size() < 2) continue;
            for (TextRun c : clauses) {
                out.add(new PlanItem("plan-" + (out.size() + 1), stripEnd(c.text), c.text, c.span(), List.of()));
            }
            warnings.add(new ParseWarning("PLAN_SPLIT_RUN_ON", "a run-on plan sentence was split into "
                    + clauses.size() + " items at its verb-led clauses", para.line));
        }
        return out;
    }

    /**
     * The plan sections. Of several with numbered items, the one whose heading names tasks (2026年政府工作任务)
     * rather than a frame (总体要求和政策取向); with none, a section found by its content: the one that speaks of
     * this year (今年, the plan year) most.
     */
    private List<Node> planParts() {
        if (planParts == null) planParts = findPlanParts();
        return planParts;
    }

    private List<Node> findPlanParts() {
        List<Node> parts = rootsOf(Node.Part.PLAN);
        List<Node> structured = parts.stream().filter(p -> outermost(p.children).size() >= 2).toList();
        if (structured.size() > 1) {
            Node best = null;
            int bestScore = Integer.MIN_VALUE;
            for (Node p : structured) {
                String heading = p.head == null ? "" : p.head.match;
                int score = TASK_HEADING.matcher(heading).find() ? 2 : FRAME_HEADING.matcher(heading).find() ? -2 : 0;
                if (planYear > 0 && heading.contains(planYear + "年")) score += 3;
                if (score > bestScore) {
                    best = p;
                    bestScore = score;
                }
            }
            return List.of(best);
        }
        if (!parts.isEmpty() || planYear == 0) return parts;
        Node best = null;
        int bestScore = 1;
        for (Node r : roots) {
            if (r.part != Node.Part.NONE || outermost(r.children).size() < 2) continue;
            int score = 0;
            for (TextRun t : r.ownRuns()) score += count(t.match, "今年") + count(t.match, planYear + "年");
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        if (best == null) return List.of();
        planMethod = "content";
        warnings.add(new ParseWarning("PLAN_FOUND_BY_CONTENT", "no heading names the next-year plan; the section '"
                + title(best) + "' was taken as the plan because it speaks of " + planYear + ": please check it",
                best.head == null ? 0 : best.head.line, best.span()));
        return List.of(best);
    }

    /** A paragraph opened by a short sentence of its own ("强化法治督察。"), its run-in head. */
    static boolean opensWithRunInHead(TextRun para) {
        int stop = para.match.indexOf('。');
        return stop >= 2 && stop <= 20 && para.match.length() > stop + 1
                && !Tokeniser.hasPunctuation(para.match.substring(0, stop));
    }

    /** Children of the outermost numbering: inline lists in a section's introduction are not its items. */
    private static List<Node> outermost(List<Node> children) {
        int min = Integer.MAX_VALUE;
        for (Node c : children) min = Math.min(min, c.rank);
        List<Node> out = new ArrayList<>();
        for (Node c : children) if (c.rank == min) out.add(c);
        return out.size() >= 2 ? out : children;
    }

    private static int count(String s, String word) {
        int n = 0;
        for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + word.length())) n++;
        return n;
    }

    /** How the problems were found; call after {@link #problems()}. */
    Finding problemsFinding(boolean found) {
        if (!found) return new Finding("problems", "none", 0);
        return switch (problemsMethod) {
            case "section" -> new Finding("problems", "section", 0.9);
            case "cue-passage-numbered" -> new Finding("problems", "cue-passage", 0.85);
            default -> new Finding("problems", "cue-passage", 0.75);
        };
    }

    /** How the plan was found; call after {@link #plan()}. */
    Finding planFinding(boolean found) {
        if (!found) return new Finding("plan", "none", 0);
        if (planMethod.equals("content")) return new Finding("plan", "content", 0.5);
        boolean headed = planParts().stream().allMatch(p -> p.head != null);
        return headed ? new Finding("plan", "plan-heading", 0.9) : new Finding("plan", "cue-paragraph", 0.7);
    }

    boolean hasClosing() {
        return !rootsOf(Node.Part.CLOSING).isEmpty();
    }

    /** The plan's year: named in the plan heading or cue paragraph. */
    Integer planYearFromPart() {
        for (Node p : planParts()) {
            List<TextRun> runs = p.ownRuns();
            if (!runs.isEmpty()) {
                Matcher m = YEAR.matcher(runs.get(0).match);
                if (m.find()) return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    private PlanItem planItem(Node n, String id) {
        List<PlanItem> children = new ArrayList<>();
        for (Node c : n.children) children.add(planItem(c, id + "." + (children.size() + 1)));
        List<TextRun> runs = children.isEmpty() ? n.allRuns() : n.ownRuns();
        return new PlanItem(id, withoutNoteMarkers(id, title(n), n), text(runs), n.span(), children);
    }

    /** Footnote markers (［1］, 〔2〕) are no part of a title: taken out of it, kept as a note on the item. */
    private String withoutNoteMarkers(String id, String title, Node n) {
        Matcher m = NOTE_MARKER.matcher(title);
        if (!m.find()) return title;
        Matcher at = n.head == null ? null : NOTE_MARKER.matcher(n.head.text);
        Span span = at != null && at.find() ? n.head.span(at.start(), at.end()) : null;
        warnings.add(new ParseWarning("NOTE_MARKER_KEPT", "footnote marker " + m.group() + " taken out of the title of "
                + id + "; the note stays in the item's text", n.head == null ? 0 : n.head.line, span));
        return NOTE_MARKER.matcher(title).replaceAll("").strip();
    }

    private static void collectLeaves(List<Node> nodes, List<Node> out) {
        for (Node n : nodes) {
            if (n.children.isEmpty()) out.add(n);
            else collectLeaves(n.children, out);
        }
    }

    /** A heading's title is its line; an item's title its lead sentence; a 一是 item's its first clause. */
    static String title(Node n) {
        TextRun head = n.head;
        if (head == null || head.isEmpty()) {
            return n.body.isEmpty() ? "" : firstSentence(n.body.get(0));
        }
        String m = head.match;
        String stops = n.kind != null && n.kind.rank == Enumerator.CN_SHI.rank ? "。;,:" : "。;:";
        int cut = indexOfAny(m, stops);
        if (cut < 0) cut = m.length();
        if (cut > 60) {
            int comma = m.indexOf(',');
            if (comma > 0 && comma < cut) cut = comma;
        }
        return head.text.substring(0, cut).strip();
    }

    private static String firstSentence(TextRun r) {
        int cut = indexOfAny(r.match, "。;");
        return (cut < 0 ? r.text : r.text.substring(0, cut)).strip();
    }

    private static int indexOfAny(String s, String chars) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("《“(【".indexOf(c) >= 0) depth++;
            else if ("》”)】".indexOf(c) >= 0) depth = Math.max(0, depth - 1);
            else if (depth == 0 && chars.indexOf(c) >= 0) return i;
        }
        return -1;
    }

    private static String stripEnd(String s) {
        return s.strip().replaceAll("[。；;，,]+$", "");
    }

    static String text(List<TextRun> runs) {
        StringBuilder sb = new StringBuilder();
        for (TextRun r : runs) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(r.text);
        }
        return sb.toString();
    }
}
