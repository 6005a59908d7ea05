package rol.task.workflow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task view's allowedActions: the table's actions for the caller's capacity, less those the task's facts leave
 * nothing to act on. Every state × capacity, with the facts all false and all true, against lists written out here.
 */
class AllowedActionsTest {

    private static final TaskOwners OWNERS = TaskOwners.of("judicial-bureau", "market-regulation");
    private static final TaskFacts NONE = new TaskFacts(false, false, false);
    private static final TaskFacts ALL = new TaskFacts(true, true, true);

    /** capacity state: actions with facts all false | with facts all true ("-": none). */
    private static final String EXPECTED = """
            office DRAFT: UPDATE_DEFINITION DISPATCH CANCEL FLAG_KEY_SUPERVISION PLAN_MILESTONES | UPDATE_DEFINITION DISPATCH CANCEL UNFLAG_KEY_SUPERVISION PLAN_MILESTONES
            office DISPATCHED: UPDATE_DEFINITION ACKNOWLEDGE CANCEL FLAG_KEY_SUPERVISION PLAN_MILESTONES | UPDATE_DEFINITION ACKNOWLEDGE CANCEL UNFLAG_KEY_SUPERVISION PLAN_MILESTONES
            office ACKNOWLEDGED: UPDATE_DEFINITION REPORT_PROGRESS REQUEST_EXTENSION REASSIGN CANCEL FLAG_KEY_SUPERVISION PLAN_MILESTONES | UPDATE_DEFINITION REPORT_PROGRESS DECIDE_EXTENSION REASSIGN CANCEL UNFLAG_KEY_SUPERVISION PLAN_MILESTONES COMPLETE_MILESTONE
            office IN_PROGRESS: UPDATE_DEFINITION REPORT_PROGRESS REQUEST_EXTENSION SUBMIT REASSIGN CANCEL FLAG_KEY_SUPERVISION PLAN_MILESTONES | UPDATE_DEFINITION REPORT_PROGRESS DECIDE_EXTENSION SUBMIT REASSIGN CANCEL UNFLAG_KEY_SUPERVISION PLAN_MILESTONES COMPLETE_MILESTONE
            office SUBMITTED: CLOSE RETURN CANCEL FLAG_KEY_SUPERVISION | DECIDE_EXTENSION CLOSE RETURN CANCEL UNFLAG_KEY_SUPERVISION COMPLETE_MILESTONE
            office RETURNED: UPDATE_DEFINITION REPORT_PROGRESS REQUEST_EXTENSION SUBMIT REASSIGN CANCEL FLAG_KEY_SUPERVISION PLAN_MILESTONES | UPDATE_DEFINITION REPORT_PROGRESS DECIDE_EXTENSION SUBMIT REASSIGN CANCEL UNFLAG_KEY_SUPERVISION PLAN_MILESTONES COMPLETE_MILESTONE
            office CLOSED: - | -
            office CANCELLED: - | -
            lead DRAFT: PLAN_MILESTONES | PLAN_MILESTONES
            lead DISPATCHED: ACKNOWLEDGE PLAN_MILESTONES | ACKNOWLEDGE PLAN_MILESTONES
            lead ACKNOWLEDGED: REPORT_PROGRESS REQUEST_EXTENSION PLAN_MILESTONES | REPORT_PROGRESS PLAN_MILESTONES COMPLETE_MILESTONE
            lead IN_PROGRESS: REPORT_PROGRESS REQUEST_EXTENSION SUBMIT PLAN_MILESTONES | REPORT_PROGRESS SUBMIT PLAN_MILESTONES COMPLETE_MILESTONE
            lead SUBMITTED: - | COMPLETE_MILESTONE
            lead RETURNED: REPORT_PROGRESS REQUEST_EXTENSION SUBMIT PLAN_MILESTONES | REPORT_PROGRESS SUBMIT PLAN_MILESTONES COMPLETE_MILESTONE
            lead CLOSED: - | -
            lead CANCELLED: - | -
            co DRAFT: - | -
            co DISPATCHED: - | -
            co ACKNOWLEDGED: REPORT_PROGRESS | REPORT_PROGRESS
            co IN_PROGRESS: REPORT_PROGRESS | REPORT_PROGRESS
            co SUBMITTED: - | -
            co RETURNED: REPORT_PROGRESS | REPORT_PROGRESS
            co CLOSED: - | -
            co CANCELLED: - | -
            """;

    private static Actor actor(String capacity) {
        return switch (capacity) {
            case "office" -> Actor.office();
            case "lead" -> Actor.department("judicial-bureau");
            case "co" -> Actor.department("market-regulation");
            default -> throw new IllegalArgumentException(capacity);
        };
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : EXPECTED.strip().split("\n")) {
            String[] head = line.split(":", 2);
            String[] who = head[0].split(" ");
            String[] lists = head[1].split("\\|");
            rows.add(Arguments.of(who[0], TaskState.valueOf(who[1]), actions(lists[0]), actions(lists[1])));
        }
        assertEquals(3 * TaskState.values().length, rows.size(), "every capacity in every state");
        return rows.stream();
    }

    private static List<TaskAction> actions(String list) {
        String s = list.strip();
        return s.equals("-") ? List.of() : Arrays.stream(s.split("\\s+")).map(TaskAction::valueOf).toList();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("rows")
    void eachCapacityInEachStateGetsItsList(String capacity, TaskState state, List<TaskAction> withNone,
                                            List<TaskAction> withAll) {
        Actor actor = actor(capacity);
        Participation p = actor.participationIn(OWNERS);
        // a list, so that the order (TaskAction's, the console's button order) is checked too
        assertEquals(withNone, List.copyOf(Lifecycle.standard().allowedActions(state, actor, p, NONE)));
        assertEquals(withAll, List.copyOf(Lifecycle.standard().allowedActions(state, actor, p, ALL)));
    }

    /** Leaders, auditors, departments not involved and department users without a department act on nothing. */
    @ParameterizedTest
    @EnumSource(TaskState.class)
    void whoCannotActGetsNothingInAnyState(TaskState state) {
        for (Actor actor : List.of(Actor.leader(), Actor.auditor(), Actor.department("kaiyuan-subdistrict"),
                Actor.of(Set.of("department"), null))) {
            for (TaskFacts facts : facts()) {
                assertEquals(Set.of(), Lifecycle.standard().allowedActions(state, actor, actor.participationIn(OWNERS),
                        facts), actor + " in " + state);
            }
        }
    }

    /**
     * For every combination of facts: each listed action is one {@code decide} allows, and what the table allows but
     * the list leaves out is only ever an action the facts make pointless.
     */
    @ParameterizedTest
    @EnumSource(TaskState.class)
    void theListIsTheTableLessWhatTheFactsRuleOut(TaskState state) {
        Set<TaskAction> factBound = EnumSet.of(TaskAction.FLAG_KEY_SUPERVISION, TaskAction.UNFLAG_KEY_SUPERVISION,
                TaskAction.REQUEST_EXTENSION, TaskAction.DECIDE_EXTENSION, TaskAction.COMPLETE_MILESTONE);
        for (String capacity : List.of("office", "lead", "co")) {
            Actor actor = actor(capacity);
            Participation p = actor.participationIn(OWNERS);
            Set<TaskAction> table = Lifecycle.standard().allowedActions(state, actor, p);
            for (TaskFacts facts : facts()) {
                Set<TaskAction> listed = Lifecycle.standard().allowedActions(state, actor, p, facts);
                for (TaskAction a : listed) {
                    assertTrue(Lifecycle.standard().decide(state, a, actor, OWNERS).allowed(), a + " " + facts);
                }
                Set<TaskAction> left = EnumSet.noneOf(TaskAction.class);
                left.addAll(table);
                left.removeAll(listed);
                assertTrue(factBound.containsAll(left), capacity + " " + state + " " + facts + " left out " + left);
                // flag and unflag are never both offered, and never both missing where the table has them
                if (table.contains(TaskAction.FLAG_KEY_SUPERVISION)) {
                    assertEquals(1, listed.stream().filter(a -> a == TaskAction.FLAG_KEY_SUPERVISION
                            || a == TaskAction.UNFLAG_KEY_SUPERVISION).count());
                }
            }
        }
    }

    private static List<TaskFacts> facts() {
        List<TaskFacts> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(new TaskFacts((i & 1) != 0, (i & 2) != 0, (i & 4) != 0));
        }
        return all;
    }
}
