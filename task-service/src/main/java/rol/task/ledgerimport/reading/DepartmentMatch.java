package rol.task.ledgerimport.reading;

import java.util.List;

/**
 * What a department name written in the ledger was resolved to. EXACT: one of the unit's names. FUZZY: one unit is
 * clearly the closest (a warning: check it). UNSURE: several come close, the office picks (the candidates, best
 * first). UNKNOWN: none comes close.
 */
public record DepartmentMatch(String written, String departmentId, Kind kind, List<Candidate> candidates) {

    public enum Kind {
        EXACT, FUZZY, UNSURE, UNKNOWN
    }

    public record Candidate(String departmentId, String name, double score) {
    }

    public DepartmentMatch {
        candidates = List.copyOf(candidates);
    }

    public boolean resolved() {
        return departmentId != null;
    }
}
