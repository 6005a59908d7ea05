package rol.task.workflow;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every state × action × kind of actor, against the table written out here by hand (not read from Lifecycle):
 * a change to the lifecycle must change this test too.
 */
class LifecycleTableTest {

    /** state: action=next ... ("=" alone: stays). */
    private static final String TABLE = """
            DRAFT: UPDATE_DEFINITION= DISPATCH=DISPATCHED CANCEL=CANCELLED FLAG_KEY_SUPERVISION= UNFLAG_KEY_SUPERVISION= PLAN_MILESTONES=
            DISPATCHED: UPDATE_DEFINITION= ACKNOWLEDGE=ACKNOWLEDGED CANCEL=CANCELLED FLAG_KEY_SUPERVISION= UNFLAG_KEY_SUPERVISION= PLAN_MILESTONES=
            ACKNOWLEDGED: UPDATE_DEFINITION= REPORT_PROGRESS=IN_PROGRESS REQUEST_EXTENSION= DECIDE_EXTENSION= REASSIGN=DISPATCHED CANCEL=CANCELLED FLAG_KEY_SUPERVISION= UNFLAG_KEY_SUPERVISION= PLAN_MILESTONES= COMPLETE_MILESTONE=
            IN_PROGRESS: UPDATE_DEFINITION= REPORT_PROGRESS= REQUEST_EXTENSION= DECIDE_EXTENSION= SUBMIT=SUBMITTED REASSIGN=DISPATCHED CANCEL=CANCELLED FLAG_KEY_SUPERVISION= UNFLAG_KEY_SUPERVISION= PLAN_MILESTONES= COMPLETE_MILESTONE=
            SUBMITTED: DECIDE_EXTENSION= CLOSE=CLOSED RETURN=RETURNED CANCEL=CANCELLED FLAG_KEY_SUPERVISION= UNFLAG_KEY_SUPERVISION= COMPLETE_MILESTONE=
            RETURNED: UPDATE_DEFINITION= REPORT_PROGRESS=IN_PROGRESS REQUEST_EXTENSION= DECIDE_EXTENSION= SUBMIT=SUBMITTED REASSIGN=DISPATCHED CANCEL=CANCELLED FLAG_KEY_SUPERVISION= UNFLAG_KEY_SUPERVISION= PLAN_MILESTONES= COMPLETE_MILESTONE=
            CLOSED:
            CANCELLED:
            """;

    /** action: capacities that may perform it. */
    private static final String WHO = """
            UPDATE_DEFINITION: OFFICE
            DISPATCH: OFFICE
            ACKNOWLEDGE: OFFICE LEAD_DEPARTMENT
            REPORT_PROGRESS: OFFICE LEAD_DEPARTMENT CO_DEPARTMENT
            REQUEST_EXTENSION: OFFICE LEAD_DEPARTMENT
            DECIDE_EXTENSION: OFFICE
            SUBMIT: OFFICE LEAD_DEPARTMENT
            CLOSE: OFFICE
            RETURN: OFFICE
            REASSIGN: OFFICE
            CANCEL: OFFICE
            FLAG_KEY_SUPERVISION: OFFICE
            UNFLAG_KEY_SUPERVISION: OFFICE
            PLAN_MILESTONES: OFFICE LEAD_DEPARTMENT
            COMPLETE_MILESTONE: OFFICE LEAD_DEPARTMENT
            """;

    private static final TaskOwners OWNERS = TaskOwners.of("judicial-bureau", "procuratorate", "kaiyuan-subdistrict");

    /** Each kind of actor, with the capacity it should have on a task with OWNERS (null: none) and why not. */
    private record Case(String name, Actor actor, Performer capacity, Reason noCapacity) {
    }

    private static final Case[] CASES = {
            new Case("office", Actor.office(), Performer.OFFICE, null),
            new Case("office who also has a department", Actor.of(Set.of("office", "department"), "market-regulation"), Performer.OFFICE, null),
            new Case("lead department", Actor.department("judicial-bureau"), Performer.LEAD_DEPARTMENT, null),
            new Case("co-department", Actor.department("kaiyuan-subdistrict"), Performer.CO_DEPARTMENT, null),
            new Case("uninvolved department", Actor.department("market-regulation"), null, Reason.NOT_INVOLVED),
            new Case("department without claim", Actor.of(Set.of("department"), " "), null, Reason.DEPARTMENT_CLAIM_MISSING),
            new Case("leader", Actor.leader(), null, Reason.READ_ONLY_ROLE),
            new Case("auditor", Actor.auditor(), null, Reason.READ_ONLY_ROLE),
            new Case("leader with a department claim", Actor.of(Set.of("leader"), "judicial-bureau"), null, Reason.READ_ONLY_ROLE),
            new Case("no role of ours", Actor.of(Set.of("offline_access", "uma_authorization"), null), null, Reason.READ_ONLY_ROLE),
    };

    private static Map<TaskState, Map<TaskAction, TaskState>> table() {
        Map<TaskState, Map<TaskAction, TaskState>> table = new EnumMap<>(TaskState.class);
        for (String line : TABLE.strip().split("\n")) {
            String[] head = line.split(":", 2);
            TaskState from = TaskState.valueOf(head[0].strip());
            Map<TaskAction, TaskState> row = new EnumMap<>(TaskAction.class);
            for (String cell : head[1].strip().split("\\s+")) {
                if (cell.isEmpty()) {
                    continue;
                }
                String[] kv = cell.split("=", -1);
                row.put(TaskAction.valueOf(kv[0]), kv[1].isEmpty() ? from : TaskState.valueOf(kv[1]));
            }
            table.put(from, row);
        }
        assertEquals(TaskState.values().length, table.size(), "the hand table names every state");
        return table;
    }

    private static Map<TaskAction, Set<Performer>> who() {
        Map<TaskAction, Set<Performer>> who = new LinkedHashMap<>();
        for (String line : WHO.strip().split("\n")) {
            String[] head = line.split(":", 2);
            Set<Performer> ps = EnumSet.noneOf(Performer.class);
            for (String p : head[1].strip().split("\\s+")) {
                ps.add(Performer.valueOf(p));
            }
            who.put(TaskAction.valueOf(head[0].strip()), ps);
        }
        assertEquals(TaskAction.values().length, who.size(), "the hand table names every action");
        return who;
    }

    @Test
    void everyStateActionAndActorIsDecidedAsTheTableSays() {
        Lifecycle lifecycle = Lifecycle.standard();
        Map<TaskState, Map<TaskAction, TaskState>> table = table();
        Map<TaskAction, Set<Performer>> who = who();
        int checked = 0;
        for (Case c : CASES) {
            assertEquals(c.capacity(), Lifecycle.capacity(c.actor(), c.actor().participationIn(OWNERS)).orElse(null), c.name());
            for (TaskState state : TaskState.values()) {
                Set<TaskAction> expectedAllowed = EnumSet.noneOf(TaskAction.class);
                if (c.capacity() != null) {
                    table.get(state).keySet().stream().filter(a -> who.get(a).contains(c.capacity())).forEach(expectedAllowed::add);
                }
                for (TaskAction action : TaskAction.values()) {
                    Decision d = lifecycle.decide(state, action, c.actor(), OWNERS);
                    String where = c.name() + " " + action + " in " + state;
                    assertEquals(state, d.state(), where);
                    assertEquals(action, d.action(), where);
                    if (c.capacity() == null) {
                        assertEquals(Decision.Outcome.REFUSED_BY_ROLE, d.outcome(), where);
                        assertEquals(c.noCapacity(), d.reason(), where);
                        assertEquals(403, d.httpStatus(), where);
                        assertEquals(Set.of(), d.allowedActions(), where);
                    } else if (!who.get(action).contains(c.capacity())) {
                        assertEquals(Decision.Outcome.REFUSED_BY_ROLE, d.outcome(), where);
                        assertEquals(who.get(action).contains(Performer.LEAD_DEPARTMENT)
                                ? Reason.LEAD_DEPARTMENT_ONLY : Reason.OFFICE_ONLY, d.reason(), where);
                        assertEquals(403, d.httpStatus(), where);
                    } else if (table.get(state).containsKey(action)) {
                        assertEquals(Decision.Outcome.ALLOWED, d.outcome(), where);
                        assertEquals(Reason.ALLOWED, d.reason(), where);
                        assertEquals(table.get(state).get(action), d.next(), where);
                        assertEquals(expectedAllowed, d.allowedActions(), where);
                    } else {
                        assertEquals(Decision.Outcome.REFUSED_BY_STATE, d.outcome(), where);
                        assertEquals(Reason.NOT_ALLOWED_IN_STATE, d.reason(), where);
                        assertEquals(409, d.httpStatus(), where);
                        assertNull(d.next(), where);
                        assertEquals(expectedAllowed, d.allowedActions(), where);
                    }
                    checked++;
                }
                assertEquals(expectedAllowed, lifecycle.allowedActions(state, c.actor(), c.actor().participationIn(OWNERS)),
                        c.name() + " in " + state);
            }
        }
        assertEquals(CASES.length * TaskState.values().length * TaskAction.values().length, checked);
    }

    @Test
    void theTableHasExactlyTheHandWrittenRows() {
        Lifecycle lifecycle = Lifecycle.standard();
        Map<TaskState, Map<TaskAction, TaskState>> table = table();
        for (TaskState state : TaskState.values()) {
            assertEquals(table.get(state).keySet(), lifecycle.actionsIn(state), state.name());
            for (TaskAction action : TaskAction.values()) {
                assertEquals(table.get(state).get(action), lifecycle.next(state, action).orElse(null), state + " " + action);
            }
        }
        who().forEach((action, ps) -> assertEquals(ps, lifecycle.performers(action), action.name()));
        assertEquals(table.values().stream().mapToInt(Map::size).sum(), lifecycle.transitions().size());
    }
}
