package rol.task.rectification;

import org.junit.jupiter.api.Test;
import rol.task.workflow.TaskState;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status rule, without Quarkus: tasks decide it, unless a later report named the problem again. */
class RectificationStatusTest {

    @Test
    void theConfirmedTasksDecideWhileTheProblemHasNotRecurred() {
        assertEquals(RectificationStatus.NEW, RectificationStatus.of(List.of(), false));
        assertEquals(RectificationStatus.NEW, RectificationStatus.of(List.of(TaskState.DRAFT, TaskState.CANCELLED), false));
        assertEquals(RectificationStatus.IN_PROGRESS,
                RectificationStatus.of(List.of(TaskState.CLOSED, TaskState.SUBMITTED), false));
        assertEquals(RectificationStatus.CLOSED,
                RectificationStatus.of(List.of(TaskState.CLOSED, TaskState.CANCELLED), false));
    }

    @Test
    void aProblemThatRecurredLaterIsNeverClosed() {
        assertEquals(RectificationStatus.RECURRED, RectificationStatus.of(List.of(TaskState.CLOSED), true));
        assertEquals(RectificationStatus.RECURRED, RectificationStatus.of(List.of(TaskState.CLOSED, TaskState.CLOSED), true));
        assertEquals(RectificationStatus.RECURRED, RectificationStatus.of(List.of(), true));
        assertEquals(RectificationStatus.RECURRED, RectificationStatus.of(List.of(TaskState.IN_PROGRESS), true));
        for (TaskState state : TaskState.values()) {
            assertTrue(RectificationStatus.of(List.of(state), true).open(), state.name());
        }
    }

    @Test
    void onlyClosedCountsAsClosed() {
        assertFalse(RectificationStatus.CLOSED.open());
        assertTrue(RectificationStatus.RECURRED.open());
        assertTrue(RectificationStatus.NEW.open());
        assertTrue(RectificationStatus.IN_PROGRESS.open());
    }
}
