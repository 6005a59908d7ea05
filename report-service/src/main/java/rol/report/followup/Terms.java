package rol.report.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;

import rol.report.parse.ScriptConverter;

/**
 * The content words of a passage: the simplified view segmented by HanLP, keeping nouns, verbs, abbreviations and
 * set phrases of two characters or more that are not HanLP stop words. A quoted name (“鲤小司”, “三统一”) is also
 * kept whole, because HanLP splits unknown names into single characters that say nothing on their own.
 */
final class Terms {

    private static final Pattern QUOTED = Pattern.compile("[“\"「『]([^”\"」』]{2,12})[”\"」』]");
    /** Parts of speech that carry what a passage is about (HanLP's tag set: noun, verb, idiom, abbreviation...). */
    private static final Set<Character> CONTENT_TAGS = Set.of('n', 'v', 'j', 'l', 'i', 'g');
    /**
     * Words every report repeats whatever it is about ("推进 … 工作"), beyond HanLP's general stop words.
     * They are not evidence that a plan item was done; everything else is weighed by BM25's idf.
     */
    private static final Set<String> REPORT_BOILERPLATE = Set.of("工作", "推进", "加强", "深化", "开展", "落实",
            "推动", "持续", "提升", "建设", "进一步", "有待", "提高", "实现", "不断", "全面", "积极", "不足");

    private Terms() {
    }

    static List<String> of(String text) {
        String simplified = ScriptConverter.simplifiedView(text);
        List<String> out = new ArrayList<>();
        for (Term term : HanLP.segment(simplified)) {
            String word = term.word.strip();
            if (word.length() < 2 || term.nature == null) continue;
            String tag = term.nature.toString();
            if (tag.isEmpty() || !CONTENT_TAGS.contains(tag.charAt(0))) continue;
            if (REPORT_BOILERPLATE.contains(word) || CoreStopWordDictionary.contains(word)) continue;
            out.add(word);
        }
        Matcher quoted = QUOTED.matcher(simplified);
        while (quoted.find()) {
            out.add(quoted.group(1).strip());
        }
        return out;
    }
}
