package rol.task.ledger;

import org.junit.jupiter.api.Test;
import rol.platform.lights.LightReason;
import rol.platform.lights.LightVerdict;
import rol.platform.problem.Messages;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 红黄绿灯 column's words for every reason the rule can give (plain Java: the texts are a resource bundle). */
class LightTextTest {

    @Test
    void everyReasonHasItsWords() {
        Map<LightReason, String> words = new EnumMap<>(LightReason.class);
        for (LightReason r : LightReason.values()) {
            assertTrue(Messages.has("light.reason." + r.name()), "a text for " + r);
            words.put(r, Ledger.lightText(new LightVerdict(r, "explanation for logs")));
        }
        assertEquals(Map.of(
                LightReason.OVERDUE, "红灯（逾期未办结）",
                LightReason.BEHIND_NEAR_DEADLINE, "黄灯（临近期限进度滞后）",
                LightReason.NO_FEEDBACK, "黄灯（长期未反馈进度）",
                LightReason.ON_TRACK, "绿灯",
                LightReason.NOT_DISPATCHED, "",
                LightReason.CLOSED_ON_TIME, "按期办结",
                LightReason.CLOSED_LATE, "逾期办结",
                LightReason.CANCELLED, ""), words);
    }
}
