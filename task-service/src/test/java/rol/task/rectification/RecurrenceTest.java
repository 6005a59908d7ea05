package rol.task.rectification;

import org.junit.jupiter.api.Test;
import rol.task.rectification.Recurrence.Pair;
import rol.task.rectification.Recurrence.Ref;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recurrence of one problem from the stored pairs, without Quarkus. */
class RecurrenceTest {

    private static final UUID R2022 = UUID.randomUUID();
    private static final UUID R2023 = UUID.randomUUID();
    private static final UUID R2024 = UUID.randomUUID();

    private static Ref ref(UUID report, int year, String problem) {
        return new Ref(report, year, problem, "标题" + year);
    }

    /** The 2024 problem-1 names 2022 problem-2 and 2023 problem-1 again; 2024 problem-3 names 2023 problem-1 too. */
    private static final List<Pair> PAIRS = List.of(
            new Pair(ref(R2024, 2024, "problem-1"), ref(R2023, 2023, "problem-1"), List.of(2022, 2023, 2024)),
            new Pair(ref(R2024, 2024, "problem-1"), ref(R2022, 2022, "problem-2"), List.of(2022, 2023, 2024)),
            new Pair(ref(R2024, 2024, "problem-3"), ref(R2023, 2023, "problem-1"), List.of(2023, 2024)));

    @Test
    void theNewerProblemListsTheEarlierOnesOldestFirstWithEveryYear() {
        Recurrence r = Recurrence.of(R2024, "problem-1", PAIRS);
        assertEquals(List.of(2022, 2023, 2024), r.years());
        assertEquals(List.of(R2022, R2023), r.earlier().stream().map(Ref::reportId).toList());
        assertEquals(List.of(), r.recurredIn());
        assertFalse(r.recurredLater(), "recurring from earlier years does not by itself reopen anything");
    }

    @Test
    void theEarlierProblemListsWhereItRecurredOnce() {
        Recurrence r = Recurrence.of(R2023, "problem-1", PAIRS);
        assertEquals(List.of(2023, 2024), r.years());
        assertEquals(List.of("problem-1", "problem-3"), r.recurredIn().stream().map(Ref::problemId).toList());
        assertEquals(List.of(), r.earlier());
        assertTrue(r.recurredLater());
        Recurrence twice = Recurrence.of(R2023, "problem-1", List.of(PAIRS.get(0), PAIRS.get(0)));
        assertEquals(1, twice.recurredIn().size());
    }

    @Test
    void aProblemNoPairNamesHasNone() {
        assertNull(Recurrence.of(R2023, "problem-2", PAIRS));
        assertNull(Recurrence.of(R2024, "problem-1", List.of()));
    }
}
