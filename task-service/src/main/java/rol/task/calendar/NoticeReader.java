package rol.task.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a State Council notice (国务院办公厅关于XXXX年部分节假日安排的通知) into one year's holidays and
 * adjusted working days. Only the numbered items count (一、元旦：…。二、春节：…); in each, a sentence with 放假 gives
 * a day or a range of days off, a sentence with 上班 the weekend days worked. A sentence with a date that fits
 * neither, a weekday in brackets that does not match its date, or a day count (共N天) that does not match its range
 * is not guessed at: it is returned as {@link Unread}, for the office to look at before it confirms.
 *
 * <p>Plain Java; the refusals (another year, overlapping ranges, a working day on a holiday) are
 * {@link Conflict}s the caller turns into answers.
 */
public final class NoticeReader {

    /** A sentence of an item that could not be read, and why (Chinese, shown to the office). */
    public record Unread(String festival, String text, String reason) {
    }

    public enum ConflictKind { OTHER_YEAR, OVERLAP, WORKING_DAY_ON_HOLIDAY }

    /** Something that makes the notice unusable for the year: {@code date} and the festivals involved, where any. */
    public record Conflict(ConflictKind kind, int year, LocalDate date, String festival, String other) {
    }

    /**
     * @param notice the notice's title with its 文号 when the text gives them, else null
     */
    public record Reading(int year, String notice, Map<LocalDate, String> holidays,
                          Map<LocalDate, String> workingDays, List<Unread> unread, List<Conflict> conflicts) {
    }

    private static final String NUMERALS = "[一二三四五六七八九十]{1,3}";
    private static final Pattern ITEM_START = Pattern.compile("(?=" + NUMERALS + "、[\\p{IsHan}、]{1,12}:)");
    private static final Pattern ITEM = Pattern.compile("^" + NUMERALS + "、([\\p{IsHan}、]{1,12}):(.*)$");
    private static final Pattern TITLE = Pattern.compile("国务院办公厅关于(\\d{4})年部分节假日安排的通知");
    private static final Pattern YEAR_OF_ARRANGEMENT = Pattern.compile("现将(\\d{4})年");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("国办发明电〔\\d{4}〕\\d+号");
    private static final Pattern DATE = Pattern.compile(
            "(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:\\(([^)]*)\\))?");
    private static final Pattern WEEKDAY = Pattern.compile("(?:周|星期)([一二三四五六日天])");
    private static final Pattern DAY_COUNT = Pattern.compile("(?:共|放假)(\\d{1,2})天");
    private static final int MAX_RANGE_DAYS = 31;

    private NoticeReader() {
    }

    /** Reads {@code text} as the notice for {@code year}. */
    public static Reading read(String text, int year) {
        String t = normalize(text);
        List<Conflict> conflicts = new ArrayList<>();
        Integer noticeYear = firstYear(t);
        if (noticeYear != null && noticeYear != year) {
            conflicts.add(new Conflict(ConflictKind.OTHER_YEAR, noticeYear, null, null, null));
        }
        Reader r = new Reader(year, conflicts);
        for (String line : ITEM_START.matcher(t).replaceAll("\n").split("\n")) {
            Matcher item = ITEM.matcher(line.strip());
            if (item.matches()) {
                r.item(item.group(1), item.group(2));
            }
        }
        return new Reading(year, noticeTitle(t), r.holidays, r.workingDays, r.unread, conflicts);
    }

    private static String normalize(String text) {
        return text.replace('（', '(').replace('）', ')').replace('：', ':').replace('，', ',').replace('；', ';')
                .replace("\r", "").replaceAll("[ \\t\\u3000\\u00a0]+", "");
    }

    private static Integer firstYear(String t) {
        for (Pattern p : List.of(TITLE, YEAR_OF_ARRANGEMENT)) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }

    private static String noticeTitle(String t) {
        Matcher title = TITLE.matcher(t);
        if (!title.find()) {
            return null;
        }
        Matcher number = DOCUMENT_NUMBER.matcher(t);
        return number.find() ? title.group() + "（" + number.group() + "）" : title.group();
    }

    /** The state of one reading. */
    private static final class Reader {
        final int year;
        final List<Conflict> conflicts;
        final Map<LocalDate, String> holidays = new LinkedHashMap<>();
        final Map<LocalDate, String> workingDays = new LinkedHashMap<>();
        final List<Unread> unread = new ArrayList<>();

        Reader(int year, List<Conflict> conflicts) {
            this.year = year;
            this.conflicts = conflicts;
        }

        void item(String festival, String body) {
            for (String sentence : body.split("[。;]")) {
                String s = sentence.strip();
                if (s.isEmpty()) {
                    continue;
                }
                List<MatchResult> dates = dates(s);
                if (s.contains("上班")) {
                    workingDays(festival, s, dates);
                } else if (s.contains("放假")) {
                    holidays(festival, s, dates);
                } else if (!dates.isEmpty()) {
                    unread.add(new Unread(festival, s, "这句话既不是放假也不是上班安排，未录入"));
                }
            }
        }

        private void holidays(String festival, String s, List<MatchResult> dates) {
            int off = s.indexOf("放假");
            List<MatchResult> before = dates.stream().filter(m -> m.end() <= off).toList();
            boolean range = before.size() == 2 && s.substring(before.get(0).end(), before.get(1).start()).equals("至");
            if (before.isEmpty() || before.size() > 2 || (before.size() == 2 && !range)) {
                unread.add(new Unread(festival, s, "没有读出放假的日期或起止日期"));
                return;
            }
            LocalDate from = date(before.get(0), null, festival, s);
            if (from == null) {
                return;
            }
            LocalDate to = range ? date(before.get(1), from, festival, s) : from;
            if (to == null) {
                return;
            }
            if (to.isBefore(from) || from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
                unread.add(new Unread(festival, s, "放假的起止日期不合理"));
                return;
            }
            List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
            Matcher count = DAY_COUNT.matcher(s);
            if (count.find() && Integer.parseInt(count.group(1)) != days.size()) {
                unread.add(new Unread(festival, s, "写明共" + count.group(1) + "天，但起止日期是" + days.size() + "天"));
                return;
            }
            for (LocalDate d : days) {
                String other = holidays.putIfAbsent(d, festival);
                if (other != null) {
                    conflicts.add(new Conflict(ConflictKind.OVERLAP, year, d, festival, other));
                } else if (workingDays.containsKey(d)) {
                    conflicts.add(new Conflict(ConflictKind.WORKING_DAY_ON_HOLIDAY, year, d, workingDays.get(d), festival));
                }
            }
        }

        private void workingDays(String festival, String s, List<MatchResult> dates) {
            if (dates.isEmpty()) {
                unread.add(new Unread(festival, s, "没有读出上班的日期"));
                return;
            }
            for (MatchResult m : dates) {
                LocalDate d = date(m, null, festival, s);
                if (d == null) {
                    continue;
                }
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    unread.add(new Unread(festival, s, d + " 是工作日，本来就上班，不是调休上班日"));
                } else if (holidays.containsKey(d)) {
                    conflicts.add(new Conflict(ConflictKind.WORKING_DAY_ON_HOLIDAY, year, d, festival, holidays.get(d)));
                } else {
                    workingDays.putIfAbsent(d, festival);
                }
            }
        }

        private static List<MatchResult> dates(String s) {
            return DATE.matcher(s).results().toList();
        }

        /**
         * The date a match names; the month and year come from {@code start} (a range's first day) when the match
         * leaves them out. Null, with the sentence marked unread, when it names no valid date of this year or its
         * weekday in brackets contradicts it.
         */
        private LocalDate date(MatchResult m, LocalDate start, String festival, String s) {
            int y = m.group(1) != null ? Integer.parseInt(m.group(1)) : start != null ? start.getYear() : year;
            Integer month = m.group(2) != null ? Integer.valueOf(m.group(2)) : start != null ? start.getMonthValue() : null;
            if (month == null) {
                unread.add(new Unread(festival, s, "日期“" + m.group() + "”没有写月份"));
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.of(y, month, Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                unread.add(new Unread(festival, s, "“" + m.group() + "”不是有效的日期"));
                return null;
            }
            if (y != year) {
                unread.add(new Unread(festival, s, date + " 不在" + year + "年内，未录入"));
                return null;
            }
            Matcher w = m.group(4) == null ? null : WEEKDAY.matcher(m.group(4));
            if (w != null && w.find() && dayOfWeek(w.group(1)) != date.getDayOfWeek()) {
                unread.add(new Unread(festival, s, date + " 是" + chinese(date.getDayOfWeek()) + "，与通知写的“周"
                        + w.group(1) + "”不符"));
                return null;
            }
            return date;
        }
    }

    private static final String WEEKDAYS = "一二三四五六日";

    private static DayOfWeek dayOfWeek(String c) {
        return DayOfWeek.of(c.equals("天") ? 7 : WEEKDAYS.indexOf(c) + 1);
    }

    static String chinese(DayOfWeek d) {
        return "周" + WEEKDAYS.charAt(d.getValue() - 1);
    }
}
