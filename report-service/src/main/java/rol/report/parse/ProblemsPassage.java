package rol.report.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problems passage in running text, found by its cue wherever it stands ("我们也清醒认识到…", "…还面临一些
 * 困难和挑战，主要是：", "…问题也不容忽视"), split by its real structure: at "；" where it is semicolon-structured,
 * at "。" where it is a run of sentences, at "，" only where it is one comma run-on sentence. The lead-in
 * ("…主要是：") and the closing pledge ("我们一定…", "对此…", "必须直面问题…") are left out.
 */
final class ProblemsPassage {

    /** The cue, at most 60 characters into a sentence of the paragraph. */
    static final Pattern CUE = Pattern.compile("(?:^|[。!?])([^。!?]{0,60}?)(清醒(?:地)?(?:认识到|看到)|"
            + "(?:还|仍|也|依然|仍然|同时)(?:面临|存在)(?:着)?[^。]{0,14}(?:问题|不足|短板|差距|困难|弱项|挑战)|"
            + "(?:问题|不足|困难|矛盾|短板|差距)[^。,]{0,8}不容忽视|"
            + "存在的?(?:主要)?(?:短板|弱项|不足|问题|差距)[^。]{0,10}(?:主要是|主要有|表现在|如下))");
    /** Sentences and clauses that promise action instead of naming a problem. */
    private static final Pattern PLEDGE = Pattern.compile(
            "^(我们|对此|对这些|对于这些|针对|必须|一定要|今后|下一步|在今后|切实|决不|绝不|我局将|我区将|将|"
                    + "这些(都是|问题|困难)|只要|相信)");
    /** A clause that only says there are problems ("发展中老问题、新挑战并存"). */
    private static final Pattern GENERIC = Pattern.compile("老问题|新挑战|困难和挑战|困难挑战|问题和挑战|问题和不足|困难和问题");
    private static final Pattern ET_CETERA = Pattern.compile("^等等?$");
    private static final Pattern TRAILING_ET_CETERA = Pattern.compile(",等等?$");

    private ProblemsPassage() {
    }

    /** Where the cue's sentence starts in {@code match}, or -1 when the paragraph has no cue. */
    static int cueSentence(String match) {
        Matcher m = CUE.matcher(match);
        if (!m.find()) return -1;
        return m.start(1);
    }

    /** The problems of a passage: the cue paragraph and, when it ends with a colon, the paragraphs after it. */
    static List<TextRun> problems(List<TextRun> paragraphs) {
        if (paragraphs.isEmpty()) return List.of();
        TextRun first = paragraphs.get(0);
        int at = cueSentence(first.match);
        TextRun passage = first.sub(Math.max(0, at));
        String m = passage.match;
        int cueEnd = sentenceEnd(m, 0);
        int colon = m.indexOf(':');
        TextRun list;
        if (colon >= 0 && colon < sentenceEnd(m, cueEnd + 1) && m.lastIndexOf(';', colon) < 0) {
            list = passage.sub(colon + 1).trim();
            if (list.isEmpty()) return following(paragraphs);
        } else {
            TextRun after = passage.sub(Math.min(m.length(), cueEnd + 1)).trim();
            List<TextRun> units = withoutPledge(ClauseSplitter.split(after, "。;!?"));
            List<TextRun> leadInOnly = after.isEmpty() ? commaRunOn(passage, true) : List.of();
            if (after.isEmpty() && leadInOnly.isEmpty() && paragraphs.size() > 1) return following(paragraphs);
            list = units.size() >= 2 ? after : passage.sub(0, Math.min(m.length(), cueEnd + 1));
            if (units.size() < 2) return commaRunOn(list, true);
        }
        List<TextRun> units = withoutPledge(ClauseSplitter.split(list, list.match.indexOf(';') >= 0 ? "。;!?" : "。!?"));
        if (units.size() == 1) return commaRunOn(units.get(0), false);
        return units;
    }

    /** One comma run-on sentence: its clauses, without the lead-in (up to the cue) and the trailing pledge. */
    private static List<TextRun> commaRunOn(TextRun sentence, boolean hasLeadIn) {
        List<TextRun> clauses = ClauseSplitter.split(sentence, "。;!?,");
        int from = 0;
        if (hasLeadIn) {
            for (int i = 0; i < clauses.size(); i++) {
                if (CUE.matcher(clauses.get(i).match).find() || clauses.get(i).match.matches(".*清醒(地)?(认识到|看到)$")) {
                    from = i + 1;
                    break;
                }
            }
            if (from < clauses.size() && GENERIC.matcher(clauses.get(from).match).find()) from++;
        }
        List<TextRun> out = new ArrayList<>();
        for (TextRun c : clauses.subList(from, clauses.size())) {
            if (PLEDGE.matcher(c.match).find()) break;
            if (!ET_CETERA.matcher(c.match).matches()) out.add(c);
        }
        return out;
    }

    /**
     * The paragraphs after a lead-in that is a paragraph of its own ("…主要是：", "我们也清醒看到面临的困难挑战。"),
     * up to the closing pledge: one problem each, or the one paragraph split by its structure.
     */
    private static List<TextRun> following(List<TextRun> paragraphs) {
        List<TextRun> out = new ArrayList<>();
        for (TextRun p : paragraphs.subList(1, paragraphs.size())) {
            if (PLEDGE.matcher(p.match).find() || p.match.startsWith("各位代表")) break;
            out.add(p);
        }
        if (out.size() != 1) return out;
        TextRun only = out.get(0);
        List<TextRun> units = withoutPledge(ClauseSplitter.split(only, only.match.indexOf(';') >= 0 ? "。;!?" : "。!?"));
        return units.size() == 1 ? commaRunOn(units.get(0), false) : units;
    }

    private static List<TextRun> withoutPledge(List<TextRun> units) {
        List<TextRun> out = new ArrayList<>();
        for (TextRun u : units) {
            if (PLEDGE.matcher(u.match).find()) break;
            if (ET_CETERA.matcher(u.match).matches()) continue;
            // "…需要进一步增强，等等": the list's last unit without its "etc."
            Matcher etc = TRAILING_ET_CETERA.matcher(u.match);
            out.add(etc.find() ? u.sub(0, etc.start()).trim() : u);
        }
        return out;
    }

    /** Index of the sentence end at or after {@code from} (or the length). */
    private static int sentenceEnd(String m, int from) {
        for (int i = Math.max(0, from); i < m.length(); i++) {
            if ("。!?".indexOf(m.charAt(i)) >= 0) return i;
        }
        return m.length();
    }
}
