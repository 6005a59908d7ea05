package rol.task.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * One unit of a district's directory: a department, sub-district, party organ, court or procuratorate, or a
 * sub-unit of one of them ({@code parent}). Tasks are dispatched to units without a parent; a sub-unit found in a
 * text stands for the unit it belongs to.
 *
 * @param shortNames the names offices write (区司法局), aliases other ways of referring to it (司法行政部门)
 * @param keywords   plan words that make this unit the one to suggest when a text names no department
 */
public record Department(String id, String name, Kind kind, String parent, List<String> shortNames,
                         List<String> aliases, List<String> keywords) {

    public enum Kind {
        PARTY, GOVERNMENT, JUDICIAL, SUBDISTRICT, UNIT
    }

    public Department {
        shortNames = List.copyOf(shortNames);
        aliases = List.copyOf(aliases);
        keywords = List.copyOf(keywords);
    }

    /** The full name, the short names and the aliases, in that order. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(shortNames);
        all.addAll(aliases);
        return all;
    }

    /** The name offices use in lists: the first short name, else the full name. */
    public String displayName() {
        return shortNames.isEmpty() ? name : shortNames.get(0);
    }
}
