package rol.task.calendar;

import org.junit.jupiter.api.Test;
import rol.platform.calendar.CalendarYear;
import rol.platform.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader on the real notices, compared with the built-in calendar (which was checked date by date against the
 * same notices). The notices are official documents (国务院办公厅, 国办发明电), not covered by copyright
 * (著作权法 第五条); only their title and numbered items are quoted, as published at the addresses given.
 */
class NoticeReaderTest {

    private static final WorkingCalendar BUILT_IN = WorkingCalendar.chinaDefault();

    /** 人民日报 2023-10-26 第06版, http://paper.people.com.cn/rmrb/html/2023-10/26/nw.D110000renmrb_20231026_3-06.htm */
    static final String NOTICE_2024 = """
            国务院办公厅关于2024年部分节假日安排的通知
            国办发明电〔2023〕7号
            各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
            经国务院批准，现将2024年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
            一、元旦：1月1日放假，与周末连休。
            二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
            三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
            四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
            五、端午节：6月10日放假，与周末连休。
            六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
            七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
            """;

    /** 新华社 2024-11-12, as reprinted by 光明网: https://m.gmw.cn/2024-11/12/content_1303894933.htm */
    static final String NOTICE_2025 = """
            国务院办公厅关于2025年部分节假日安排的通知
            国办发明电〔2024〕12号
            按照上述原则，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
            一、元旦：1月1日（周三）放假1天，不调休。
            二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
            三、清明节：4月4日（周五）至6日（周日）放假，共3天。
            四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
            五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
            六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
            """;

    /** 新华社 2025-11-04, as reprinted by 光明网: https://politics.gmw.cn/2025-11/04/content_38391083.htm */
    static final String NOTICE_2026 = """
            国务院办公厅关于2026年部分节假日安排的通知
            经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
            一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
            二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
            三、清明节：4月4日（周六）至6日（周一）放假，共3天。
            四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
            五、端午节：6月19日（周五）至21日（周日）放假，共3天。
            六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
            七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
            """;

    @Test
    void the2026NoticeGivesExactlyTheBuiltIn2026() {
        NoticeReader.Reading r = NoticeReader.read(NOTICE_2026, 2026);
        assertSameAsBuiltIn(r);
        assertEquals(List.of(), r.unread());
        assertEquals("国务院办公厅关于2026年部分节假日安排的通知", r.notice());
    }

    @Test
    void the2025NoticeGivesTheBuiltIn2025() {
        NoticeReader.Reading r = NoticeReader.read(NOTICE_2025, 2025);
        assertSameAsBuiltIn(r);
        assertEquals(List.of(), r.unread());
        assertEquals("国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）", r.notice());
    }

    @Test
    void the2024NoticeGivesTheBuiltIn2024AndMarksTheEveSentence() {
        NoticeReader.Reading r = NoticeReader.read(NOTICE_2024, 2024);
        assertSameAsBuiltIn(r);
        // "安排职工在除夕（2月9日）休息" is encouraged, not a holiday: shown to the office, not entered
        assertEquals(1, r.unread().size(), r.unread().toString());
        assertEquals("春节", r.unread().get(0).festival());
        assertTrue(r.unread().get(0).text().contains("除夕(2月9日)休息"), r.unread().toString());
        assertTrue(r.holidays().keySet().stream().noneMatch(d -> d.equals(LocalDate.of(2024, 2, 9))));
    }

    @Test
    void theWholeNoticeOnOneLineReadsTheSame() {
        NoticeReader.Reading r = NoticeReader.read(NOTICE_2026.replace("\n", ""), 2026);
        assertSameAsBuiltIn(r);
    }

    @Test
    void aNoticeOfAnotherYearIsAConflict() {
        NoticeReader.Reading r = NoticeReader.read(NOTICE_2026, 2027);
        assertEquals(NoticeReader.ConflictKind.OTHER_YEAR, r.conflicts().get(0).kind());
        assertEquals(2026, r.conflicts().get(0).year());
    }

    @Test
    void overlappingRangesAndAWorkingDayOnAHolidayAreConflicts() {
        NoticeReader.Reading r = NoticeReader.read("""
                一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。
                二、春节：1月3日（周日）至5日（周二）放假，共3天。1月1日（周五）上班。
                三、清明节：4月3日（周六）至5日（周一）放假，共3天。4月4日（周日）上班。
                """, 2027);
        assertEquals(List.of(
                new NoticeReader.Conflict(NoticeReader.ConflictKind.OVERLAP, 2027, LocalDate.of(2027, 1, 3), "春节", "元旦"),
                new NoticeReader.Conflict(NoticeReader.ConflictKind.WORKING_DAY_ON_HOLIDAY, 2027,
                        LocalDate.of(2027, 4, 4), "清明节", "清明节")), r.conflicts());
        // 1月1日 is a Friday: not an adjusted working day, so it is marked, not a conflict
        assertEquals(1, r.unread().size(), r.unread().toString());
    }

    @Test
    void whatItCannotReadIsMarkedNotGuessed() {
        NoticeReader.Reading r = NoticeReader.read("""
                一、元旦：1月1日（周三）至3日（周五）放假调休，共3天。
                二、春节：2月6日至13日放假调休，共9天。
                三、清明节：某月某日放假。
                四、劳动节：5月1日（周六）至5日（周三）放假，共5天。5月8日（周六）上班。
                """, 2027);
        assertNull(r.notice());
        // 2027-01-01 is a Friday: the weekday in brackets contradicts it; 2月6日至13日 is 8 days, not 9
        assertEquals(List.of("元旦", "春节", "清明节"), r.unread().stream().map(NoticeReader.Unread::festival).toList());
        assertEquals(Map.of(LocalDate.of(2027, 5, 1), "劳动节", LocalDate.of(2027, 5, 2), "劳动节",
                LocalDate.of(2027, 5, 3), "劳动节", LocalDate.of(2027, 5, 4), "劳动节", LocalDate.of(2027, 5, 5), "劳动节"),
                r.holidays());
        assertEquals(Map.of(LocalDate.of(2027, 5, 8), "劳动节"), r.workingDays());
        assertEquals(List.of(), r.conflicts());
    }

    private static void assertSameAsBuiltIn(NoticeReader.Reading r) {
        CalendarYear expected = BUILT_IN.year(r.year()).orElseThrow();
        assertEquals(List.of(), r.conflicts());
        assertEquals(expected.holidays(), Map.copyOf(r.holidays()));
        assertEquals(expected.adjustedWorkingDays(), Map.copyOf(r.workingDays()));
    }
}
