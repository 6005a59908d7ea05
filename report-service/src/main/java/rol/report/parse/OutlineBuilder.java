package rol.report.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tree builder: assembles numbered headings and items into an outline by rank (a stack, like an HTML tree
 * builder's open elements), splits inline enumerations ("…：一是…；二是…"), opens parts at cue paragraphs, and
 * infers headings whose numbering was destroyed (a heading-like line followed by a list restarting at 1).
 */
final class OutlineBuilder {

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final String BOUNDARY = "。;:,!?";
    private static final Pattern PROBLEM_WORDS = Pattern.compile("问题|不足|短板|弱项|差距");
    private static final Pattern PLAN_WORDS = Pattern.compile("思路|计划|打算|安排|展望|下一步|重点工作|工作要点|主要任务|目标任务|工作建议");
    private static final Pattern ACHIEVEMENT_WORDS = Pattern.compile("成效|成绩|情况|举措|回顾|做法|亮点|成果|进展|总结");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");

    private final List<ParseWarning> warnings;
    private final int reportYear;
    private final List<Node> roots = new ArrayList<>();
    private final Deque<Node> stack = new ArrayDeque<>();
    /** Where the last plain paragraph went, to take it back if it turns out to be a damaged heading. */
    private Node lastTextOwner;
    private TextRun lastText;

    OutlineBuilder(int reportYear, List<ParseWarning> warnings) {
        this.reportYear = reportYear;
        this.warnings = warnings;
    }

    List<Node> build(List<Block> blocks) {
        for (Block b : blocks) {
            switch (b.role) {
                case PART_HEADING -> {
                    Node n = new Node(null, 1, 0, b.run);
                    n.part = classify(b.run.match);
                    push(n);
                    lastText = null;
                }
                case BODY -> {
                    if (b.enumerated()) {
                        enumerated(b);
                    } else {
                        text(b);
                    }
                }
                default -> {
                    // header and tail lines are metadata, not outline
                }
            }
        }
        return roots;
    }

    private void enumerated(Block b) {
        Enumerator.Match e = b.enumerator;
        if (e.kind() == Enumerator.ARABIC && e.ordinal() == 1) inferHeading(e.kind().rank);
        Node n = new Node(e.kind(), e.kind().rank, e.ordinal(), null);
        TextRun content = b.content();
        push(n);
        if (n.rank == 1 || roots.contains(n)) n.part = classify(content.match);
        lastText = null;
        // "一是…。二是…" in one paragraph: the first is this node, the others its siblings.
        boolean inlineSiblings = e.kind() == Enumerator.CN_SHI;
        List<int[]> cuts = inlineEnumerations(content.match, inlineSiblings ? e.ordinal() + 1 : 1, inlineSiblings ? 0 : 1);
        if (cuts.isEmpty()) {
            n.head = content;
            return;
        }
        n.head = content.sub(0, cuts.get(0)[0]).trim();
        addInline(content, cuts, inlineSiblings ? null : n);
    }

    private void text(Block b) {
        Node top = stack.peek();
        Node.Part current = currentPart();
        if (b.cue == Block.Cue.PROBLEMS && current != Node.Part.PROBLEMS && current != Node.Part.PLAN) {
            openPart(Node.Part.PROBLEMS, b);
            return;
        }
        if ((b.cue == Block.Cue.PLAN || b.cue == Block.Cue.CLOSING) && current == Node.Part.PLAN
                && !planRoot().children.isEmpty() && b.run.match.matches("^(下一步|今后|总之|新的一年|特此报告|以上报告|专此报告).*")) {
            openPart(Node.Part.CLOSING, b);
            return;
        }
        if (b.cue == Block.Cue.PLAN && current != Node.Part.PLAN && current != Node.Part.CLOSING
                && (b.cueYear == 0 || b.cueYear > reportYear)) {
            openPart(Node.Part.PLAN, b);
            return;
        }
        List<int[]> cuts = inlineEnumerations(b.run.match, 1, 1);
        if (top == null) {
            // Text before any heading: the opening paragraph. Keep it as a part-less root so nothing is lost.
            Node preamble = new Node(null, 1, 0, null);
            roots.add(preamble);
            stack.push(preamble);
            top = preamble;
        }
        if (cuts.isEmpty()) {
            top.body.add(b.run);
            lastTextOwner = top;
            lastText = b.run;
            return;
        }
        TextRun lead = b.run.sub(0, cuts.get(0)[0]).trim();
        if (!lead.isEmpty()) top.body.add(lead);
        addInline(b.run, cuts, top.rank < Enumerator.CN_SHI.rank ? top : null);
        lastText = null;
    }

    private void openPart(Node.Part part, Block b) {
        Node n = new Node(null, 1, 0, null);
        n.part = part;
        push(n);
        List<int[]> cuts = part == Node.Part.CLOSING ? List.of() : inlineEnumerations(b.run.match, 1, 1);
        if (cuts.isEmpty()) {
            n.body.add(b.run);
        } else {
            TextRun lead = b.run.sub(0, cuts.get(0)[0]).trim();
            if (!lead.isEmpty()) n.body.add(lead);
            addInline(b.run, cuts, n);
        }
        lastText = null;
    }

    /** Adds the inline items [cut_i, cut_i+1) of {@code run} as children of {@code parent}, or as pushed siblings. */
    private void addInline(TextRun run, List<int[]> cuts, Node parent) {
        for (int i = 0; i < cuts.size(); i++) {
            int from = cuts.get(i)[1];
            int to = i + 1 < cuts.size() ? cuts.get(i + 1)[0] : run.length();
            Node item = new Node(Enumerator.CN_SHI, Enumerator.CN_SHI.rank, cuts.get(i)[2], run.sub(from, to).trim());
            if (parent != null) {
                parent.children.add(item);
            } else {
                push(item);
            }
        }
    }

    /**
     * Positions of an inline sequence "一是 … 二是 … 三是" starting at ordinal {@code first}: each entry is
     * {enumerator start, content start, ordinal}. Only a consecutive sequence counts, which keeps words like
     * "统一是" out. {@code minCount} items are needed (a lone "一是" in running text is not a list).
     */
    static List<int[]> inlineEnumerations(String match, int first, int minCount) {
        List<int[]> cuts = new ArrayList<>();
        int expected = first;
        // Hand-written scan for "<numeral>是|要" after a boundary: this runs on every paragraph.
        for (int i = first == 1 ? 0 : 1; i < match.length(); i++) {
            char c = match.charAt(i);
            if (c != '是' && c != '要') continue;
            int j = i;
            while (j > 0 && i - j < 3 && NUMERALS.indexOf(match.charAt(j - 1)) >= 0) j--;
            if (j == i) continue;
            int k = j;
            while (k > 0 && match.charAt(k - 1) == ' ') k--;
            if (k > 0 && BOUNDARY.indexOf(match.charAt(k - 1)) < 0) continue;
            if (Enumerator.ordinal(match.substring(j, i)) == expected) {
                cuts.add(new int[] {j, i + 1, expected});
                expected++;
            }
        }
        if (first == 1 && cuts.size() < Math.max(2, minCount)) return List.of();
        return cuts;
    }

    private void push(Node n) {
        while (!stack.isEmpty() && stack.peek().rank >= n.rank) stack.pop();
        if (stack.isEmpty()) {
            roots.add(n);
        } else {
            stack.peek().children.add(n);
        }
        stack.push(n);
    }

    /**
     * A list restarting at 1 under a parent that already has a list, right after a heading-like plain line:
     * that line is a heading whose numbering was lost (encoding damage). Make it the parent's next sibling.
     */
    private void inferHeading(int itemRank) {
        if (lastText == null || lastTextOwner == null) return;
        String m = lastText.match;
        if (m.indexOf('。') >= 0 || m.length() > 60) return;
        Node parent = null;
        for (Node n : stack) {
            if (n.rank < itemRank) {
                parent = n;
                break;
            }
        }
        if (parent == null || parent.kind == null) return;
        boolean hasList = false;
        for (Node c : parent.children) hasList |= c.kind == Enumerator.ARABIC;
        if (!hasList) return;
        lastTextOwner.body.remove(lastText);
        Node heading = new Node(parent.kind, parent.rank, parent.ordinal + 1, lastText);
        heading.inferred = true;
        push(heading);
        warnings.add(new ParseWarning("HEADING_INFERRED", "a heading without readable numbering inferred as "
                + parent.kind + " " + (parent.ordinal + 1) + ": '" + lastText.text + "'", lastText.line));
        lastText = null;
    }

    private Node.Part currentPart() {
        Node root = null;
        for (Node n : stack) root = n; // bottom of the stack
        return root == null ? Node.Part.NONE : root.part;
    }

    private Node planRoot() {
        Node root = null;
        for (Node n : stack) root = n;
        return root;
    }

    /** Part of a top-level heading: a later year means the plan; then keywords. */
    Node.Part classify(String match) {
        Matcher y = YEAR.matcher(match);
        boolean problems = PROBLEM_WORDS.matcher(match).find();
        if (y.find() && reportYear > 0 && !problems) {
            int year = Integer.parseInt(y.group(1));
            if (year > reportYear) return Node.Part.PLAN;
            if (year == reportYear && ACHIEVEMENT_WORDS.matcher(match).find()) return Node.Part.ACHIEVEMENTS;
        }
        if (problems) return Node.Part.PROBLEMS;
        if (PLAN_WORDS.matcher(match).find()) return Node.Part.PLAN;
        if (ACHIEVEMENT_WORDS.matcher(match).find()) return Node.Part.ACHIEVEMENTS;
        return Node.Part.NONE;
    }
}
