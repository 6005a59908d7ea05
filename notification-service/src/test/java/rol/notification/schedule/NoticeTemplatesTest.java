package rol.notification.schedule;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import rol.notification.DepartmentEvents;
import rol.notification.department.DepartmentNames;
import rol.notification.notice.Addressee;
import rol.notification.notice.NoticeTexts;
import rol.notification.policy.Recipient;
import rol.notification.policy.ReminderRule;
import rol.platform.event.task.TaskV1;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of notice has its Chinese template, and each names the task, its deadline and its departments: by the
 * directory's names, by id for a department without a name yet.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class NoticeTemplatesTest {

    static final LocalDate DEADLINE = LocalDate.of(2025, 9, 30);
    static final String TITLE = "开展行政执法案卷评查";
    static final Map<ReminderRule, String> KEYS = Map.of(
            ReminderRule.BEFORE_DEADLINE, "before:7@2025-09-30",
            ReminderRule.ON_DEADLINE, "on-day@2025-09-30",
            ReminderRule.AFTER_DEADLINE, "after:1@2025-09-30",
            ReminderRule.ESCALATION, "escalation@2025-09-30",
            ReminderRule.CHASER, "chaser:2025-08-01:1",
            ReminderRule.DISPATCHED, "event:v2",
            ReminderRule.RETURNED, "event:v5",
            ReminderRule.EXTENSION_DECIDED, "event:v6");
    static final Map<ReminderRule, String> SAYS = Map.of(
            ReminderRule.BEFORE_DEADLINE, "【临近提醒】",
            ReminderRule.ON_DEADLINE, "【到期提醒】",
            ReminderRule.AFTER_DEADLINE, "【逾期提醒】",
            ReminderRule.ESCALATION, "【督办】",
            ReminderRule.CHASER, "【催办】",
            ReminderRule.DISPATCHED, "【交办通知】",
            ReminderRule.RETURNED, "【退办通知】",
            ReminderRule.EXTENSION_DECIDED, "【延期审批结果】");

    @Inject
    ReminderDelivery delivery;

    @Inject
    NoticeTexts texts;

    static final DepartmentNames NAMES = new DepartmentNames(Map.of("judicial-bureau", DepartmentEvents.JUDICIAL,
            "market-regulation", DepartmentEvents.MARKET));

    @ParameterizedTest
    @EnumSource(ReminderRule.class)
    void eachKindNamesTheTaskItsDeadlineAndItsDepartments(ReminderRule rule) {
        NoticeTexts.Rendered r = render(rule, Map.of(), LocalDate.of(2025, 10, 15));
        String all = r.title() + "\n" + r.body();
        assertTrue(r.title().startsWith(SAYS.get(rule)), all);
        assertTrue(r.title().contains("“开展行政执法案卷评查”"), all);
        assertTrue(r.body().contains("2025年9月30日"), all);
        assertTrue(r.body().startsWith(DepartmentEvents.JUDICIAL + "主要负责人："), all);
        assertTrue(r.body().contains("牵头单位：" + DepartmentEvents.JUDICIAL + "；"), all);
        if (rule != ReminderRule.CHASER) { // the chaser goes to the lead alone and names no co-department
            assertTrue(r.body().contains("配合单位：" + DepartmentEvents.MARKET), all);
        }
        assertFalse(all.contains("-bureau") || all.contains("-regulation"), "no department by its id: " + all);
        assertFalse(all.contains("{") || all.contains("null"), all);
    }

    @ParameterizedTest
    @EnumSource(ReminderRule.class)
    void aDepartmentWithoutANameYetIsNamedByItsId(ReminderRule rule) {
        NoticeTexts.Rendered r = texts.render(rule.name(), values(rule, Map.of(), LocalDate.of(2025, 10, 15),
                List.of("market-regulation"), DepartmentNames.NONE, TITLE));
        assertTrue(r.body().contains("牵头单位：judicial-bureau；"), r.body());
    }

    @ParameterizedTest
    @EnumSource(ReminderRule.class)
    void aQuotationInTheTitleStaysReadable(ReminderRule rule) {
        NoticeTexts.Rendered r = texts.render(rule.name(), values(rule, Map.of(), LocalDate.of(2025, 10, 15),
                List.of(), NAMES, "深化“放管服”改革"));
        String all = r.title() + "\n" + r.body();
        assertTrue(r.title().contains("“深化‘放管服’改革”"), all);
        assertFalse(all.contains("“深化“"), all);
    }

    @Test
    void theNumbersInTheTexts() {
        assertTrue(render(ReminderRule.BEFORE_DEADLINE, Map.of(), LocalDate.of(2025, 9, 22)).title()
                .contains("还有7个工作日"));
        // 2025-10-14 is 5 working days after 09-30 across the National Day holidays (10-11 is worked)
        assertTrue(render(ReminderRule.ESCALATION, Map.of(), LocalDate.of(2025, 10, 14)).title()
                .contains("逾期5个工作日"));
        NoticeTexts.Rendered chaser = render(ReminderRule.CHASER, Map.of(), LocalDate.of(2025, 9, 1));
        assertTrue(chaser.title().contains("已31天未反馈") && chaser.body().contains("自2025年8月1日以来"),
                chaser.toString());
        NoticeTexts.Rendered approved = render(ReminderRule.EXTENSION_DECIDED,
                Map.of("approved", true, "previousDeadline", "2025-06-30"), LocalDate.of(2025, 6, 20));
        assertTrue(approved.title().contains("已批准")
                && approved.body().contains("由2025年6月30日调整为2025年9月30日"), approved.toString());
        NoticeTexts.Rendered rejected = render(ReminderRule.EXTENSION_DECIDED, Map.of("approved", false),
                LocalDate.of(2025, 6, 20));
        assertTrue(rejected.title().contains("未获批准") && rejected.body().contains("仍为2025年9月30日"),
                rejected.toString());
        NoticeTexts.Rendered alone = texts.render("DISPATCHED", values(ReminderRule.DISPATCHED, Map.of(),
                LocalDate.of(2025, 6, 20), List.of(), NAMES, TITLE));
        assertFalse(alone.body().contains("配合单位"), alone.toString());
    }

    private NoticeTexts.Rendered render(ReminderRule rule, Map<String, Object> context, LocalDate today) {
        return texts.render(rule.name(), values(rule, context, today, List.of("market-regulation"), NAMES, TITLE));
    }

    /** The values the delivery gives the template, with the salutation that Notices adds for the lead's head. */
    private Map<String, Object> values(ReminderRule rule, Map<String, Object> context, LocalDate today,
                                       List<String> co, DepartmentNames names, String title) {
        TaskV1 task = new TaskV1("6f1c2a52-3d55-4c3e-9a55-2f4a0b0e7c11", "licheng", "w", "r", "p", "某区司法局", 2025,
                "主题", title, "IN_PROGRESS", "judicial-bureau", co, DEADLINE, false, 30, null,
                OffsetDateTime.parse("2025-08-01T09:00:00+08:00"), null, 4);
        ScheduledReminder row = new ScheduledReminder(1, task.taskId(), "licheng", rule, KEYS.get(rule), today, null,
                DEADLINE, EnumSet.of(Recipient.LEAD), context, today.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        Map<String, Object> v = new HashMap<>(delivery.values(row, task, today, names));
        v.put("recipient", Addressee.resolve(EnumSet.of(Recipient.LEAD_HEAD), "licheng", "judicial-bureau", co,
                Map.of(), names).get(0).salutation());
        return v;
    }
}
