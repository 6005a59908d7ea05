package rol.report.parse;

import java.util.ArrayList;
import java.util.List;

/** A node of the outline: a numbered heading or item, or a part opened by a cue paragraph. */
final class Node {
    enum Part {
        NONE, ACHIEVEMENTS, PROBLEMS, PLAN, CLOSING,
        /** The five-year-plan section of a 政府工作报告 (“十五五”时期主要目标任务): goals, not next year's plan. */
        FIVE_YEAR,
        /** 附件, 名词解释 and whatever follows the end of the speech: recognised and kept apart. */
        APPENDIX
    }

    final Enumerator kind;
    final int rank;
    final int ordinal;
    /** The heading or item paragraph without its enumerator; null for parts opened by a cue paragraph. */
    TextRun head;
    final List<TextRun> body = new ArrayList<>();
    final List<Node> children = new ArrayList<>();
    Part part = Part.NONE;
    boolean inferred;

    Node(Enumerator kind, int rank, int ordinal, TextRun head) {
        this.kind = kind;
        this.rank = rank;
        this.ordinal = ordinal;
        this.head = head;
    }

    /** Own text: head and continuation paragraphs, without children. */
    List<TextRun> ownRuns() {
        List<TextRun> runs = new ArrayList<>();
        if (head != null && !head.isEmpty()) runs.add(head);
        runs.addAll(body);
        return runs;
    }

    /** All runs of the subtree in document order (children follow the own text). */
    List<TextRun> allRuns() {
        List<TextRun> runs = ownRuns();
        for (Node c : children) runs.addAll(c.allRuns());
        return runs;
    }

    Span span() {
        Span s = null;
        for (TextRun r : allRuns()) s = r.span().union(s);
        return s == null ? new Span(0, 0) : s;
    }

    @Override
    public String toString() {
        return kind + " " + ordinal + " " + part + " " + head;
    }
}
