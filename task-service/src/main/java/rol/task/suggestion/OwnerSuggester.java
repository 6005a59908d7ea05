package rol.task.suggestion;

import rol.task.directory.Department;
import rol.task.suggestion.DepartmentDirectory.KeywordHit;
import rol.task.suggestion.DepartmentDirectory.Mention;
import rol.task.suggestion.OwnerSuggestion.Owner;
import rol.task.suggestion.OwnerSuggestion.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suggests the lead and co-departments of a plan item. Order of rules (the issue): departments named in the item's
 * own text, then keyword rules, then the issuing department.
 * <ul>
 * <li>A named department marked as lead (由 X 牵头, X 负责, 牵头单位：X) leads; else the first named department
 * that is not marked as supporting.</li>
 * <li>A department after 联合, 会同, 配合, 协同, 协助, 与 … (or before 配合/协助/参与) is a co-department, and so
 * are the ones enumerated right after it (联合区检察院、区公安分局). Every other named department is a co-department
 * too.</li>
 * <li>If every named department supports (联合区检察院开展…: the subject is the writer), the lead comes from the
 * first keyword of another department, else from the issuer.</li>
 * <li>Keywords only ever suggest the lead: a second topic word is not evidence that a second department works on it.</li>
 * </ul>
 */
public final class OwnerSuggester {

    private static final List<String> LEAD_BEFORE = List.of("牵头单位:", "牵头单位为", "牵头单位是", "牵头部门:", "责任单位:", "由");
    private static final List<String> LEAD_AFTER = List.of("牵头", "负责", "主抓", "主导");
    private static final List<String> CO_BEFORE = List.of("配合单位:", "配合单位为", "配合部门:", "协办单位:",
            "联合", "会同", "配合", "协同", "协助", "联同", "携手", "与", "同");
    private static final List<String> CO_AFTER = List.of("配合", "协助", "协同", "参与");
    /** What may stand between two enumerated departments that share a marker. */
    private static final List<String> ENUMERATION = List.of("、", "和", "及", "以及", ",");

    private enum Mark { LEAD, CO, NONE }

    private record Named(Mention mention, Department unit, Mark mark, String markWords) {
    }

    private final DepartmentDirectory directory;

    public OwnerSuggester(DepartmentDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param itemText the plan item's text (title and body; traditional or simplified)
     * @param issuer   the report's issuing organ as written (泉州市鲤城区司法局) or a directory id; may be null
     */
    public OwnerSuggestion suggest(String itemText, String issuer) {
        String text = ChineseText.normalize(itemText);
        List<Named> named = named(text);

        Owner lead = null;
        for (Named n : named) {
            if (n.mark() == Mark.LEAD) {
                lead = owner(n, Rule.NAMED_AS_LEAD, n.markWords(), "named in the text as lead department");
                break;
            }
        }
        if (lead == null) {
            for (Named n : named) {
                if (n.mark() == Mark.NONE) {
                    lead = owner(n, Rule.NAMED, n.mention().words(), "named first in the text");
                    break;
                }
            }
        }
        List<String> supporting = named.stream().filter(n -> n.mark() == Mark.CO).map(n -> n.unit().id()).toList();
        if (lead == null) {
            for (KeywordHit k : directory.keywords(text)) {
                Department unit = directory.dispatchUnit(k.department());
                if (!supporting.contains(unit.id())) {
                    String via = unit == k.department() ? unit.displayName()
                            : k.department().displayName() + " (" + unit.displayName() + ")";
                    lead = new Owner(unit.id(), unit.displayName(), Rule.KEYWORD, k.keyword(),
                            "keyword \"" + k.keyword() + "\" → " + via);
                    break;
                }
            }
        }
        if (lead == null) {
            Optional<Department> from = issuer(issuer).filter(d -> !supporting.contains(d.id()));
            if (from.isPresent()) {
                lead = new Owner(from.get().id(), from.get().displayName(), Rule.ISSUER, issuer.strip(),
                        "no department named and no keyword: the issuing department \"" + issuer.strip() + "\"");
            }
        }

        Map<String, Owner> co = new LinkedHashMap<>();
        for (Named n : named) {
            String id = n.unit().id();
            if ((lead != null && lead.departmentId().equals(id)) || co.containsKey(id)) {
                continue;
            }
            co.put(id, switch (n.mark()) {
                case CO -> owner(n, Rule.NAMED_AS_CO, n.markWords(), "named in the text as co-department");
                case LEAD -> owner(n, Rule.NAMED_AS_LEAD, n.markWords(), "named as lead after another lead department");
                case NONE -> owner(n, Rule.NAMED, n.mention().words(), "named in the text after the lead department");
            });
        }
        return new OwnerSuggestion(lead, new ArrayList<>(co.values()));
    }

    private Optional<Department> issuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        Optional<Department> exact = directory.byId(issuer.strip()).or(() -> directory.byName(issuer));
        if (exact.isPresent()) {
            return exact.map(directory::dispatchUnit);
        }
        return directory.mentions(issuer).stream().findFirst().map(m -> directory.dispatchUnit(m.department()));
    }

    private Owner owner(Named n, Rule rule, String words, String why) {
        Department unit = n.unit();
        String part = unit == n.mention().department() ? ""
                : " (" + n.mention().department().displayName() + " is part of " + unit.displayName() + ")";
        return new Owner(unit.id(), unit.displayName(), rule, words, why + ": \"" + words + "\"" + part);
    }

    private List<Named> named(String text) {
        List<Mention> mentions = directory.mentions(text);
        List<Named> named = new ArrayList<>();
        for (Mention m : mentions) {
            String before = text.substring(0, m.start());
            String after = text.substring(m.end());
            Optional<String> leadBefore = LEAD_BEFORE.stream().filter(before::endsWith).findFirst();
            Optional<String> leadAfter = LEAD_AFTER.stream().filter(after::startsWith).findFirst();
            Optional<String> coBefore = CO_BEFORE.stream().filter(before::endsWith).findFirst();
            Optional<String> coAfter = CO_AFTER.stream().filter(after::startsWith).findFirst();
            Department unit = directory.dispatchUnit(m.department());
            Named previous = named.isEmpty() ? null : named.get(named.size() - 1);
            if (leadBefore.isPresent() || leadAfter.isPresent()) {
                named.add(new Named(m, unit, Mark.LEAD, leadBefore.orElse("") + m.words() + leadAfter.orElse("")));
            } else if (coBefore.isPresent() || coAfter.isPresent()) {
                named.add(new Named(m, unit, Mark.CO, coBefore.orElse("") + m.words() + coAfter.orElse("")));
            } else if (previous != null && previous.mark() != Mark.NONE && enumerated(text, previous.mention(), m)) {
                // 联合区检察院、区公安分局: the enumeration shares its marker
                named.add(new Named(m, unit, previous.mark(),
                        previous.markWords() + text.substring(previous.mention().end(), m.end())));
            } else {
                named.add(new Named(m, unit, Mark.NONE, m.words()));
            }
        }
        // 区司法局、区公安分局配合: a marker after the last member of an enumeration marks the members before it
        for (int i = named.size() - 2; i >= 0; i--) {
            Named n = named.get(i);
            Named next = named.get(i + 1);
            String afterNext = text.substring(next.mention().end());
            boolean markedAfter = LEAD_AFTER.stream().anyMatch(afterNext::startsWith)
                    || CO_AFTER.stream().anyMatch(afterNext::startsWith);
            if (n.mark() == Mark.NONE && next.mark() != Mark.NONE && markedAfter && enumerated(text, n.mention(), next.mention())) {
                String marker = next.markWords().substring(next.markWords().indexOf(next.mention().words()) + next.mention().words().length());
                named.set(i, new Named(n.mention(), n.unit(), next.mark(),
                        text.substring(n.mention().start(), next.mention().end()) + marker));
            }
        }
        return named;
    }

    private static boolean enumerated(String text, Mention previous, Mention m) {
        String between = text.substring(previous.end(), m.start()).strip();
        return ENUMERATION.contains(between);
    }
}
