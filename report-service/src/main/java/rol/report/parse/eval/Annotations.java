package rol.report.parse.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import rol.report.parse.ParsedReport;
import rol.report.parse.PlanItem;
import rol.report.parse.Problem;

/**
 * Checks a parsed report against its hand annotation, with the matching rules of the annotation files' `_about`.
 * Understands both formats: the fixtures' (`../shared/fixtures/reports/expected.json`: problems as title
 * prefixes, planThemes as titles, planCount, planTitles, metrics…) and the corpus' (`../shared/corpus/expected.json`:
 * problems as a [lo, hi] count, problemsFirst, planThemes as [n], planThemeTitles, enumeratedSubItems). An
 * unknown key is a failed check, so that no annotation goes unread.
 */
public final class Annotations {

    private Annotations() {
    }

    /** Keys that describe the document for people and are not checked. */
    private static final Set<String> PROSE = Set.of("traps", "notes");

    public static List<FieldCheck> check(ParsedReport r, JsonNode annotation) {
        List<FieldCheck> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = annotation.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!PROSE.contains(e.getKey())) out.add(check(r, e.getKey(), e.getValue()));
        }
        return out;
    }

    private static FieldCheck check(ParsedReport r, String key, JsonNode v) {
        return switch (key) {
            case "issuer" -> new FieldCheck(key, v.asText(), r.issuer(), r.issuer() != null && r.issuer().contains(v.asText()));
            case "docNumber" -> same(key, text(v), r.docNumber());
            case "signatory" -> same(key, text(v), r.signatory());
            case "reportYear" -> same(key, text(v), str(r.reportYear()));
            case "planYear" -> same(key, text(v), str(r.planYear()));
            case "issuedOn" -> same(key, text(v), str(r.issuedOn()));
            case "script" -> same(key, v.asText(), r.script());
            case "recipients" -> {
                Set<String> want = new HashSet<>();
                v.forEach(x -> want.add(x.asText()));
                yield new FieldCheck(key, want.toString(), r.recipients().toString(), want.equals(new HashSet<>(r.recipients())));
            }
            case "achievementThemes" -> v.isNull() ? skipped(key)
                    : same(key, v.asText(), String.valueOf(r.achievements().size()));
            case "achievementItems" -> v.isNull() ? skipped(key)
                    : same(key, v.asText(), String.valueOf(r.achievements().stream().mapToInt(t -> t.items().size()).sum()));
            case "problems" -> isRange(v) ? inRange(key, v, r.problems().size(), titles(r.problems(), Problem::title))
                    : prefixesInOrder(key, v, titles(r.problems(), Problem::title));
            case "problemsFirst" -> prefixesMatched(key, v, titles(r.problems(), Problem::title));
            case "planThemes" -> isCount(v)
                    ? same(key, v.get(0).asText(), String.valueOf(r.plan().size()), titles(r.plan(), PlanItem::title))
                    : prefixesInOrder(key, v, titles(themes(r.plan()), PlanItem::title));
            case "planThemeTitles" -> prefixesInOrder(key, v, titles(r.plan(), PlanItem::title));
            case "enumeratedSubItems" -> same(key, v.asText(), String.valueOf(descendants(r.plan())));
            case "planCount" -> inRange(key, v, r.planLeaves().size(), titles(r.planLeaves(), PlanItem::title));
            case "planTitles" -> prefixesMatched(key, v, titles(r.planLeaves(), PlanItem::title));
            case "metrics" -> metrics(r, v);
            default -> new FieldCheck(key, "?", "unknown annotation key: the evaluator must learn to check it", false);
        };
    }

    private static FieldCheck metrics(ParsedReport r, JsonNode v) {
        Set<String> got = new HashSet<>();
        r.achievements().forEach(t -> {
            t.metrics().forEach(m -> got.add(m.value() + m.unit()));
            t.items().forEach(i -> i.metrics().forEach(m -> got.add(m.value() + m.unit())));
        });
        List<String> want = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode m : v) {
            String w = m.get("value").asText() + m.get("unit").asText();
            want.add(w);
            if (!got.contains(w)) missing.add(w);
        }
        return new FieldCheck("metrics", want.toString(), missing.isEmpty() ? "all found" : "missing " + missing,
                missing.isEmpty());
    }

    private static boolean isRange(JsonNode v) {
        return v.isArray() && v.size() == 2 && v.get(0).isInt() && v.get(1).isInt();
    }

    private static boolean isCount(JsonNode v) {
        return v.isArray() && v.size() == 1 && v.get(0).isInt();
    }

    private static FieldCheck inRange(String key, JsonNode v, int n, List<String> titles) {
        boolean ok = n >= v.get(0).asInt() && n <= v.get(1).asInt();
        return new FieldCheck(key, v.get(0).asInt() + "–" + v.get(1).asInt(), n + " " + abbreviate(titles), ok);
    }

    /** Same number of entries, the i-th title starting with the i-th prefix. */
    private static FieldCheck prefixesInOrder(String key, JsonNode want, List<String> titles) {
        boolean ok = want.size() == titles.size();
        for (int i = 0; ok && i < want.size(); i++) ok = matches(titles.get(i), want.get(i).asText());
        return new FieldCheck(key, want.size() + " " + want, titles.size() + " " + abbreviate(titles), ok);
    }

    /** Every prefix matches its own title, in document order (there may be more titles). */
    private static FieldCheck prefixesMatched(String key, JsonNode want, List<String> titles) {
        int next = 0;
        List<String> missing = new ArrayList<>();
        for (JsonNode w : want) {
            int found = -1;
            for (int i = next; i < titles.size() && found < 0; i++) {
                if (matches(titles.get(i), w.asText())) found = i;
            }
            if (found < 0) missing.add(w.asText());
            else next = found + 1;
        }
        return new FieldCheck(key, want.toString(), missing.isEmpty() ? "all matched"
                : "unmatched " + missing + " in " + abbreviate(titles), missing.isEmpty());
    }

    /** The `_about` rule: drop white space, markdown markers and a leading enumerator, then compare prefixes. */
    public static boolean matches(String title, String prefix) {
        return normalize(title).startsWith(normalize(prefix));
    }

    static String normalize(String s) {
        String t = s.replaceAll("[\\s\u3000*#]+", "");
        return t.replaceFirst("^([一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[)）]|\\d+[.．、])", "");
    }

    private static FieldCheck same(String key, String want, String got) {
        return new FieldCheck(key, want, got, want == null ? got == null : want.equals(got));
    }

    private static FieldCheck same(String key, String want, String got, List<String> titles) {
        return new FieldCheck(key, want, got + " " + abbreviate(titles), want.equals(got));
    }

    private static FieldCheck skipped(String key) {
        return new FieldCheck(key, "null (not counted)", "-", true);
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static <T> List<String> titles(List<T> items, Function<T, String> title) {
        return items.stream().map(title).toList();
    }

    private static List<String> abbreviate(List<String> titles) {
        return titles.stream().map(t -> t.length() <= 12 ? t : t.substring(0, 12) + "…").toList();
    }

    /** Plan entries that have children (themes), depth first. */
    private static List<PlanItem> themes(List<PlanItem> items) {
        List<PlanItem> out = new ArrayList<>();
        for (PlanItem i : items) {
            if (!i.leaf()) {
                out.add(i);
                out.addAll(themes(i.children()));
            }
        }
        return out;
    }

    /** Enumerated sub-items: every entry below the top-level plan entries. */
    private static int descendants(List<PlanItem> items) {
        int n = 0;
        for (PlanItem i : items) n += i.children().size() + descendants(i.children());
        return n;
    }
}
