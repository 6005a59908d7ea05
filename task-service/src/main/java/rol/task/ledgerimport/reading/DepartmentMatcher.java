package rol.task.ledgerimport.reading;

import rol.task.directory.Department;
import rol.task.suggestion.ChineseText;
import rol.task.suggestion.DepartmentDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the department names of a ledger against the district's directory: first exactly (any of a unit's names,
 * a sub-unit standing for its unit), else by likeness of the names without the district's prefix (Dice over
 * character bigrams, one name inside the other counting as close).
 */
public final class DepartmentMatcher {

    /** At or above: a candidate. */
    static final double CANDIDATE = 0.5;
    /** At or above, and clearly ahead of the next: taken, with a warning. */
    static final double CONFIDENT = 0.75;
    static final double LEAD_OVER_NEXT = 0.15;
    static final int MAX_CANDIDATES = 3;

    private final DepartmentDirectory directory;
    private final Map<String, Department> units = new LinkedHashMap<>();
    private final Map<String, List<String>> coreNames = new LinkedHashMap<>();
    private final Map<String, DepartmentMatch> seen = new HashMap<>();
    private final Map<String, List<DepartmentMatch>> cells = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>(Arrays.asList("中共", "中国共产党"));

    public DepartmentMatcher(DepartmentDirectory directory) {
        this.directory = directory;
        prefixes.addAll(directory.district().prefixes().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
        for (Department d : directory.all()) {
            Department unit = directory.dispatchUnit(d);
            units.putIfAbsent(unit.id(), unit);
            List<String> cores = coreNames.computeIfAbsent(unit.id(), k -> new ArrayList<>());
            for (String name : d.names()) {
                cores.add(core(name));
            }
        }
    }

    /**
     * The names in one cell (区司法局、区公安分局), each resolved; a blank cell has none. Cells repeat across a
     * ledger, so each distinct cell is read once (normalizing to simplified characters is the costly part).
     */
    public List<DepartmentMatch> matchAll(String cell) {
        return cells.computeIfAbsent(cell == null ? "" : cell, this::readCell);
    }

    private List<DepartmentMatch> readCell(String cell) {
        List<DepartmentMatch> matches = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (String part : ChineseText.normalize(cell).split("[、，,；;/／\\s]+|(?<=[局办委部院队所])[和及与]")) {
            String name = part.strip();
            if (!name.isEmpty() && written.add(name)) {
                matches.add(match(name));
            }
        }
        return List.copyOf(matches);
    }

    public DepartmentMatch match(String written) {
        return seen.computeIfAbsent(written, this::resolve);
    }

    public Optional<Department> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    private DepartmentMatch resolve(String written) {
        Optional<Department> exact = directory.byName(written);
        if (exact.isPresent()) {
            Department unit = directory.dispatchUnit(exact.get());
            return new DepartmentMatch(written, unit.id(), DepartmentMatch.Kind.EXACT, List.of());
        }
        String core = core(written);
        List<DepartmentMatch.Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : coreNames.entrySet()) {
            double best = 0;
            for (String name : e.getValue()) {
                best = Math.max(best, score(core, name));
            }
            if (best >= CANDIDATE) {
                Department unit = units.get(e.getKey());
                candidates.add(new DepartmentMatch.Candidate(unit.id(), unit.displayName(), Math.round(best * 100) / 100.0));
            }
        }
        candidates.sort(Comparator.comparingDouble(DepartmentMatch.Candidate::score).reversed());
        List<DepartmentMatch.Candidate> top = candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
        if (top.isEmpty()) {
            return new DepartmentMatch(written, null, DepartmentMatch.Kind.UNKNOWN, List.of());
        }
        double first = top.get(0).score();
        double second = top.size() > 1 ? top.get(1).score() : 0;
        if (first >= CONFIDENT && first - second >= LEAD_OVER_NEXT) {
            return new DepartmentMatch(written, top.get(0).departmentId(), DepartmentMatch.Kind.FUZZY, top);
        }
        return new DepartmentMatch(written, null, DepartmentMatch.Kind.UNSURE, top);
    }

    /** One name inside the other is close (0.8 at least); else the Dice coefficient of their character bigrams. */
    static double score(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        double dice = dice(a, b);
        return a.length() >= 2 && b.length() >= 2 && (a.contains(b) || b.contains(a)) ? Math.max(0.8, dice) : dice;
    }

    static double dice(String a, String b) {
        List<String> x = bigrams(a);
        List<String> y = new ArrayList<>(bigrams(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String g : x) {
            if (y.remove(g)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + bigrams(b).size());
    }

    private static List<String> bigrams(String s) {
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            grams.add(s.substring(i, i + 2));
        }
        return grams;
    }

    /** A name without what every unit's name shares: 中共, the city and district, a leading 区. */
    private String core(String name) {
        String n = ChineseText.normalize(name).replaceAll("[\\s\\p{P}]", "");
        for (String prefix : prefixes) {
            if (n.startsWith(prefix) && n.length() > prefix.length() + 1) {
                n = n.substring(prefix.length());
            }
        }
        return n.startsWith("区") && n.length() > 2 ? n.substring(1) : n;
    }
}
