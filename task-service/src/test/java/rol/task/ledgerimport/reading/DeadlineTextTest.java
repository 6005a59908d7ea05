package rol.task.ledgerimport.reading;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeadlineTextTest {

    @ParameterizedTest
    @CsvSource({
            "2025年6月底, 2025-06-30",
            "6月30日前, 2025-06-30",
            "年底前, 2025-12-31",
            "2025年底, 2025-12-31",
            "2026年12月底前, 2026-12-31",
            "2025-11-30, 2025-11-30",
            "2025/5/31, 2025-05-31",
            "２０２５年９月, 2025-09-30",
            "2025年8月15日前, 2025-08-15",
            "上半年, 2025-06-30",
            "2025年第三季度, 2025-09-30",
            "2月底, 2025-02-28",
    })
    void readsTheWaysOfficesWriteDeadlines(String text, LocalDate expected) {
        DeadlineText.Reading r = DeadlineText.read(CellValue.text(text), 2025);
        assertEquals(DeadlineText.Reading.Kind.DATE, r.kind(), text);
        assertEquals(expected, r.deadline(), text);
    }

    @Test
    void anExcelDateCellIsTakenAsItIs() {
        LocalDate d = LocalDate.of(2025, 9, 30);
        assertEquals(d, DeadlineText.read(new CellValue("2025年9月30日", d, false), 2024).deadline());
    }

    @Test
    void longTermMeansNoDeadlineOnPurpose() {
        for (String t : new String[]{"长期坚持", "持续推进", "常态化开展"}) {
            DeadlineText.Reading r = DeadlineText.read(CellValue.text(t), 2025);
            assertEquals(DeadlineText.Reading.Kind.LONG_TERM, r.kind(), t);
            assertNull(r.deadline());
        }
    }

    @Test
    void blankAndNonsenseAreToldApart() {
        assertEquals(DeadlineText.Reading.Kind.BLANK, DeadlineText.read(CellValue.text(" "), 2025).kind());
        assertEquals(DeadlineText.Reading.Kind.UNREADABLE, DeadlineText.read(CellValue.text("尽快"), 2025).kind());
        assertEquals(DeadlineText.Reading.Kind.UNREADABLE, DeadlineText.read(CellValue.text("2025年2月30日"), 2025).kind());
    }
}
