package rol.report.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import rol.report.parse.ScriptConverter;

/**
 * The statements of shortcoming inside a problem: its heading, and each clause of its body except those that only
 * set the scene ("办理行政复议、行政诉讼案件过程中", "开展宣传活动时", "从国内看"). Two problems of one field share the
 * scene's words while naming different shortcomings; comparing statement with statement keeps the scene out.
 */
final class Shortcomings {

    /** Clause boundaries; the enumeration comma 、 stays inside a clause, it joins the parts of one subject. */
    private static final Pattern CLAUSE = Pattern.compile("[，,；;。：:！？!?\\n]+");
    /**
     * A clause ending in a word of time, place or aspect is an adverbial frame (…过程中, …时, 从…看, 在…方面), not a
     * statement: Chinese puts the frame first and says what falls short after it.
     */
    private static final Pattern FRAME = Pattern.compile("(中|时|看|方面|领域|以来|期间|之际)$");
    /**
     * Words that say that something falls short without saying what; every statement has one, so they are no
     * evidence that two statements name the same thing. Words that say what kind (短板, 困难, 风险) stay.
     */
    private static final Set<String> NEGATIONS = Set.of("不够", "不足", "缺乏", "欠缺", "有待", "还需", "仍需", "尚需",
            "亟需", "亟待", "存在", "较弱", "不强", "不高", "依然", "仍然");

    private Shortcomings() {
    }

    /** The heading where the problem has one apart from its body, and the body's clauses that are not frames. */
    static List<Passage> of(Passage problem) {
        List<Passage> out = new ArrayList<>();
        String title = problem.title() == null ? "" : problem.title().strip();
        String body = problem.text() == null ? "" : problem.text().strip();
        if (!title.isEmpty() && !title.equals(body)) out.add(statement(problem, 0, title));
        int n = 1;
        for (String clause : CLAUSE.split(body)) {
            String c = clause.strip();
            if (c.isEmpty() || c.equals(title) || isFrame(c)) continue;
            out.add(statement(problem, n++, c));
        }
        return out;
    }

    static boolean isFrame(String clause) {
        return FRAME.matcher(ScriptConverter.simplifiedView(clause)).find();
    }

    private static Passage statement(Passage problem, int n, String clause) {
        List<String> terms = Terms.of(clause).stream().filter(t -> !NEGATIONS.contains(t)).toList();
        return new Passage(problem.id() + "#" + n, clause, clause, problem.span(), terms, Set.copyOf(terms));
    }
}
