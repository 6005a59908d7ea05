package rol.task.ledgerimport.reading;

import org.junit.jupiter.api.Test;
import rol.task.suggestion.DepartmentDirectory;
import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RowPlanTest {

    private final ImportRow row = new RowReader(new DepartmentMatcher(DepartmentDirectory.forDistrict("licheng")), 2025)
            .read(new WorkbookReader(100).read(Ledgers.officeLedger(), "台账.xlsx"), Corrections.NONE).get(0);

    private RowPlan.Existing existing(LocalDate deadline, boolean changedInSystem) {
        return new RowPlan.Existing("t1", "修订区政府重大行政决策程序规定", "judicial-bureau", List.of("government-office"),
                deadline, TaskState.IN_PROGRESS, 0, changedInSystem);
    }

    @Test
    void aRowWithoutATaskCreatesOne() {
        assertEquals(RowPlan.Action.CREATE, RowPlan.of(row, null).action());
    }

    @Test
    void theSameRowAgainChangesNothing() {
        RowPlan plan = RowPlan.of(row, existing(LocalDate.of(2025, 9, 30), true));
        assertEquals(RowPlan.Action.UNCHANGED, plan.action());
    }

    @Test
    void aNewerRowUpdatesATaskTheSystemHasNotChanged() {
        RowPlan plan = RowPlan.of(row, existing(LocalDate.of(2025, 8, 31), false));
        assertEquals(RowPlan.Action.UPDATE, plan.action());
        assertEquals(List.of(new RowPlan.Change("deadline", "2025-08-31", "2025-09-30")), plan.changes());
    }

    @Test
    void whatTheSystemChangedSinceIsAConflictNotAnUpdate() {
        RowPlan plan = RowPlan.of(row, existing(LocalDate.of(2025, 8, 31), true));
        assertEquals(RowPlan.Action.CONFLICT, plan.action());
        assertEquals("deadline", plan.changes().get(0).field());
    }

    @Test
    void skippedAndErroneousRowsDoNothing() {
        Corrections skip = Corrections.NONE.with(java.util.Map.of(), java.util.Map.of(), Set.of(row.key()), Set.of());
        ImportRow skipped = new RowReader(new DepartmentMatcher(DepartmentDirectory.forDistrict("licheng")), 2025)
                .read(new WorkbookReader(100).read(Ledgers.officeLedger(), "台账.xlsx"), skip).get(0);
        assertEquals(RowPlan.Action.SKIP, RowPlan.of(skipped, null).action());
        ImportRow erroneous = new RowReader(new DepartmentMatcher(DepartmentDirectory.forDistrict("licheng")), 2025)
                .read(new WorkbookReader(100).read(Ledgers.officeLedger(), "台账.xlsx"), Corrections.NONE).get(4);
        assertEquals(RowPlan.Action.ERROR, RowPlan.of(erroneous, null).action());
    }
}
