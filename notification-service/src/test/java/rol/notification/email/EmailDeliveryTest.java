package rol.notification.email;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.notification.channel.ChannelFixture;
import rol.notification.channel.Delivery;
import rol.notification.channel.DeliveryFailure;
import rol.notification.channel.DeliveryWorker;
import rol.notification.channel.SmtpServer;
import rol.notification.notice.NoticeCreated;
import rol.notification.subscription.Subscription;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.subscription.Subscription.Channel.EMAIL;
import static rol.notification.subscription.Subscription.RecipientType.DEPARTMENT;
import static rol.notification.subscription.Subscription.RecipientType.OFFICE;

/** Notices by email through a real SMTP server: once per delivery, whatever runs the worker, and again after an outage. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class EmailDeliveryTest {

    @Inject
    MovableClock clock;

    @Inject
    ChannelFixture fixture;

    @Inject
    DeliveryWorker worker;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void start() {
        clock.set(Instant.parse("2025-06-20T01:00:00Z"));
        SmtpServer.up();
    }

    @AfterEach
    void end() {
        SmtpServer.up();
        clock.reset();
    }

    @Test
    void eachNoticeIsMailedOnceWithItsTitleBodyAndAStableMessageId() throws Exception {
        String district = ChannelFixture.district();
        String to = "fzb-" + district + "@licheng.gov.cn";
        Subscription judicial = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", EMAIL, to, null);
        Subscription market = fixture.subscribe(district, DEPARTMENT, "market-regulation", EMAIL,
                "scj-" + district + "@licheng.gov.cn", null);
        Subscription escalationsOnly = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", EMAIL,
                "head-" + district + "@licheng.gov.cn", null, "ESCALATION");

        NoticeCreated notice = fixture.toDepartment(district, "judicial-bureau", "BEFORE_DEADLINE");
        fixture.fire(notice); // the same notice again adds no delivery
        worker.runDue();
        worker.runDue();

        List<MimeMessage> received = SmtpServer.messagesTo(to);
        assertEquals(1, received.size());
        MimeMessage mail = received.get(0);
        assertEquals(notice.title(), mail.getSubject());
        assertTrue(mail.getContent().toString().contains(notice.body()), mail.getContent().toString());
        List<Delivery> deliveries = fixture.deliveries(judicial.id);
        assertEquals(1, deliveries.size());
        Delivery d = deliveries.get(0);
        assertEquals(Delivery.State.DELIVERED, d.state);
        assertEquals(1, d.attempts);
        assertEquals("<" + d.id + "@notification.duban>", mail.getMessageID());
        assertEquals(d.id.toString(), mail.getHeader("X-Duban-Delivery")[0]);
        assertTrue(fixture.deliveries(market.id).isEmpty(), "another department's address gets nothing");
        assertTrue(fixture.deliveries(escalationsOnly.id).isEmpty(), "a kinds filter keeps other kinds out");
    }

    @Test
    void twoWorkersRunningAtOnceSendEveryMessageExactlyOnce() throws Exception {
        int notices = 12;
        String to = "office-" + UUID.randomUUID() + "@licheng.gov.cn";
        Subscription office = officeMailboxWithEscalations(to, notices);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> runs = List.of(worker::runDue, worker::runDue);
            List<Future<Integer>> results = pool.invokeAll(runs);
            for (Future<Integer> r : results) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        worker.runDue();

        List<MimeMessage> received = SmtpServer.messagesTo(to);
        assertEquals(notices, received.size());
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
        }
        assertEquals(notices, ids.size(), "one message per delivery");
        List<Delivery> deliveries = fixture.deliveries(office.id);
        assertEquals(notices, deliveries.size());
        assertTrue(deliveries.stream().allMatch(d -> d.state == Delivery.State.DELIVERED && d.attempts == 1),
                () -> deliveries.stream().map(d -> d.state + "/" + d.attempts + "/" + d.lastError).toList().toString());
    }

    @Test
    void oneRunSendsEverythingDueHoweverMuchPiledUp() throws Exception {
        // what quiet hours held back overnight all comes due at once; one run (one clock move) sends all of it
        int notices = 130;
        String to = "night-" + UUID.randomUUID() + "@licheng.gov.cn";
        Subscription office = officeMailboxWithEscalations(to, notices);
        assertEquals(notices, worker.runDue());
        assertEquals(notices, SmtpServer.messagesTo(to).size());
        assertTrue(fixture.deliveries(office.id).stream().allMatch(d -> d.state == Delivery.State.DELIVERED));
        assertEquals(0, worker.runDue(), "nothing left");
    }

    @Test
    void aMessageThatFoundTheServerDownGoesOutAfterTheBackoffOnceItIsBack() throws Exception {
        String district = ChannelFixture.district();
        String to = "fzb-" + district + "@licheng.gov.cn";
        Subscription s = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", EMAIL, to, null);
        SmtpServer.down();
        fixture.toDepartment(district, "judicial-bureau", "ON_DEADLINE");
        worker.runDue();

        Delivery failed = fixture.deliveries(s.id).get(0);
        assertEquals(Delivery.State.PENDING, failed.state);
        assertEquals(1, failed.attempts);
        assertNotNull(failed.lastError);
        assertEquals(DeliveryFailure.Reason.UNREACHABLE, failed.lastErrorReason, failed.lastError);
        assertEquals(failed.lastAttemptAt.plusSeconds(30).toInstant(), failed.nextAttemptAt.toInstant(),
                "first retry after the base delay");

        SmtpServer.up();
        worker.runDue();
        assertEquals(0, SmtpServer.messagesTo(to).size(), "not before the next attempt is due");
        assertEquals(1, fixture.delivery(failed.id).attempts);

        clock.advance(Duration.ofSeconds(31));
        worker.runDue();
        worker.runDue();
        assertEquals(1, SmtpServer.messagesTo(to).size());
        Delivery delivered = fixture.delivery(failed.id);
        assertEquals(Delivery.State.DELIVERED, delivered.state);
        assertEquals(2, delivered.attempts);
    }

    @Test
    void aDeliveryInFlightOnAnotherReplicaIsSkippedAndOneWhoseReplicaDiedIsSentOnce() throws Exception {
        String district = ChannelFixture.district();
        String to = "fzb-" + district + "@licheng.gov.cn";
        Subscription s = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", EMAIL, to, null);
        fixture.toDepartment(district, "judicial-bureau", "ESCALATION");
        Delivery d = fixture.deliveries(s.id).get(0);
        try (Connection replica = dataSource.getConnection()) {
            replica.setAutoCommit(false);
            try (PreparedStatement claim = replica.prepareStatement(
                    "select id from delivery where id = ? for update skip locked")) {
                claim.setObject(1, d.id);
                assertTrue(claim.executeQuery().next(), "the other replica holds the delivery");
            }
            worker.runDue();
            assertEquals(0, SmtpServer.messagesTo(to).size(), "skipped while another replica holds it");
            assertEquals(0, fixture.delivery(d.id).attempts);
            replica.rollback(); // that replica dies before its commit: nothing it did is kept
        }
        worker.runDue();
        worker.runDue();
        assertEquals(1, SmtpServer.messagesTo(to).size());
        assertEquals(Delivery.State.DELIVERED, fixture.delivery(d.id).state);
    }

    /** An office email subscription in a district of its own, and that many escalations to the office waiting. */
    private Subscription officeMailboxWithEscalations(String to, int notices) {
        String district = ChannelFixture.district();
        Subscription office = fixture.subscribe(district, OFFICE, null, EMAIL, to, null);
        for (int i = 0; i < notices; i++) {
            fixture.toOffice(district, "ESCALATION");
        }
        return office;
    }
}
