package rol.task.suggestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How much a problem (存在问题) and a task share, for suggesting which tasks address which problem (整改事项).
 * Both texts are {@link ChineseText#normalize normalized} (NFKC, simplified), cut into runs of Han characters, letters
 * and digits at punctuation, at stop characters (的、和、与…) and at words every report is full of (工作、加强、进一步…), and each run
 * into character bigrams. The score is the Dice coefficient of the two bigram sets,
 * 2·|A∩B| / (|A| + |B|), between 0 and 1; the reason is the shared bigrams joined back into the words of the
 * problem's text they come from. Plain Java: no framework, so it is tested without Quarkus.
 */
public final class TextSimilarity {

    /** Characters that carry no topic: a run of text is cut at them. */
    static final String STOP_CHARACTERS = "的了和与及或等在是为有不也而并且将把被从于以其之这那些个一二三四五六七八九十还都更较已未所要就又各该年月日中上下";

    /** Words every plan and problem is full of; sharing them says nothing, so the text is cut at them too. */
    static final List<String> STOP_WORDS = List.of("进一步", "工作", "加强", "推进", "推动", "开展", "问题",
            "存在", "不足", "有待", "提升", "提高", "完善", "健全", "落实", "深入", "持续", "全面", "不断", "方面",
            "情况", "部分", "一些", "仍然", "仍需", "需要", "进行", "做好", "强化", "建设", "机制", "力度", "水平",
            "能力", "相关", "有关", "单位", "部门", "全区", "我局", "本局", "进度", "重点", "主要", "实现", "建立").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private final double threshold;

    /** @param threshold the lowest score that is suggested (0 to 1) */
    public TextSimilarity(double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be between 0 and 1: " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** A task (or anything else) a problem may be linked to: its key and its text. */
    public record Candidate<K>(K key, String text) {
    }

    /** A suggested link: the score and the shared words that made it (顿号-separated, in the problem's order). */
    public record Match<K>(K key, double score, String words) {
    }

    /** The score of two texts and the words they share. */
    public record Score(double score, String words) {
    }

    public Score score(String problem, String other) {
        List<String> a = bigrams(problem);
        Set<String> setA = new LinkedHashSet<>(a);
        Set<String> setB = new LinkedHashSet<>(bigrams(other));
        if (setA.isEmpty() || setB.isEmpty()) {
            return new Score(0, "");
        }
        Set<String> shared = new LinkedHashSet<>(setA);
        shared.retainAll(setB);
        double dice = 2.0 * shared.size() / (setA.size() + setB.size());
        return new Score(Math.round(dice * 1000) / 1000.0, words(problem, shared));
    }

    /** The candidates scoring at least the threshold, best first (ties in the order given). */
    public <K> List<Match<K>> suggest(String problem, List<Candidate<K>> candidates) {
        List<Match<K>> out = new ArrayList<>();
        for (Candidate<K> c : candidates) {
            Score s = score(problem, c.text());
            if (s.score() > 0 && s.score() >= threshold) {
                out.add(new Match<>(c.key(), s.score(), s.words()));
            }
        }
        out.sort(Comparator.comparingDouble((Match<K> m) -> m.score()).reversed());
        return out;
    }

    /** The runs of the normalized text: maximal sequences of Han characters, letters or digits, not stop characters. */
    static List<String> runs(String text) {
        String s = ChineseText.normalize(text);
        for (String w : STOP_WORDS) {
            s = s.replace(w, " ");
        }
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        s.codePoints().forEach(cp -> {
            boolean keep = (ChineseText.isHan(cp) || Character.isLetterOrDigit(cp))
                    && STOP_CHARACTERS.indexOf(cp) < 0;
            if (keep) {
                run.appendCodePoint(Character.toLowerCase(cp));
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        });
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    static List<String> bigrams(String text) {
        List<String> out = new ArrayList<>();
        for (String run : runs(text)) {
            int[] cps = run.codePoints().toArray();
            for (int i = 0; i + 1 < cps.length; i++) {
                out.add(new String(cps, i, 2));
            }
        }
        return out;
    }

    /** The shared bigrams joined into the longest pieces of the problem's runs they cover, each piece once. */
    static String words(String problem, Set<String> shared) {
        Set<String> words = new LinkedHashSet<>();
        for (String run : runs(problem)) {
            int[] cps = run.codePoints().toArray();
            int start = -1;
            for (int i = 0; i + 1 <= cps.length; i++) {
                boolean hit = i + 1 < cps.length && shared.contains(new String(cps, i, 2));
                if (hit && start < 0) {
                    start = i;
                } else if (!hit && start >= 0) {
                    String word = new String(cps, start, i + 1 - start);
                    if (words.stream().noneMatch(w -> w.contains(word))) {
                        words.removeIf(word::contains);
                        words.add(word);
                    }
                    start = -1;
                }
            }
        }
        return String.join("、", words);
    }
}
