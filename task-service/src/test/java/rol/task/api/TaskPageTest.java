package rol.task.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list's total: exact up to the cap, and "more than the cap" when the count with one more reached it. */
class TaskPageTest {

    @Test
    void aCountUpToTheCapIsExact() {
        TaskView.Page page = TaskView.Page.counted(List.of(), 1_000, 1_000);
        assertEquals(1_000, page.total());
        assertFalse(page.totalCapped());
        assertFalse(TaskView.Page.counted(List.of(), 0, 1_000).totalCapped());
    }

    @Test
    void oneMoreThanTheCapSaysMoreThanTheCap() {
        TaskView.Page page = TaskView.Page.counted(List.of(), 1_001, 1_000);
        assertEquals(1_000, page.total());
        assertTrue(page.totalCapped());
    }
}
