package rol.notification.department;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.DepartmentEvents;
import rol.notification.TaskEvents;
import rol.notification.channel.ChannelFixture;
import rol.notification.channel.Delivery;
import rol.notification.channel.DeliveryWorker;
import rol.notification.channel.SmtpServer;
import rol.notification.readmodel.TaskEventsHandler;
import rol.notification.subscription.Subscription;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.task.TaskV1;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.DepartmentEvents.JUDICIAL;
import static rol.notification.DepartmentEvents.MARKET;
import static rol.notification.subscription.Subscription.Channel.EMAIL;
import static rol.notification.subscription.Subscription.Channel.WEBHOOK;
import static rol.notification.subscription.Subscription.RecipientType.DEPARTMENT;

/**
 * The directory's names come from {@code department-events} through the inbox (the newest version wins; repeats,
 * task-service's announcements at start and late older versions change nothing) and the texts people read name the
 * departments by them: the notice, its email and its webhook copy; an id without a name yet stands as itself.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class DepartmentEventsTest {

    /** A Wednesday, 10:00 in Shanghai: outside quiet hours, so a dispatch notice goes out at once. */
    private static final OffsetDateTime WORKING_HOURS = OffsetDateTime.parse("2026-03-04T10:00:00+08:00");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    TaskEventsHandler handler;

    @Inject
    TaskEvents events;

    @Inject
    ChannelFixture fixture;

    @Inject
    DeliveryWorker worker;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theNewestVersionFromTheTopicWinsWhateverArrivesTwiceOrLate() throws Exception {
        String district = ChannelFixture.district();
        CloudEvent created = DepartmentEvents.event(district, "judicial-bureau", "泉州市鲤城区司法局（筹）", 0);
        CloudEvent announcedAtStart = DepartmentEvents.event(district, "judicial-bureau", "泉州市鲤城区司法局（筹）", 0);
        CloudEvent renamed = DepartmentEvents.event(district, "judicial-bureau", JUDICIAL, 2);
        CloudEvent late = DepartmentEvents.event(district, "judicial-bureau", "泉州市鲤城区司法行政局", 1);
        send(created, created, announcedAtStart, renamed, late, renamed);

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(late.id()).size() == 1);
        assertEquals(List.of(JUDICIAL + " 2"), events.rows("select name || ' ' || version from department"
                + " where district = ? and department_id = 'judicial-bureau'", district));
        for (CloudEvent e : List.of(created, announcedAtStart, renamed, late)) {
            assertEquals(List.of("APPLIED"), inbox(e.id()), "each event once: " + e.data());
        }
    }

    @Test
    void anAnnouncementWithoutANameIsRejectedAndPassed() throws Exception {
        String district = ChannelFixture.district();
        CloudEvent nameless = DepartmentEvents.event(district, "judicial-bureau", " ", 0);
        CloudEvent next = DepartmentEvents.event(district, "market-regulation", MARKET, 0);
        send(nameless, next);

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(next.id()).size() == 1);
        assertEquals(List.of("REJECTED"), inbox(nameless.id()));
        assertEquals(List.of("market-regulation"), events.rows("select department_id from department"
                + " where district = ?", district));
    }

    @Test
    void theDispatchNoticeItsEmailAndItsWebhookNameTheDepartments() throws Exception {
        clock.set(WORKING_HOURS.toInstant());
        String district = ChannelFixture.district();
        DepartmentEvents.announceBoth(handler, district);
        String mailbox = "sfj-" + district + "@licheng.gov.cn";
        fixture.subscribe(district, DEPARTMENT, "judicial-bureau", EMAIL, mailbox, null);
        Subscription bot = fixture.subscribe(district, DEPARTMENT, "market-regulation", WEBHOOK,
                "http://127.0.0.1:9/hook", "bot-secret-0123456789");

        TaskV1 task = events.inDistrict(events.dispatched("深化“放管服”改革", LocalDate.parse("2026-06-30")), district);
        events.apply("task.dispatched.v1", task);
        String subject = "【交办通知】“深化‘放管服’改革”已交办，办结时限2026年6月30日";
        String departments = "牵头单位：" + JUDICIAL + "；配合单位：" + MARKET + "；";

        List<String> notices = events.texts(task.taskId(), "DISPATCHED");
        assertEquals(2, notices.size(), notices.toString());
        assertTrue(notices.stream().allMatch(n -> n.startsWith(subject + "\n") && n.contains(departments)), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("\n" + JUDICIAL + "：\n")), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("\n" + MARKET + "：\n")), notices.toString());

        worker.runDue();
        List<MimeMessage> mails = SmtpServer.messagesTo(mailbox);
        assertEquals(1, mails.size());
        assertEquals(subject, mails.get(0).getSubject());
        String mail = mails.get(0).getContent().toString();
        assertTrue(mail.startsWith(JUDICIAL + "：") && mail.contains(departments), mail);

        Delivery webhook = fixture.deliveries(bot.id).get(0);
        assertEquals(subject, webhook.title);
        assertTrue(webhook.body.startsWith(MARKET + "：") && webhook.body.contains(departments), webhook.body);
        Map<?, ?> payload = EventJson.read(webhook.payload, Map.class);
        assertTrue(payload.get("body").toString().contains(departments), webhook.payload);
    }

    @Test
    void aDepartmentWithoutANameYetIsNamedByItsId() {
        clock.set(WORKING_HOURS.toInstant());
        String district = ChannelFixture.district();
        DepartmentEvents.announce(handler, district, "market-regulation", MARKET, 0);
        TaskV1 task = events.inDistrict(events.dispatched("开展行政执法案卷评查", LocalDate.parse("2026-06-30")), district);
        events.apply("task.dispatched.v1", task);

        List<String> notices = events.texts(task.taskId(), "DISPATCHED");
        assertEquals(2, notices.size(), notices.toString());
        assertTrue(notices.stream().allMatch(n -> n.contains("牵头单位：judicial-bureau；配合单位：" + MARKET + "；")),
                notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("\njudicial-bureau：\n")), notices.toString());
    }

    private void send(CloudEvent... events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.DEPARTMENT_EVENTS, e.subject(), EventJson.write(e))).get();
            }
        }
    }

    private List<String> inbox(String eventId) {
        return events.rows("select outcome from inbox_event where event_id = ?", eventId);
    }
}
