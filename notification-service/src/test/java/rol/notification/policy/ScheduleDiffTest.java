package rol.notification.policy;

import org.junit.jupiter.api.Test;
import rol.notification.policy.ScheduleDiff.Status;
import rol.notification.policy.ScheduleDiff.Stored;
import rol.notification.policy.ScheduleDiff.Update;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.policy.Tasks.d;

class ScheduleDiffTest {

    private static final Set<Recipient> LEAD = Set.of(Recipient.LEAD);
    private static final PlannedReminder BEFORE_7 = planned(ReminderRule.BEFORE_DEADLINE, "before:7@2025-06-30",
            d("2025-06-19"), d("2025-06-27"), Set.of(Recipient.LEAD, Recipient.CO));
    private static final PlannedReminder AFTER_1 = planned(ReminderRule.AFTER_DEADLINE, "after:1@2025-06-30",
            d("2025-07-03"), d("2025-07-08"), LEAD);
    private static final PlannedReminder ESCALATION = planned(ReminderRule.ESCALATION, "escalation@2025-06-30",
            d("2025-07-07"), null, Set.of(Recipient.OFFICE, Recipient.LEAD_HEAD));

    private static PlannedReminder planned(ReminderRule rule, String key, LocalDate dueOn, LocalDate expiresOn,
                                           Set<Recipient> to) {
        return new PlannedReminder("t-1", rule, key, dueOn, expiresOn, to, d("2025-06-30"));
    }

    /** The row this planned occurrence would have been stored as, in a given state. */
    private static Stored stored(long id, PlannedReminder p, Status status) {
        return new Stored(id, p.rule(), p.occurrenceKey(), status, p.dueOn(), p.expiresOn(), p.recipients());
    }

    @Test
    void thePlanAsStoredWritesNothing() {
        ScheduleDiff diff = ScheduleDiff.of(List.of(BEFORE_7, AFTER_1, ESCALATION), List.of(
                stored(1, BEFORE_7, Status.PENDING), stored(2, AFTER_1, Status.PENDING),
                stored(3, ESCALATION, Status.PENDING)));
        assertTrue(diff.none(), diff::toString);
    }

    @Test
    void aNewOccurrenceIsInsertedAndNothingElse() {
        ScheduleDiff diff = ScheduleDiff.of(List.of(BEFORE_7, AFTER_1), List.of(stored(1, BEFORE_7, Status.PENDING)));
        assertEquals(new ScheduleDiff(List.of(AFTER_1), List.of(), List.of()), diff);
        assertFalse(diff.none());
    }

    @Test
    void aPendingRowWhoseDayExpiryOrRecipientsChangedIsUpdated() {
        Stored stored = stored(7, BEFORE_7, Status.PENDING);
        PlannedReminder otherDay = planned(BEFORE_7.rule(), BEFORE_7.occurrenceKey(), d("2025-06-18"),
                BEFORE_7.expiresOn(), BEFORE_7.recipients());
        PlannedReminder otherExpiry = planned(BEFORE_7.rule(), BEFORE_7.occurrenceKey(), BEFORE_7.dueOn(), null,
                BEFORE_7.recipients());
        PlannedReminder otherRecipients = planned(BEFORE_7.rule(), BEFORE_7.occurrenceKey(), BEFORE_7.dueOn(),
                BEFORE_7.expiresOn(), LEAD);
        for (PlannedReminder p : List.of(otherDay, otherExpiry, otherRecipients)) {
            assertEquals(new ScheduleDiff(List.of(), List.of(new Update(7, p)), List.of()),
                    ScheduleDiff.of(List.of(p), List.of(stored)), p::toString);
        }
    }

    @Test
    void aWithdrawnRowPlannedAgainIsPendingAgainEvenUnchanged() {
        ScheduleDiff diff = ScheduleDiff.of(List.of(BEFORE_7), List.of(stored(4, BEFORE_7, Status.WITHDRAWN)));
        assertEquals(new ScheduleDiff(List.of(), List.of(new Update(4, BEFORE_7)), List.of()), diff);
    }

    @Test
    void sentAndExpiredRowsAreNeitherTouchedNorInsertedAgain() {
        PlannedReminder moved = planned(AFTER_1.rule(), AFTER_1.occurrenceKey(), d("2025-07-04"), null, LEAD);
        ScheduleDiff planned = ScheduleDiff.of(List.of(BEFORE_7, moved),
                List.of(stored(1, BEFORE_7, Status.SENT), stored(2, AFTER_1, Status.EXPIRED)));
        assertTrue(planned.none(), planned::toString);
        ScheduleDiff unplanned = ScheduleDiff.of(List.of(),
                List.of(stored(1, BEFORE_7, Status.SENT), stored(2, AFTER_1, Status.EXPIRED)));
        assertTrue(unplanned.none(), unplanned::toString);
    }

    @Test
    void aPendingDateDrivenRowNoLongerPlannedIsWithdrawn() {
        PlannedReminder newDeadline = planned(ReminderRule.BEFORE_DEADLINE, "before:7@2025-07-31", d("2025-07-22"),
                d("2025-07-30"), BEFORE_7.recipients());
        ScheduleDiff diff = ScheduleDiff.of(List.of(newDeadline), List.of(stored(1, BEFORE_7, Status.PENDING),
                stored(2, ESCALATION, Status.PENDING), stored(3, AFTER_1, Status.WITHDRAWN)));
        assertEquals(new ScheduleDiff(List.of(newDeadline), List.of(), List.of(1L, 2L)), diff,
                "the old series goes, the new one comes; a row already withdrawn stays as it is");
    }

    @Test
    void aPendingNoticeIsKeptThoughNoPlanHasIt() {
        PlannedReminder notice = planned(ReminderRule.DISPATCHED, "event:v2", d("2025-05-06"), null,
                Set.of(Recipient.LEAD, Recipient.CO));
        ScheduleDiff diff = ScheduleDiff.of(List.of(BEFORE_7),
                List.of(stored(1, BEFORE_7, Status.PENDING), stored(2, notice, Status.PENDING)));
        assertTrue(diff.none(), diff::toString);
    }
}
