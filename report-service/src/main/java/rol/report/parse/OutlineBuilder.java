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
    private static final Pattern ACHIEVEMENT_WORDS = Pattern.compile("成效|成绩|成就|情况|举措|回顾|做法|亮点|成果|进展|总结");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");
    private static final Pattern FIVE_YEAR_WORDS = Pattern.compile("十([一二三四五六七八九])五|五年|规划|纲要|远景目标");
    /** A line that opens an appendix: 附件, 附录, 名词解释, 注释. */
    private static final Pattern APPENDIX_LINE = Pattern.compile(
            "^(附件|附录|附表|附:)\\s*\\d*[:、]?.{0,30}$|^.{0,24}(名词解释|名词注释|词语解释|注释)[:]?$|^注[:]$");
    /** The closing call of a speech ("各位代表！…让我们更加紧密地团结…"): the report proper ends with it. */
    private static final Pattern SPEECH_END = Pattern.compile(
            "^(各位代表[!,.]?)?.{0,60}?让我们(更加紧密|紧密|团结|携手|共同|一起)");

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
        Node appendix = null;
        boolean speechEnded = false;
        boolean numberedSections = false;
        for (Block b : blocks) numberedSections |= b.enumerated() && b.enumerator.kind() == Enumerator.CN_SECTION;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (!numberedSections && i + 1 < blocks.size() && unnumberedHeading(b, blocks.get(i + 1))) {
                b.role = Block.Role.PART_HEADING;
            }
            if (appendix == null && (speechEnded || opensAppendix(b))) {
                appendix = new Node(null, 1, 0, null);
                appendix.part = Node.Part.APPENDIX;
                stack.clear();
                roots.add(appendix);
                warnings.add(new ParseWarning("APPENDIX_KEPT_APART", "what follows "
                        + (speechEnded ? "the end of the speech" : "'" + b.run.text + "'")
                        + " is an appendix, not part of the plan", b.run.line, b.run.span()));
            }
            if (appendix != null) {
                // An appendix's own numbering (一、…, 1.–26.) is not the report's outline.
                appendix.body.add(b.run);
                continue;
            }
            speechEnded = b.role == Block.Role.BODY && !b.enumerated() && !rootsOf(Node.Part.PLAN).isEmpty()
                    && SPEECH_END.matcher(b.run.match).find();
            switch (b.role) {
                case PART_HEADING -> {
                    // Rank 0: a part named without a number ("下一步工作打算") holds the 一、…二、 sections under it.
                    Node n = new Node(null, 0, 0, b.run);
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

    /**
     * In a report without 一、 sections, a short unpunctuated line (a slogan) right before a list's （一） is a
     * section heading.
     */
    private static boolean unnumberedHeading(Block b, Block next) {
        return b.role == Block.Role.BODY && !b.enumerated() && b.run.length() <= 30 && !Tokeniser.hasPunctuation(b.run.match)
                && next.enumerated() && next.enumerator.kind() == Enumerator.CN_PAREN && next.enumerator.ordinal() == 1;
    }

    private static boolean opensAppendix(Block b) {
        if (b.role != Block.Role.BODY && b.role != Block.Role.PART_HEADING || b.enumerated()) return false;
        String m = b.run.match.replace(" ", "");
        return m.length() <= 40 && m.indexOf('。') < 0 && APPENDIX_LINE.matcher(m).matches();
    }

    private List<Node> rootsOf(Node.Part part) {
        List<Node> out = new ArrayList<>();
        for (Node r : roots) if (r.part == part) out.add(r);
        return out;
    }

    private void enumerated(Block b) {
        Enumerator.Match e = b.enumerator;
        if (e.kind() == Enumerator.ARABIC && e.ordinal() == 1) inferHeading(e.kind().rank);
        Node n = new Node(e.kind(), e.kind().rank, e.ordinal(), null);
        TextRun content = b.content();
        Node.Part part = n.rank == 1 ? classify(content.match) : Node.Part.NONE;
        // A numbered section naming another part than the unnumbered part heading above it leaves that part.
        if (part != Node.Part.NONE && part != currentPart()) stack.clear();
        push(n);
        if (n.rank == 1 || roots.contains(n)) n.part = part != Node.Part.NONE ? part : classify(content.match);
        lastText = null;
        // "一是…。二是…" in one paragraph: the first is this node, the others its siblings.
        boolean inlineSiblings = e.kind() == Enumerator.CN_SHI || e.kind() == Enumerator.CN_QI
                || e.kind() == Enumerator.ARABIC_PAREN || e.kind() == Enumerator.CIRCLED;
        List<int[]> cuts = inlineSiblings ? inlineList(content.match, e.kind(), e.ordinal() + 1, 0)
                : inlineEnumerations(content.match, 1, 1);
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
        // One problems passage per report: a later "…也面临…挑战" in the goals or the plan does not open another.
        if (b.cue == Block.Cue.PROBLEMS && rootsOf(Node.Part.PROBLEMS).isEmpty() && current != Node.Part.PLAN
                && current != Node.Part.FIVE_YEAR) {
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
        stack.clear(); // a part is a root, also below an unnumbered part heading
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

    /** An inline list of either style ("一是…二是…", else "(1)…(2)…" or "①…②…"), see {@link #inlineList}. */
    static List<int[]> inlineEnumerations(String match, int first, int minCount) {
        List<int[]> cuts = inlineList(match, Enumerator.CN_SHI, first, minCount);
        if (cuts.isEmpty() && first == 1) cuts = inlineList(match, Enumerator.CN_QI, 1, minCount);
        if (cuts.isEmpty() && first == 1) cuts = inlineList(match, Enumerator.ARABIC_PAREN, 1, minCount);
        if (cuts.isEmpty() && first == 1) cuts = inlineList(match, Enumerator.CIRCLED, 1, minCount);
        return cuts;
    }

    /**
     * Positions of an inline sequence "一是 … 二是 … 三是" (or "(1) … (2)", "① … ②") starting at ordinal
     * {@code first}: each entry is {enumerator start, content start, ordinal}. Only a consecutive sequence after
     * sentence or clause boundaries counts, which keeps words like "统一是" and "第一要务" out. {@code minCount}
     * items are needed (a lone "一是" in running text is not a list).
     */
    static List<int[]> inlineList(String match, Enumerator style, int first, int minCount) {
        List<int[]> cuts = new ArrayList<>();
        int expected = first;
        // Hand-written scan: this runs on every paragraph.
        for (int i = first == 1 ? 0 : 1; i < match.length(); i++) {
            int[] found = switch (style) {
                case CN_SHI -> shiAt(match, i);
                case CN_QI -> qiAt(match, i);
                case ARABIC_PAREN -> parenAt(match, i);
                default -> match.charAt(i) >= '\u2460' && match.charAt(i) <= '\u2473'
                        ? new int[] {i, i + 1, match.charAt(i) - '\u2460' + 1} : null;
            };
            if (found == null || !afterBoundary(match, found[0])) continue;
            if (found[2] == expected) {
                cuts.add(found);
                expected++;
            }
        }
        if (first == 1 && cuts.size() < Math.max(2, minCount)) return List.of();
        return cuts;
    }

    /** "<numeral>是|要" ending at {@code i}. */
    private static int[] shiAt(String match, int i) {
        char c = match.charAt(i);
        if (c != '是' && c != '要') return null;
        int j = i;
        while (j > 0 && i - j < 3 && NUMERALS.indexOf(match.charAt(j - 1)) >= 0) j--;
        if (j == i) return null;
        int ordinal = Enumerator.ordinal(match.substring(j, i));
        return ordinal > 0 ? new int[] {j, i + 1, ordinal} : null;
    }

    /** "其<numeral>," opening at {@code i}. */
    private static int[] qiAt(String match, int i) {
        if (match.charAt(i) != '其') return null;
        int j = i + 1;
        while (j < match.length() && j - i <= 3 && NUMERALS.indexOf(match.charAt(j)) >= 0) j++;
        if (j == i + 1 || j >= match.length() || ",、:".indexOf(match.charAt(j)) < 0) return null;
        int ordinal = Enumerator.ordinal(match.substring(i + 1, j));
        return ordinal > 0 ? new int[] {i, j + 1, ordinal} : null;
    }

    /** "(n)" opening at {@code i}. */
    private static int[] parenAt(String match, int i) {
        if (match.charAt(i) != '(') return null;
        int j = i + 1;
        while (j < match.length() && j - i <= 2 && Character.isDigit(match.charAt(j))) j++;
        if (j == i + 1 || j >= match.length() || match.charAt(j) != ')') return null;
        return new int[] {i, j + 1, Integer.parseInt(match.substring(i + 1, j))};
    }

    private static boolean afterBoundary(String match, int at) {
        int k = at;
        while (k > 0 && match.charAt(k - 1) == ' ') k--;
        return k == 0 || BOUNDARY.indexOf(match.charAt(k - 1)) >= 0;
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

    /**
     * Part of a top-level heading: a later year means the plan; then keywords. A five-year-plan heading
     * (“十五五”时期主要目标任务) is not the plan unless it also names the plan year.
     */
    Node.Part classify(String match) {
        Matcher y = YEAR.matcher(match);
        boolean problems = PROBLEM_WORDS.matcher(match).find();
        boolean achievements = ACHIEVEMENT_WORDS.matcher(match).find();
        boolean pastYear = false;
        if (y.find() && reportYear > 0 && !problems) {
            int year = Integer.parseInt(y.group(1));
            while (y.find()) year = Math.max(year, Integer.parseInt(y.group(1)));
            if (year > reportYear) return Node.Part.PLAN;
            if (year == reportYear && achievements) return Node.Part.ACHIEVEMENTS;
            pastYear = true;
        }
        if (problems) return Node.Part.PROBLEMS;
        if (!achievements && !pastYear && aheadFiveYearPlan(match)) return Node.Part.FIVE_YEAR;
        if (PLAN_WORDS.matcher(match).find()) return Node.Part.PLAN;
        if (achievements) return Node.Part.ACHIEVEMENTS;
        return Node.Part.NONE;
    }

    /** Speaks of a five-year plan, and not of one that has ended (“十四五” in a report on 2025 is a review). */
    private boolean aheadFiveYearPlan(String match) {
        Matcher f = FIVE_YEAR_WORDS.matcher(match);
        // The n-th five-year plan starts in 1966 + 5 (n - 3) (the 3rd began in 1966, after the 1963-65 adjustment).
        int current = reportYear > 0 ? (reportYear + 1 - 1966) / 5 + 3 : 0;
        while (f.find()) {
            if (f.group(1) == null || current == 0 || 10 + Enumerator.ordinal(f.group(1)) >= current) return true;
        }
        return false;
    }
}
