package rol.notification.calendar;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.TaskEvents;
import rol.platform.calendar.CalendarYear;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.calendar.CalendarUpdatedV1;
import rol.platform.event.task.TaskDispatchedV1;
import rol.platform.event.task.TaskV1;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year published by task-service counts at once, without a restart: the stored calendar takes it, and the
 * reminders of the tasks due in it are re-planned. Years 2029 and 2030 are this test's own (no other test uses them).
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class CalendarEventsTest {

    /** A national-day week of 2029 as a notice would give it: 10-01 (Monday) to 10-07 off, 09-29 (Saturday) worked. */
    static final CalendarYear Y2029 = new CalendarYear(2029, "测试：2029年节假日安排",
            Map.of(LocalDate.of(2029, 10, 1), "国庆节", LocalDate.of(2029, 10, 2), "国庆节",
                    LocalDate.of(2029, 10, 3), "国庆节", LocalDate.of(2029, 10, 4), "国庆节",
                    LocalDate.of(2029, 10, 5), "国庆节", LocalDate.of(2029, 10, 6), "国庆节",
                    LocalDate.of(2029, 10, 7), "国庆节"),
            Map.of(LocalDate.of(2029, 9, 29), "国庆节"));

    @Inject
    StoredCalendar calendar;

    @Inject
    TaskEvents events;

    @Inject
    MovableClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPublishedYearMovesTheRemindersOfTasksDueInIt() throws Exception {
        LocalDate deadline = LocalDate.of(2029, 10, 12);
        clock.set(OffsetDateTime.of(2029, 9, 3, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant());
        TaskV1 task = events.dispatched("2029年到期的任务", deadline);
        events.apply(TaskDispatchedV1.TYPE, task);
        WorkingCalendar weekends = WorkingCalendar.weekendsOnly();
        assertFalse(calendar.current().covers(deadline));
        assertTrue(events.schedule(task.taskId()).contains("BEFORE_DEADLINE before:7@2029-10-12 PENDING "
                + weekends.plusWorkingDays(deadline, -7)), events.schedule(task.taskId())::toString);

        send(event(CalendarUpdatedV1.of(Y2029, 1)));

        WorkingCalendar with2029 = WorkingCalendar.of(List.of(Y2029));
        assertEquals(LocalDate.of(2029, 9, 27), with2029.plusWorkingDays(deadline, -7),
                "the holidays push the reminder back over the national-day week");
        // the consumer applies the year and re-plans the task in one transaction
        await().atMost(Duration.ofSeconds(30)).until(() -> events.schedule(task.taskId())
                .contains("BEFORE_DEADLINE before:7@2029-10-12 PENDING 2029-09-27"));
        assertTrue(calendar.current().covers(deadline));
        assertFalse(calendar.current().isWorkingDay(LocalDate.of(2029, 10, 3)));
        assertTrue(calendar.current().isWorkingDay(LocalDate.of(2029, 9, 29)));
    }

    @Test
    void anOlderOrRepeatedVersionChangesNothing() {
        CalendarYear first = new CalendarYear(2030, "测试：2030年", Map.of(LocalDate.of(2030, 1, 1), "元旦"), Map.of());
        CalendarYear second = new CalendarYear(2030, "测试：2030年（修订）",
                Map.of(LocalDate.of(2030, 1, 1), "元旦", LocalDate.of(2030, 1, 2), "元旦"), Map.of());
        events.apply(event(CalendarUpdatedV1.of(second, 2)));
        events.apply(event(CalendarUpdatedV1.of(first, 1)));
        events.apply(event(CalendarUpdatedV1.of(second, 2)));
        assertEquals(Optional.of("测试：2030年（修订）"), calendar.current().notice(2030));
        assertFalse(calendar.current().isWorkingDay(LocalDate.of(2030, 1, 2)));
        calendar.reload();
        assertEquals(Optional.of("测试：2030年（修订）"), calendar.current().notice(2030), "as stored");
    }

    @Test
    void theFirstChangedDayIsWhereReplanningStarts() {
        CalendarYear before = new CalendarYear(2029, "a", Map.of(LocalDate.of(2029, 5, 1), "劳动节"), Map.of());
        CalendarYear after = new CalendarYear(2029, "b", Map.of(LocalDate.of(2029, 5, 1), "劳动节",
                LocalDate.of(2029, 5, 2), "劳动节"), Map.of(LocalDate.of(2029, 4, 28), "劳动节"));
        assertEquals(Optional.of(LocalDate.of(2029, 4, 28)), CalendarEventsHandler.firstChange(Optional.of(before), after));
        assertEquals(Optional.empty(), CalendarEventsHandler.firstChange(Optional.of(after), after));
        assertEquals(Optional.of(LocalDate.of(2029, 5, 1)), CalendarEventsHandler.firstChange(Optional.empty(), before));
    }

    private static CloudEvent event(CalendarUpdatedV1 update) {
        return new CloudEvent(null, UUID.randomUUID().toString(), "/task-service", CalendarUpdatedV1.TYPE,
                update.key(), OffsetDateTime.now(), null, EventJson.tree(update));
    }

    private void send(CloudEvent e) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CALENDAR_EVENTS, e.subject(), EventJson.write(e))).get();
        }
    }
}
