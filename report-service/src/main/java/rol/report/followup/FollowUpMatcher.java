package rol.report.followup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import rol.report.parse.AchievementItem;
import rol.report.parse.AchievementTheme;
import rol.report.parse.PlanItem;
import rol.report.parse.Problem;
import rol.report.parse.ScriptConverter;

/**
 * Did last year's plan happen? Matches each plan item of an earlier report to the achievement passages of the
 * later report of the same issuer (BM25 to rank, idf-weighted coverage for the verdict), and each problem of a
 * report to the problems earlier reports of the issuer named, statement of shortcoming by statement. Plain Java;
 * thresholds were set on the Licheng pair and are measured in docs/report-model.md.
 */
public final class FollowUpMatcher {

    /** Evidence covering this share of a plan item's weighted words reports it done. */
    static final double DONE_COVERAGE = 0.35;
    /** Below this share the item is not mentioned; between the two it is partly mentioned. */
    static final double MENTIONED_COVERAGE = 0.18;
    /** Further evidence passages must score at least this share of the best one. */
    static final double EVIDENCE_SCORE_RATIO = 0.6;
    static final int MAX_EVIDENCE = 3;
    /**
     * Mean of both directions' coverage at which two statements of shortcoming ({@link Shortcomings}) are taken as
     * the same shortcoming named again.
     */
    static final double RECURRENCE_SIMILARITY = 0.25;
    /** Words two statements must share to name one subject: one shared word (行政, 应用) names a field, not a shortcoming. */
    static final int RECURRENCE_SHARED_TERMS = 2;

    /**
     * Same issuer though one report may name it in full (泉州市鲤城区司法局) and the other not, in either script.
     * Callers compare reports of one district only, where a short name (区司法局) is that district's own organ.
     */
    public static boolean sameIssuer(String a, String b) {
        if (a == null || b == null) return false;
        String x = key(a);
        String y = key(b);
        if (x.length() < 3 || y.length() < 3) return x.equals(y);
        return x.endsWith(y) || y.endsWith(x);
    }

    private static String key(String issuer) {
        return ScriptConverter.simplifiedView(issuer).replaceAll("\\s+", "");
    }

    public List<PlanItemFollowUp> planFollowUp(ReportParts earlier, ReportParts later) {
        List<Passage> achievements = achievementPassages(later);
        List<Passage> planItems = new ArrayList<>();
        for (PlanItem item : earlier.planLeaves()) {
            planItems.add(Passage.of(item.id(), item.title(), item.text(), item.span()));
        }
        List<Passage> all = new ArrayList<>(achievements);
        all.addAll(planItems);
        Bm25 bm25 = new Bm25(all);
        List<PlanItemFollowUp> out = new ArrayList<>();
        for (Passage item : planItems) {
            out.add(followUp(bm25, item, achievements));
        }
        return out;
    }

    private static PlanItemFollowUp followUp(Bm25 bm25, Passage item, List<Passage> achievements) {
        record Scored(Passage passage, double score) {
        }
        List<Scored> ranked = new ArrayList<>();
        for (Passage a : achievements) {
            double s = bm25.scoreWithTitles(item, a);
            if (s > 0) ranked.add(new Scored(a, s));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> chosen = new ArrayList<>();
        for (Scored s : ranked) {
            if (chosen.size() == MAX_EVIDENCE || s.score() < EVIDENCE_SCORE_RATIO * ranked.get(0).score()) break;
            chosen.add(s);
        }
        double coverage = bm25.coverage(item, chosen.stream().map(Scored::passage).toList());
        Verdict verdict = coverage >= DONE_COVERAGE ? Verdict.REPORTED_DONE
                : coverage >= MENTIONED_COVERAGE ? Verdict.PARTLY_MENTIONED : Verdict.NOT_MENTIONED;
        List<Evidence> evidence = verdict == Verdict.NOT_MENTIONED ? List.of() : chosen.stream()
                .map(s -> new Evidence(s.passage().id(), s.passage().title(), s.passage().text(),
                        s.passage().span(), round(s.score())))
                .toList();
        return new PlanItemFollowUp(item.id(), item.title(), verdict, round(coverage), evidence);
    }

    /** The problems of {@code report} that the earlier reports already named, each with the years it appeared. */
    public List<RecurringProblem> recurringProblems(ReportParts report, List<ReportParts> earlier) {
        List<Passage> current = problemPassages(report);
        List<Passage> all = new ArrayList<>(current);
        all.addAll(achievementPassages(report));
        List<List<Passage>> earlierProblems = new ArrayList<>();
        for (ReportParts prior : earlier) {
            List<Passage> problems = problemPassages(prior);
            earlierProblems.add(problems);
            all.addAll(problems);
            all.addAll(achievementPassages(prior));
        }
        Bm25 bm25 = new Bm25(all);
        List<RecurringProblem> out = new ArrayList<>();
        for (Passage problem : current) {
            List<RecurringProblem.EarlierProblem> matches = new ArrayList<>();
            TreeSet<Integer> years = new TreeSet<>();
            for (int i = 0; i < earlier.size(); i++) {
                ReportParts prior = earlier.get(i);
                if (prior.reportYear() == null) continue;
                for (Passage before : earlierProblems.get(i)) {
                    double similarity = sameShortcoming(bm25, problem, before);
                    if (similarity >= RECURRENCE_SIMILARITY) {
                        matches.add(new RecurringProblem.EarlierProblem(prior.reportId(), prior.reportYear(),
                                before.id(), before.title(), round(similarity)));
                        years.add(prior.reportYear());
                    }
                }
            }
            if (!matches.isEmpty()) {
                if (report.reportYear() != null) years.add(report.reportYear());
                out.add(new RecurringProblem(problem.id(), problem.title(), List.copyOf(years), matches));
            }
        }
        return out;
    }

    /**
     * How surely two problems name one shortcoming: the best pair of their statements of shortcoming by the mean of
     * both directions' coverage, counted only where the pair shares a subject; 0 where none does.
     */
    static double sameShortcoming(Bm25 bm25, Passage problem, Passage other) {
        double best = 0;
        List<Passage> theirs = Shortcomings.of(other);
        for (Passage mine : Shortcomings.of(problem)) {
            for (Passage their : theirs) {
                Set<String> shared = new HashSet<>(mine.terms());
                shared.retainAll(new HashSet<>(their.terms()));
                if (shared.size() < RECURRENCE_SHARED_TERMS) continue;
                best = Math.max(best, (bm25.coverage(mine, List.of(their)) + bm25.coverage(their, List.of(mine))) / 2);
            }
        }
        return best;
    }

    /** Achievement items, and a theme's own text where the theme has no items. */
    static List<Passage> achievementPassages(ReportParts report) {
        List<Passage> out = new ArrayList<>();
        for (AchievementTheme theme : report.achievements()) {
            if (theme.items().isEmpty()) {
                out.add(Passage.of(theme.id(), theme.title(), theme.text(), theme.span()));
            }
            for (AchievementItem item : theme.items()) {
                out.add(Passage.of(item.id(), item.title(), item.text(), item.span()));
            }
        }
        return out;
    }

    private static List<Passage> problemPassages(ReportParts report) {
        List<Passage> out = new ArrayList<>();
        for (Problem p : report.problems()) out.add(Passage.of(p.id(), p.title(), p.text(), p.span()));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
