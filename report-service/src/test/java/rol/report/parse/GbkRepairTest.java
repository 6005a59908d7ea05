package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class GbkRepairTest {

    private static final Charset GBK = Charset.forName("GBK");
    /** Context the repair learns character frequencies from, as a real document would provide. */
    private static final String CONTEXT = "堅持全面依法治區，統籌推進法治建設。推進法治政府建設，堅持依法行政，全面推進。";

    /** Damage the way the fixtures were damaged: GBK bytes read one byte late, the first pair shown as '?'. */
    private static String damage(String original) {
        byte[] bytes = ("\u3000" + original).getBytes(GBK); // an indent: the lost byte is its second half
        String shifted = new String(Arrays.copyOfRange(bytes, 1, bytes.length), GBK);
        return "?" + shifted;
    }

    @Test
    void realignsAHeadingDecodedOneByteOff() {
        String original = "（一）堅持全面依法治區，統籌推進法治建設";
        String damaged = damage(original);
        assertTrue(GbkRepair.looksDamaged(damaged), damaged);
        GbkRepair.Result r = new GbkRepair(CONTEXT + damaged).repair(damaged);
        assertNotNull(r, "no repair of " + damaged);
        String repaired = damaged.substring(0, r.from()) + r.text() + damaged.substring(r.to());
        assertTrue(repaired.startsWith("（一）堅持全面依法治區"), repaired);
    }

    @Test
    void repairedLineIsReadAsANumberedHeadingAndReported() {
        String text = "區委、區政府：\n" + damage("（一）堅持全面依法治區，統籌推進法治建設") + "\n1.全面推進依法行政。堅持依法行政。\n";
        List<ParseWarning> warnings = new ArrayList<>();
        List<TextRun> lines = new ReportReader(CONTEXT + "\n" + text, true, warnings).read().lines();
        TextRun heading = lines.get(2);
        assertTrue(heading.text.startsWith("（一）堅持"), heading.text);
        assertEquals(Enumerator.CN_PAREN, Enumerator.at(heading.match).kind());
        assertTrue(warnings.stream().anyMatch(w -> w.code().startsWith("GBK_") && w.line() == 3), warnings.toString());
        // the repaired characters still point into the damaged source line
        Span span = heading.span();
        assertTrue(span.start() >= (CONTEXT + "\n區委、區政府：\n").length(), span.toString());
    }

    @Test
    void leavesHealthyTextAlone() {
        assertFalse(GbkRepair.looksDamaged("（一）堅持全面依法治區，是否？"));
        assertNull(new GbkRepair(CONTEXT).repair("全面推进依法治区? 是的"));
    }
}
