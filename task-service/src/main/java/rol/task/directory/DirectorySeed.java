package rol.task.directory;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A district's directory as written in {@code src/main/resources/directory/<district>.yaml}: read with SnakeYAML's
 * safe constructor (plain maps and lists, no types named by the file) and validated before anyone uses it.
 */
public record DirectorySeed(District district, List<Department> departments) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public DirectorySeed {
        departments = List.copyOf(departments);
    }

    /** The seed shipped with the service for a district id, e.g. {@code licheng}. */
    public static DirectorySeed forDistrict(String districtId) {
        if (!ID.matcher(districtId).matches()) {
            throw new IllegalArgumentException("not a district id: " + districtId);
        }
        String resource = "/directory/" + districtId + ".yaml";
        try (InputStream in = DirectorySeed.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no directory seed for district " + districtId);
            }
            DirectorySeed seed = load(in);
            if (!seed.district().id().equals(districtId)) {
                throw new InvalidSeedException(List.of(resource + " describes district " + seed.district().id()));
            }
            return seed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates a seed (UTF-8); throws {@link InvalidSeedException} listing every problem found. */
    public static DirectorySeed load(InputStream yaml) {
        Object root;
        try (Reader reader = new InputStreamReader(yaml, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new InvalidSeedException(List.of("not YAML: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> top)) {
            throw new InvalidSeedException(List.of("the file must be a mapping with 'district' and 'units'"));
        }
        District district = district(top.get("district"), problems);
        List<Department> departments = new ArrayList<>();
        if (top.get("units") instanceof List<?> units) {
            for (int i = 0; i < units.size(); i++) {
                Department d = department(units.get(i), "units[" + i + "]", problems);
                if (d != null) {
                    departments.add(d);
                }
            }
        } else {
            problems.add("'units' must be a list");
        }
        if (problems.isEmpty()) {
            validate(district, departments, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSeedException(problems);
        }
        return new DirectorySeed(district, departments);
    }

    /**
     * Every name a text may use for the unit: its names, and for names beginning with 区 the same with each of the
     * district's prefixes in place of the 区 (区司法局 → 泉州市鲤城区司法局, 鲤城区司法局, 鲤城司法局).
     */
    public List<String> namesOf(Department d) {
        Set<String> all = new LinkedHashSet<>();
        for (String n : d.names()) {
            all.add(n);
            if (n.startsWith("区")) {
                for (String prefix : district.prefixes()) {
                    all.add(prefix + n.substring(1));
                }
            }
        }
        return List.copyOf(all);
    }

    private static void validate(District district, List<Department> departments, List<String> problems) {
        Map<String, Department> byId = new LinkedHashMap<>();
        for (Department d : departments) {
            if (byId.put(d.id(), d) != null) {
                problems.add("duplicate id " + d.id());
            }
        }
        for (Department d : departments) {
            if (d.parent() != null && !byId.containsKey(d.parent())) {
                problems.add(d.id() + ": parent " + d.parent() + " does not exist");
            }
            if ((d.kind() == Department.Kind.UNIT) != (d.parent() != null)) {
                problems.add(d.id() + ": sub-units (kind unit) and only they have a parent");
            }
        }
        for (Department d : departments) {
            Set<String> seen = new HashSet<>();
            for (Department at = d; at != null && at.parent() != null; at = byId.get(at.parent())) {
                if (!seen.add(at.id())) {
                    problems.add(d.id() + ": parents form a cycle through " + at.id());
                    break;
                }
            }
        }
        DirectorySeed seed = new DirectorySeed(district, departments);
        Map<String, String> nameOwner = new HashMap<>();
        Map<String, String> keywordOwner = new HashMap<>();
        for (Department d : departments) {
            for (String n : seed.namesOf(d)) {
                String other = nameOwner.putIfAbsent(n, d.id());
                if (other != null && !other.equals(d.id())) {
                    problems.add("name " + n + " belongs to both " + other + " and " + d.id());
                }
            }
            for (String k : d.keywords()) {
                String other = keywordOwner.putIfAbsent(k, d.id());
                if (other != null && !other.equals(d.id())) {
                    problems.add("keyword " + k + " belongs to both " + other + " and " + d.id());
                }
            }
        }
    }

    private static District district(Object node, List<String> problems) {
        if (!(node instanceof Map<?, ?> m)) {
            problems.add("'district' must be a mapping with id and name");
            return new District("?", "?", List.of(), List.of());
        }
        String id = text(m, "id", "district", problems, true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("district: id " + id + " is not lower-case-hyphen");
        }
        return new District(Objects.requireNonNullElse(id, "?"),
                Objects.requireNonNullElse(text(m, "name", "district", problems, true), "?"),
                texts(m, "prefixes", "district", problems), texts(m, "places", "district", problems));
    }

    private static Department department(Object node, String where, List<String> problems) {
        if (!(node instanceof Map<?, ?> m)) {
            problems.add(where + ": must be a mapping");
            return null;
        }
        String id = text(m, "id", where, problems, true);
        if (id != null) {
            where = id;
            if (!ID.matcher(id).matches()) {
                problems.add(id + ": id is not lower-case-hyphen");
            }
        }
        String name = text(m, "name", where, problems, true);
        String kindText = text(m, "kind", where, problems, true);
        Department.Kind kind = null;
        if (kindText != null) {
            try {
                kind = Department.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": unknown kind " + kindText);
            }
        }
        for (Object key : m.keySet()) {
            if (!Set.of("id", "name", "kind", "parent", "short", "aliases", "keywords").contains(String.valueOf(key))) {
                problems.add(where + ": unknown field " + key);
            }
        }
        List<String> shortNames = texts(m, "short", where, problems);
        List<String> aliases = texts(m, "aliases", where, problems);
        List<String> keywords = texts(m, "keywords", where, problems);
        String parent = text(m, "parent", where, problems, false);
        if (id == null || name == null || kind == null) {
            return null;
        }
        return new Department(id, name, kind, parent, shortNames, aliases, keywords);
    }

    private static String text(Map<?, ?> m, String key, String where, List<String> problems, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problems.add(where + ": " + key + " is missing");
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add(where + ": " + key + " must be a non-empty text");
            return null;
        }
        return s.strip();
    }

    private static List<String> texts(Map<?, ?> m, String key, String where, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problems.add(where + ": " + key + " must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String s && !s.isBlank()) {
                out.add(s.strip());
            } else {
                problems.add(where + ": " + key + " has an entry that is not a non-empty text: " + item);
            }
        }
        return out;
    }
}
