package rol.task.suggestion;

import rol.task.directory.Department;
import rol.task.directory.DirectorySeed;
import rol.task.directory.District;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One district's departments in memory, found by id, by name, or in a text. Built from a validated
 * {@link DirectorySeed}; immutable and safe to share.
 *
 * <p>Finding names in a text: at each position the longest name wins (区司法局行政复议科 before 区司法局). A name
 * that contains one of the district's places (鲤城区司法局, 开元街道, 鲤城法院) counts wherever it stands. A generic
 * name (区司法局, 司法局, 法院, 市监局) counts only where it starts a word: at the start of the text, after
 * punctuation or a non-Chinese character, or after one of the short words that stand before an organ's name
 * (联合, 会同, 由, 与, 对接, 推动 …). So 市司法局, 鼓楼区司法局 and 丰泽法院 are not our 区司法局 or 区法院.
 */
public final class DepartmentDirectory {

    /**
     * Last characters of the words that precede a department's name in plan texts: 与 和 及 同(会同/协同) 合(联合/配合)
     * 由 对 向 接(对接) 动(推动) 促(督促) 导(指导) 持(支持) 助(协助) 请(邀请) 织(组织) 托(依托) 系(联系) 求(要求) 成(责成) …
     * Deliberately not 市 省 县 区 or place names.
     */
    static final String WORD_BEFORE_NAME = "与和及同跟合由对向接动促导持助请织托系求成交报送在为是的等各把将给经据以至并或从让使于即";

    /** A department's name found in a text (offsets into {@link ChineseText#normalize}d text). */
    public record Mention(Department department, String words, int start, int end) {
    }

    /** A keyword found in a text. */
    public record KeywordHit(Department department, String keyword, int start, int end) {
    }

    private record Name(String text, Department department, boolean specific) {
    }

    private final District district;
    private final Map<String, Department> byId = new LinkedHashMap<>();
    private final Map<String, Department> byName = new HashMap<>();
    private final Map<Character, List<Name>> namesByFirstChar = new HashMap<>();
    private final Map<Character, List<KeywordHit>> keywordsByFirstChar = new HashMap<>();

    private DepartmentDirectory(DirectorySeed seed) {
        this.district = seed.district();
        for (Department d : seed.departments()) {
            byId.put(d.id(), d);
            for (String n : seed.namesOf(d)) {
                String name = ChineseText.normalize(n);
                byName.put(name, d);
                boolean specific = district.places().stream().anyMatch(name::contains);
                namesByFirstChar.computeIfAbsent(name.charAt(0), c -> new ArrayList<>()).add(new Name(name, d, specific));
            }
            for (String k : d.keywords()) {
                String keyword = ChineseText.normalize(k);
                keywordsByFirstChar.computeIfAbsent(keyword.charAt(0), c -> new ArrayList<>())
                        .add(new KeywordHit(d, keyword, -1, -1));
            }
        }
        namesByFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed()));
        keywordsByFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt((KeywordHit k) -> k.keyword().length()).reversed()));
    }

    public static DepartmentDirectory of(DirectorySeed seed) {
        return new DepartmentDirectory(seed);
    }

    /** The directory shipped with the service for a district id, e.g. {@code licheng}. */
    public static DepartmentDirectory forDistrict(String districtId) {
        return of(DirectorySeed.forDistrict(districtId));
    }

    public District district() {
        return district;
    }

    public List<Department> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Department> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Exactly one of the unit's names (traditional or simplified), e.g. 区市监局 or 泉州市鲤城区司法局. */
    public Optional<Department> byName(String name) {
        return Optional.ofNullable(byName.get(ChineseText.normalize(name).strip()));
    }

    /** The unit tasks go to for this one: itself, or for a sub-unit (行政复议科, 开元司法所) the unit it belongs to. */
    public Department dispatchUnit(Department d) {
        Department at = d;
        // the seed is validated acyclic; the bound only guards against a directory built from an unvalidated seed
        for (int i = 0; at.parent() != null && i < byId.size(); i++) {
            at = byId.get(at.parent());
        }
        return at;
    }

    /** The departments a text names, in order; the text is normalized first and offsets refer to that form. */
    public List<Mention> mentions(String text) {
        String t = ChineseText.normalize(text);
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            Name match = null;
            for (Name n : namesByFirstChar.getOrDefault(t.charAt(i), List.of())) {
                if (t.startsWith(n.text(), i) && (n.specific() || startsAWord(t, i))) {
                    match = n;
                    break;
                }
            }
            if (match == null) {
                i++;
            } else {
                found.add(new Mention(match.department(), match.text(), i, i + match.text().length()));
                i += match.text().length();
            }
        }
        return found;
    }

    /** The keywords a text contains outside the names it mentions (longest first at each position), in order. */
    public List<KeywordHit> keywords(String text) {
        String t = ChineseText.normalize(text);
        boolean[] inName = new boolean[t.length()];
        for (Mention m : mentions(t)) {
            for (int k = m.start(); k < m.end(); k++) {
                inName[k] = true;
            }
        }
        List<KeywordHit> found = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            KeywordHit match = null;
            if (!inName[i]) {
                for (KeywordHit k : keywordsByFirstChar.getOrDefault(t.charAt(i), List.of())) {
                    if (t.startsWith(k.keyword(), i)) {
                        match = k;
                        break;
                    }
                }
            }
            if (match == null) {
                i++;
            } else {
                found.add(new KeywordHit(match.department(), match.keyword(), i, i + match.keyword().length()));
                i += match.keyword().length();
            }
        }
        return found;
    }

    private static boolean startsAWord(String t, int i) {
        if (i == 0) {
            return true;
        }
        int before = t.codePointBefore(i);
        return !ChineseText.isHan(before) || WORD_BEFORE_NAME.indexOf(before) >= 0;
    }
}
