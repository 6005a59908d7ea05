package rol.task.suggestion;

import java.util.List;
import java.util.Optional;

/**
 * Suggested owners for one plan item: a lead department (none when no rule applies: the office chooses) and
 * co-departments, each with the rule and the words that made it.
 */
public record OwnerSuggestion(Owner lead, List<Owner> coDepartments) {

    /** Which rule suggested a department, strongest first. */
    public enum Rule {
        /** The text names it as lead: 由区司法局牵头, 区司法局负责, 牵头单位：区司法局. */
        NAMED_AS_LEAD,
        /** The text names it without saying lead or co: the first such department leads. */
        NAMED,
        /** The text names it as supporting: 联合/会同/配合/协同/与 区检察院, 区公安分局配合. */
        NAMED_AS_CO,
        /** A keyword of the directory: 行政复议 → 行政复议科 (区司法局). */
        KEYWORD,
        /** Nothing in the text: the department that wrote the plan. */
        ISSUER
    }

    /**
     * @param departmentId the unit to dispatch to (a sub-unit found in the text stands for its department)
     * @param words        the words of the text (or the issuer) the rule matched
     * @param reason       what happened, in English for logs and tests; the console words it from rule and words
     */
    public record Owner(String departmentId, String name, Rule rule, String words, String reason) {
    }

    public OwnerSuggestion {
        coDepartments = List.copyOf(coDepartments);
    }

    public Optional<Owner> leadIfAny() {
        return Optional.ofNullable(lead);
    }

    public List<String> coDepartmentIds() {
        return coDepartments.stream().map(Owner::departmentId).toList();
    }
}
