package rol.notification.digest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.DepartmentEvents;
import rol.notification.channel.ChannelFixture;
import rol.notification.channel.Delivery;
import rol.notification.channel.DeliveryWorker;
import rol.notification.channel.SmtpServer;
import rol.notification.readmodel.TaskEventsHandler;
import rol.notification.subscription.Subscription;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.subscription.Subscription.Channel.EMAIL;
import static rol.notification.subscription.Subscription.Channel.WEBHOOK;
import static rol.notification.subscription.Subscription.RecipientType.DEPARTMENT;
import static rol.notification.subscription.Subscription.RecipientType.OFFICE;

/** The weekly digest (周报): due Monday 08:30 Shanghai, once per district and week, mailed to the office. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class WeeklyDigestTest {

    /** Monday 2025-06-30 08:30 in Shanghai. */
    private static final Instant MONDAY_0830 = Instant.parse("2025-06-30T00:30:00Z");

    @Inject
    MovableClock clock;

    @Inject
    ChannelFixture fixture;

    @Inject
    DeliveryWorker worker;

    @Inject
    WeeklyDigestJob digest;

    @Inject
    DataSource dataSource;

    @Inject
    TaskEventsHandler handler;

    @AfterEach
    void end() {
        clock.reset();
    }

    @Test
    void theOfficeGetsOneDigestPerWeekListingRedYellowAndChangedTasks() throws Exception {
        String district = ChannelFixture.district();
        String to = "fzb-" + district + "@licheng.gov.cn";
        Subscription office = fixture.subscribe(district, OFFICE, null, EMAIL, to, null);
        Subscription escalationsOnly = fixture.subscribe(district, OFFICE, null, EMAIL,
                "head-" + district + "@licheng.gov.cn", null, "ESCALATION");
        Subscription department = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", EMAIL,
                "sfj-" + district + "@licheng.gov.cn", null);
        Subscription bot = fixture.subscribe(district, OFFICE, null, WEBHOOK, "http://127.0.0.1:9/hook",
                "bot-secret-0123456789");
        DepartmentEvents.announce(handler, district, "judicial-bureau", DepartmentEvents.JUDICIAL, 0);
        task(district, "开展行政执法案卷评查", "IN_PROGRESS", "2025-06-20", 40, "2025-06-10T02:00:00Z",
                "2025-06-10T02:00:00Z");
        task(district, "推进公共法律服务体系建设", "IN_PROGRESS", "2025-12-31", 10, null, "2025-04-01T02:00:00Z");
        task(district, "完善行政复议案件审理机制", "ACKNOWLEDGED", "2025-12-31", 30, "2025-06-27T02:00:00Z",
                "2025-06-27T02:00:00Z");

        clock.set(MONDAY_0830.minusSeconds(60));
        digest.run();
        assertTrue(fixture.deliveries(office.id).isEmpty(), "not before Monday 08:30");

        clock.set(MONDAY_0830);
        digest.run();
        digest.run();
        clock.advance(Duration.ofDays(2));
        digest.run();
        worker.runDue();
        worker.runDue();

        List<MimeMessage> received = SmtpServer.messagesTo(to);
        assertEquals(1, received.size(), "once per week");
        MimeMessage mail = received.get(0);
        assertEquals("【督办周报】" + district + " 2025-W27", mail.getSubject());
        String text = mail.getContent().toString();
        assertTrue(text.contains("一、逾期事项（红灯）：1 项"), text);
        assertTrue(text.contains("开展行政执法案卷评查"), text);
        assertTrue(text.contains("牵头单位：" + DepartmentEvents.JUDICIAL + "；办结时限：2025-06-20；已逾期 6 个工作日"), text);
        assertTrue(text.contains("二、预警事项（黄灯）：1 项"), text);
        assertTrue(text.contains("推进公共法律服务体系建设"), text);
        assertTrue(text.contains("原因：长期未反馈进度"), text);
        assertFalse(text.contains("judicial-bureau"), "the lead by its name, not its id: " + text);
        assertTrue(text.contains("三、近 7 天有变化的事项：1 项"), text);
        assertTrue(text.contains("完善行政复议案件审理机制"), text);
        assertTrue(text.contains("当前状态：已签收"), text);
        Delivery d = fixture.deliveries(office.id).get(0);
        assertEquals("digest:" + district + ":2025-W27", d.source);
        assertEquals("DIGEST", d.kind);
        assertTrue(fixture.deliveries(escalationsOnly.id).isEmpty());
        assertTrue(fixture.deliveries(department.id).isEmpty());
        assertTrue(fixture.deliveries(bot.id).isEmpty(), "the digest is an email");

        clock.set(MONDAY_0830.plus(Duration.ofDays(7)));
        digest.run();
        worker.runDue();
        assertEquals(2, SmtpServer.messagesTo(to).size(), "next week's digest");
        assertEquals("digest:" + district + ":2025-W28", fixture.deliveries(office.id).get(1).source);
    }

    private void task(String district, String title, String state, String deadline, int percent, String lastFeedback,
                      String changedAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into task_view (task_id, district, work_plan_id, report_id, title, state, lead_department,
                    deadline, percent, last_feedback_at, dispatched_at, task_version, updated_at)
                values (?, ?, ?, ?, ?, ?, 'judicial-bureau', ?, ?, ?, ?, 3, ?)
                """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, district);
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, UUID.randomUUID());
            insert.setString(5, title);
            insert.setString(6, state);
            insert.setObject(7, LocalDate.parse(deadline));
            insert.setInt(8, percent);
            insert.setObject(9, lastFeedback == null ? null : OffsetDateTime.parse(lastFeedback));
            insert.setObject(10, OffsetDateTime.parse("2025-03-03T01:00:00Z"));
            insert.setObject(11, OffsetDateTime.parse(changedAt));
            insert.executeUpdate();
        }
    }
}
