package rol.task.ledgerimport.reading;

import rol.task.workflow.TaskState;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the office corrected in a preview: a department name as written → the directory id it means, a state as
 * written → the lifecycle state, and rows to leave out (by {@link ImportRow#key}). Applied to every row alike.
 */
public record Corrections(Map<String, String> departments, Map<String, TaskState> states, Set<String> skipped) {

    public static final Corrections NONE = new Corrections(Map.of(), Map.of(), Set.of());

    public Corrections {
        departments = Map.copyOf(departments);
        states = Map.copyOf(states);
        skipped = Set.copyOf(skipped);
    }

    /** These corrections, then the newer ones over them; a skip can be taken back ({@code unskipped}). */
    public Corrections with(Map<String, String> moreDepartments, Map<String, TaskState> moreStates,
                            Set<String> moreSkipped, Set<String> unskipped) {
        Map<String, String> d = new HashMap<>(departments);
        d.putAll(moreDepartments);
        Map<String, TaskState> s = new HashMap<>(states);
        s.putAll(moreStates);
        Set<String> k = new HashSet<>(skipped);
        k.addAll(moreSkipped);
        k.removeAll(unskipped);
        return new Corrections(d, s, k);
    }
}
