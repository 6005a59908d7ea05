package rol.notification.rollup;

import org.junit.jupiter.api.Test;
import rol.notification.policy.TaskSnapshot;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.TaskState;
import rol.platform.lights.TrafficLightRules;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.notification.rollup.T.d;
import static rol.notification.rollup.T.task;

class RankingTest {

    private final List<TaskSnapshot> tasks = new ArrayList<>();
    private int n;

    private void add(String dept, int onTime, int late, int overdue, int open) {
        for (int i = 0; i < onTime; i++) {
            tasks.add(task("t" + n++, dept, TaskState.IN_PROGRESS, 100).withClosedOn(d("2025-06-30")));
        }
        for (int i = 0; i < late; i++) {
            tasks.add(task("t" + n++, dept, TaskState.IN_PROGRESS, 100).withClosedOn(d("2025-07-01")));
        }
        for (int i = 0; i < overdue; i++) {
            tasks.add(task("t" + n++, dept, TaskState.IN_PROGRESS, 50));
        }
        for (int i = 0; i < open; i++) {
            tasks.add(task("t" + n++, dept, TaskState.IN_PROGRESS, 50).withDeadline(d("2025-12-31")));
        }
    }

    @Test
    void completionRateThenOnTimeRateThenFewerOverdueEqualsShareARank() {
        add("a", 2, 0, 1, 1);   // 2/4 closed, 2/2 on time, 1 overdue
        add("b", 1, 1, 0, 2);   // 2/4 closed, 1/2 on time
        add("c", 1, 0, 0, 1);   // 1/2 closed, 1/1 on time, 0 overdue
        add("g", 1, 0, 0, 1);   // same as c
        add("d", 0, 0, 0, 3);   // nothing closed, no overdue
        add("e", 0, 0, 2, 1);   // nothing closed, 2 overdue
        add("h", 3, 0, 0, 0);   // all closed: first
        tasks.add(task("t-draft", "f", TaskState.DRAFT, 0)); // f has nothing supervised: not ranked
        Rollup r = Rollup.recount(tasks, d("2025-07-09"), WorkingCalendar.chinaDefault(), TrafficLightRules.defaults());

        List<Ranking.Entry> ranking = Ranking.departments(r, "licheng");
        assertEquals(List.of("h", "c", "g", "a", "b", "d", "e"),
                ranking.stream().map(e -> e.scope().value()).toList());
        assertEquals(List.of(1, 2, 2, 4, 5, 6, 7), ranking.stream().map(Ranking.Entry::rank).toList());
    }

    @Test
    void ratesAreComparedExactly() {
        add("x", 1, 0, 0, 2);   // 1/3
        add("y", 2, 0, 0, 4);   // 2/6
        Rollup r = Rollup.recount(tasks, d("2025-07-09"), WorkingCalendar.chinaDefault(), TrafficLightRules.defaults());
        List<Ranking.Entry> ranking = Ranking.departments(r, "licheng");
        assertEquals(List.of(1, 1), ranking.stream().map(Ranking.Entry::rank).toList());
    }
}
