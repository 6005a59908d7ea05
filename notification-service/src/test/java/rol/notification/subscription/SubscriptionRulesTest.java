package rol.notification.subscription;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionRulesTest {

    private static final String SECRET = "0123456789abcdef";

    private static List<String> fields(SubscriptionInput in, boolean hadSecret) {
        return SubscriptionRules.check(in, hadSecret).stream().map(SubscriptionRules.Violation::field).toList();
    }

    @Test
    void aDepartmentEmailAndAnOfficeWebhookPass() {
        assertTrue(fields(new SubscriptionInput("licheng", "DEPARTMENT", "judicial-bureau", "EMAIL",
                "fzb@licheng.gov.cn", null, null, List.of("BEFORE_DEADLINE")), false).isEmpty());
        assertTrue(fields(new SubscriptionInput("licheng", "office", null, "webhook",
                "https://bot.licheng.gov.cn/hook?key=1", SECRET, true, null), false).isEmpty());
    }

    @Test
    void namesEachBrokenField() {
        assertEquals(List.of("district", "recipientType", "channel", "target"),
                fields(new SubscriptionInput(" ", null, null, null, null, null, null, null), false));
        assertEquals(List.of("body"), fields(null, false));
        assertEquals(List.of("recipientId"), fields(new SubscriptionInput("licheng", "DEPARTMENT", null, "EMAIL",
                "a@b.cn", null, null, null), false));
        assertEquals(List.of("recipientId"), fields(new SubscriptionInput("licheng", "OFFICE", "judicial-bureau",
                "EMAIL", "a@b.cn", null, null, null), false));
        assertEquals(List.of("kinds[1]"), fields(new SubscriptionInput("licheng", "OFFICE", null, "EMAIL",
                "a@b.cn", null, null, List.of("ESCALATION", "before deadline")), false));
        // well formed but sent by nobody: the subscription would silently never deliver it
        assertEquals(List.of("kinds[0]"), fields(new SubscriptionInput("licheng", "OFFICE", null, "EMAIL",
                "a@b.cn", null, null, List.of("BEFORE_DEADLNE", "DIGEST")), false));
    }

    @Test
    void emailTargetsMustBeAddressesAndWebhookTargetsHttpUrls() {
        for (String bad : List.of("fzb", "fzb@", "fzb@localhost", "two@@x.cn", "a b@x.cn", "<a@x.cn>")) {
            assertEquals(List.of("target"), fields(new SubscriptionInput("licheng", "OFFICE", null, "EMAIL", bad,
                    null, null, null), false), bad);
        }
        for (String bad : List.of("ftp://x.cn/hook", "bot.licheng.gov.cn/hook", "https://", "http:// x.cn")) {
            assertEquals(List.of("target"), fields(new SubscriptionInput("licheng", "OFFICE", null, "WEBHOOK", bad,
                    SECRET, null, null), false), bad);
        }
    }

    @Test
    void aWebhookNeedsASecretOfSixteenCharactersUnlessItKeepsItsOwn() {
        SubscriptionInput none = new SubscriptionInput("licheng", "OFFICE", null, "WEBHOOK", "http://127.0.0.1/x",
                null, null, null);
        assertEquals(List.of("secret"), fields(none, false));
        assertTrue(fields(none, true).isEmpty());
        assertEquals(List.of("secret"), fields(new SubscriptionInput("licheng", "OFFICE", null, "WEBHOOK",
                "http://127.0.0.1/x", "short", null, null), true));
        assertEquals(List.of("secret"), fields(new SubscriptionInput("licheng", "OFFICE", null, "EMAIL",
                "a@b.cn", SECRET, null, null), false));
    }
}
