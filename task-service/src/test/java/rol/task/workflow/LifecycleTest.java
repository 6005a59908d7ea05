package rol.task.workflow;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.workflow.TaskAction.*;
import static rol.task.workflow.TaskState.*;

class LifecycleTest {

    private final Lifecycle lifecycle = Lifecycle.standard();
    private final TaskOwners owners = TaskOwners.of("judicial-bureau", "procuratorate");
    private final Actor office = Actor.office();
    private final Actor lead = Actor.department("judicial-bureau");
    private final Actor co = Actor.department("procuratorate");

    /** Applies the actions in order, each by the given actor, and returns the final state. */
    private TaskState walk(TaskState state, Object... actorsAndActions) {
        for (int i = 0; i < actorsAndActions.length; i += 2) {
            Decision d = lifecycle.decide(state, (TaskAction) actorsAndActions[i + 1], (Actor) actorsAndActions[i], owners);
            assertTrue(d.allowed(), d.toString());
            state = d.next();
        }
        return state;
    }

    @Test
    void aTaskGoesFromDraftToClosed() {
        assertEquals(CLOSED, walk(DRAFT, office, DISPATCH, lead, ACKNOWLEDGE, co, REPORT_PROGRESS,
                lead, REPORT_PROGRESS, lead, SUBMIT, office, CLOSE));
    }

    @Test
    void returnedTaskGoesBackToInProgress() {
        TaskState returned = walk(SUBMITTED, office, RETURN);
        assertEquals(RETURNED, returned);
        assertEquals(IN_PROGRESS, walk(returned, lead, REPORT_PROGRESS));
        assertEquals(SUBMITTED, walk(returned, lead, SUBMIT), "the lead may resubmit at once");
        assertTrue(returned.underWay(), "rollups count a returned task as under way");
    }

    @Test
    void theFirstProgressReportStartsTheWork() {
        assertEquals(IN_PROGRESS, walk(ACKNOWLEDGED, lead, REPORT_PROGRESS));
        assertEquals(IN_PROGRESS, walk(IN_PROGRESS, co, REPORT_PROGRESS));
    }

    @Test
    void aStateConflictNamesTheStateAndWhatTheActorMayDoInstead() {
        Decision d = lifecycle.decide(DISPATCHED, SUBMIT, lead, owners);
        assertEquals(Decision.Outcome.REFUSED_BY_STATE, d.outcome());
        assertEquals(409, d.httpStatus());
        assertEquals(DISPATCHED, d.state());
        assertEquals(Set.of(ACKNOWLEDGE, PLAN_MILESTONES), d.allowedActions());
        assertEquals("task.action-not-allowed-in-state", d.reason().code());
    }

    @Test
    void closedAndCancelledTasksAllowNothing() {
        for (TaskAction a : TaskAction.values()) {
            assertEquals(409, lifecycle.decide(CLOSED, a, office, owners).httpStatus(), a.name());
            assertEquals(409, lifecycle.decide(CANCELLED, a, office, owners).httpStatus(), a.name());
        }
    }

    @Test
    void aCoDepartmentReportsProgressButDoesNotSubmitOrAcknowledge() {
        assertTrue(lifecycle.decide(IN_PROGRESS, REPORT_PROGRESS, co, owners).allowed());
        Decision submit = lifecycle.decide(IN_PROGRESS, SUBMIT, co, owners);
        assertEquals(403, submit.httpStatus());
        assertEquals(Reason.LEAD_DEPARTMENT_ONLY, submit.reason());
        assertEquals(Reason.LEAD_DEPARTMENT_ONLY, lifecycle.decide(DISPATCHED, ACKNOWLEDGE, co, owners).reason());
    }

    @Test
    void aDepartmentCannotChangeTheDefinitionEvenOfItsOwnTask() {
        for (TaskState s : List.of(DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, RETURNED)) {
            Decision d = lifecycle.decide(s, UPDATE_DEFINITION, lead, owners);
            assertEquals(403, d.httpStatus(), s.name());
            assertEquals(Reason.OFFICE_ONLY, d.reason());
            assertTrue(lifecycle.decide(s, UPDATE_DEFINITION, office, owners).allowed());
        }
    }

    @Test
    void aRefusalByRoleSaysNothingAboutTheState() {
        // a department that is not involved is not told what it could do instead
        Decision d = lifecycle.decide(IN_PROGRESS, REPORT_PROGRESS, Actor.department("market-regulation"), owners);
        assertEquals(Reason.NOT_INVOLVED, d.reason());
        assertEquals(Set.of(), d.allowedActions());
        // role is checked first even where the state would refuse too
        assertEquals(403, lifecycle.decide(CLOSED, CLOSE, Actor.leader(), owners).httpStatus());
    }

    @Test
    void nobodyButTheOfficeActsOnADraftBecauseADraftHasNoOwners() {
        Actor suggestedLead = Actor.department("judicial-bureau");
        assertEquals(Participation.NONE, suggestedLead.participationIn(TaskOwners.NONE));
        assertEquals(Set.of(), lifecycle.allowedActions(DRAFT, suggestedLead, Participation.NONE));
        assertEquals(EnumSet.of(UPDATE_DEFINITION, DISPATCH, CANCEL, FLAG_KEY_SUPERVISION, UNFLAG_KEY_SUPERVISION,
                        PLAN_MILESTONES),
                lifecycle.allowedActions(DRAFT, office, Participation.NONE));
    }

    @Test
    void reassigningAnAcknowledgedTaskNeedsANewAcknowledgement() {
        assertEquals(DISPATCHED, walk(IN_PROGRESS, office, REASSIGN));
        assertEquals(409, lifecycle.decide(DISPATCHED, REASSIGN, office, owners).httpStatus(),
                "before acknowledgement the lead is changed by UPDATE_DEFINITION");
    }

    @Test
    void extensionsAreRequestedByTheLeadAndDecidedByTheOffice() {
        assertTrue(lifecycle.decide(IN_PROGRESS, REQUEST_EXTENSION, lead, owners).allowed());
        assertEquals(Reason.LEAD_DEPARTMENT_ONLY, lifecycle.decide(IN_PROGRESS, REQUEST_EXTENSION, co, owners).reason());
        assertEquals(Reason.OFFICE_ONLY, lifecycle.decide(IN_PROGRESS, DECIDE_EXTENSION, lead, owners).reason());
        assertEquals(409, lifecycle.decide(DISPATCHED, REQUEST_EXTENSION, lead, owners).httpStatus(), "acknowledge first");
        assertTrue(lifecycle.decide(SUBMITTED, DECIDE_EXTENSION, office, owners).allowed(), "a pending request can still be decided");
    }

    @Test
    void readOnlyRolesReadAndOnlyTheAuditorReadsHistory() {
        assertTrue(Access.canRead(Actor.leader(), Participation.NONE));
        assertFalse(Access.canReadHistory(Actor.leader(), Participation.NONE));
        assertTrue(Access.canRead(Actor.auditor(), Participation.NONE));
        assertTrue(Access.canReadHistory(Actor.auditor(), Participation.NONE));
        assertTrue(Access.canReadHistory(Actor.office(), Participation.NONE));
        assertTrue(Access.canRead(co, Participation.CO));
        assertTrue(Access.canReadHistory(lead, Participation.LEAD));
        assertFalse(Access.canRead(Actor.department("market-regulation"), Participation.NONE));
        assertFalse(Access.canRead(Actor.of(Set.of("department"), null), Participation.LEAD), "no claim, no department");
    }

    @Test
    void ownersKeepTheLeadOutOfTheCoDepartments() {
        assertThrows(IllegalArgumentException.class, () -> TaskOwners.of("judicial-bureau", "judicial-bureau"));
        assertEquals(Participation.CO, owners.participationOf("procuratorate"));
        assertEquals(Participation.NONE, owners.participationOf(null));
    }
}
