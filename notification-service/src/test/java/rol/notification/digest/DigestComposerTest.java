package rol.notification.digest;

import org.junit.jupiter.api.Test;
import rol.notification.digest.DigestComposer.DigestTask;
import rol.notification.department.DepartmentNames;
import rol.notification.digest.DigestComposer.Line;
import rol.notification.policy.TaskSnapshot;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.TaskState;
import rol.platform.lights.TrafficLightRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigestComposerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2025-06-30 08:30 in Shanghai. */
    private static final Instant NOW = at("2025-06-30T08:30");

    private final DigestComposer composer =
            new DigestComposer(TrafficLightRules.defaults(), WorkingCalendar.chinaDefault());

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static DigestTask task(String id, TaskState state, String deadline, int percent, String lastFeedback,
                                   String changedAt) {
        return task(id, "judicial-bureau", state, deadline, percent, lastFeedback, changedAt);
    }

    private static DigestTask task(String id, String lead, TaskState state, String deadline, int percent,
                                   String lastFeedback, String changedAt) {
        TaskSnapshot s = new TaskSnapshot(id, "licheng", "wp-1", "某区司法局", 2025, state, lead,
                List.of(), deadline == null ? null : LocalDate.parse(deadline), false, percent,
                lastFeedback == null ? null : at(lastFeedback), LocalDate.parse("2025-03-03"), null, 1);
        return new DigestTask(s, "事项" + id, changedAt == null ? null : at(changedAt));
    }

    @Test
    void redIsOverdueWithWorkingDaysYellowHasItsReasonChangedIsThePastSevenDays() {
        var digest = composer.compose("licheng", "2025-W27", NOW, List.of(
                task("a", TaskState.IN_PROGRESS, "2025-06-20", 40, "2025-06-10T10:00", "2025-06-10T10:00"),
                task("b", TaskState.IN_PROGRESS, "2025-06-27", 40, "2025-06-25T10:00", "2025-06-25T10:00"),
                task("c", TaskState.IN_PROGRESS, "2025-12-31", 10, "2025-04-01T10:00", "2025-04-01T10:00"),
                task("d", TaskState.IN_PROGRESS, "2025-12-31", 30, "2025-06-29T10:00", "2025-06-29T10:00"),
                task("e", TaskState.CLOSED, "2025-06-30", 100, "2025-06-24T10:00", "2025-06-23T08:30"),
                task("f", TaskState.DRAFT, null, 0, null, "2025-06-29T10:00")), DepartmentNames.NONE);
        assertEquals(List.of("a", "b"), digest.red().stream().map(Line::taskId).toList(), "longest overdue first");
        // 2025-06-20 (Fri) to 2025-06-30 (Mon): 06-23..27 and 06-30 are working days
        assertEquals(6, digest.red().get(0).overdueWorkingDays());
        assertEquals(1, digest.red().get(1).overdueWorkingDays());
        assertEquals(List.of("c"), digest.yellow().stream().map(Line::taskId).toList());
        assertEquals("NO_FEEDBACK", digest.yellow().get(0).reason());
        // changed since Monday 2025-06-23 08:30: b, d and e (exactly seven days ago counts); never drafts
        assertEquals(List.of("b", "d", "e"), digest.changed().stream().map(Line::taskId).toList());
        assertEquals(5, digest.supervised());
        assertEquals(LocalDate.parse("2025-06-30"), digest.today());
    }

    @Test
    void eachLineNamesItsLeadDepartmentOrItsIdWhileTheNameIsUnknown() {
        var digest = composer.compose("licheng", "2025-W27", NOW, List.of(
                task("a", "judicial-bureau", TaskState.IN_PROGRESS, "2025-06-20", 40, null, "2025-06-29T10:00"),
                task("b", "kaiyuan-subdistrict", TaskState.IN_PROGRESS, "2025-06-27", 40, null, "2025-06-29T10:00")),
                new DepartmentNames(Map.of("judicial-bureau", "泉州市鲤城区司法局")));
        assertEquals(List.of("泉州市鲤城区司法局", "kaiyuan-subdistrict"),
                digest.red().stream().map(Line::leadName).toList());
        assertEquals(List.of("judicial-bureau", "kaiyuan-subdistrict"),
                digest.changed().stream().map(Line::leadDepartment).toList());
    }
}
