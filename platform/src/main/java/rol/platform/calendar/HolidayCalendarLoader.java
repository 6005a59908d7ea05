package rol.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the holiday calendar file ({@code calendar/cn-holidays.properties}; the format is described in
 * the file's header). Every problem is collected and reported at once in a {@link CalendarFileException}; a file
 * with any problem yields no calendar at all.
 */
public final class HolidayCalendarLoader {

    private static final Pattern KEY = Pattern.compile("(\\d{4})\\.(notice|holiday\\.(.+)|workday\\.(.+))");
    private static final Pattern RANGE = Pattern.compile("(\\S+)\\s*\\.\\.\\s*(\\S+)");
    /** A guard against a typo such as 2024-02-10..2042-02-17. */
    private static final int MAX_RANGE_DAYS = 31;

    private HolidayCalendarLoader() {
    }

    /** Loads a calendar file from the class path. */
    public static WorkingCalendar loadResource(String resource) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(resource);
        if (in == null) {
            in = HolidayCalendarLoader.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new CalendarFileException(resource, List.of("not found on the class path"));
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(r, resource);
        } catch (IOException e) {
            throw new CalendarFileException(resource, List.of("unreadable: " + e.getMessage()));
        }
    }

    /** Loads a calendar file from the file system, e.g. a replacement mounted beside the service. */
    public static WorkingCalendar load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(r, file.toString());
        } catch (IOException e) {
            throw new CalendarFileException(file.toString(), List.of("unreadable: " + e.getMessage()));
        }
    }

    /** Loads a calendar file; {@code source} names it in error messages. */
    public static WorkingCalendar load(Reader reader, String source) {
        List<String> problems = new ArrayList<>();
        Properties props = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    problems.add("key " + key + " given twice");
                }
                return super.put(key, value);
            }
        };
        try {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CalendarFileException(source, List.of("unreadable: " + e.getMessage()));
        }

        Map<Integer, String> notices = new TreeMap<>();
        Map<Integer, Map<LocalDate, String>> holidays = new TreeMap<>();
        Map<Integer, Map<LocalDate, String>> workdays = new TreeMap<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            String value = props.getProperty(key).trim();
            Matcher m = KEY.matcher(key.trim());
            if (!m.matches()) {
                problems.add("unknown key " + key + " (expected <year>.notice, <year>.holiday.<name>, <year>.workday.<name>)");
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            if (m.group(2).equals("notice")) {
                if (value.isEmpty()) {
                    problems.add(key + " is empty");
                } else {
                    notices.put(year, value);
                }
                continue;
            }
            boolean holiday = m.group(3) != null;
            String name = holiday ? m.group(3) : m.group(4);
            Map<LocalDate, String> target = (holiday ? holidays : workdays).computeIfAbsent(year, y -> new HashMap<>());
            for (LocalDate d : dates(key, value, problems)) {
                if (d.getYear() != year) {
                    problems.add(key + ": " + d + " is not in " + year);
                    continue;
                }
                if (!holiday && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    problems.add(key + ": " + d + " is a " + d.getDayOfWeek()
                            + ", an adjusted working day must be a Saturday or Sunday");
                    continue;
                }
                String before = target.put(d, name);
                if (before != null) {
                    problems.add(key + ": " + d + " is listed twice (also under " + before + ")");
                }
            }
        }

        TreeSet<Integer> years = new TreeSet<>();
        years.addAll(holidays.keySet());
        years.addAll(workdays.keySet());
        years.addAll(notices.keySet());
        List<CalendarYear> result = new ArrayList<>();
        for (int year : years) {
            Map<LocalDate, String> off = holidays.getOrDefault(year, Map.of());
            Map<LocalDate, String> on = workdays.getOrDefault(year, Map.of());
            for (LocalDate d : new TreeSet<>(off.keySet())) {
                if (on.containsKey(d)) {
                    problems.add(d + " is both a holiday (" + off.get(d) + ") and a working day (" + on.get(d) + ")");
                }
            }
            if (!notices.containsKey(year)) {
                problems.add(year + ".notice is missing: name the State Council notice the year was taken from");
            }
            if (off.isEmpty()) {
                problems.add(year + " has no holidays");
            }
            result.add(new CalendarYear(year, notices.get(year), off, on));
        }
        if (years.isEmpty() && problems.isEmpty()) {
            problems.add("no year in the file");
        }
        if (!problems.isEmpty()) {
            throw new CalendarFileException(source, problems);
        }
        return WorkingCalendar.of(result);
    }

    private static List<LocalDate> dates(String key, String value, List<String> problems) {
        List<LocalDate> out = new ArrayList<>();
        if (value.isEmpty()) {
            problems.add(key + " is empty");
            return out;
        }
        for (String part : value.split("[,，]")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                Matcher r = RANGE.matcher(p);
                if (r.matches()) {
                    LocalDate from = LocalDate.parse(r.group(1));
                    LocalDate to = LocalDate.parse(r.group(2));
                    if (to.isBefore(from)) {
                        problems.add(key + ": range " + p + " ends before it starts");
                    } else if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
                        problems.add(key + ": range " + p + " is longer than " + MAX_RANGE_DAYS + " days");
                    } else {
                        from.datesUntil(to.plusDays(1)).forEach(out::add);
                    }
                } else {
                    out.add(LocalDate.parse(p));
                }
            } catch (DateTimeParseException e) {
                problems.add(key + ": '" + p + "' is not a date (yyyy-MM-dd) or a range (yyyy-MM-dd..yyyy-MM-dd)");
            }
        }
        return out;
    }
}
