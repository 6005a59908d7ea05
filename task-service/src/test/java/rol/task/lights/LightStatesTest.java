package rol.task.lights;

import org.junit.jupiter.api.Test;
import rol.task.workflow.TaskState;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TaskLights hands the rule the task's state by name: every state of the lifecycle must have its namesake there. */
class LightStatesTest {

    @Test
    void everyTaskStateIsAStateOfTheRule() {
        for (TaskState s : TaskState.values()) {
            assertEquals(s.name(), rol.platform.lights.TaskState.parse(s.name()).name());
        }
        assertEquals(TaskState.values().length, rol.platform.lights.TaskState.values().length);
    }
}
