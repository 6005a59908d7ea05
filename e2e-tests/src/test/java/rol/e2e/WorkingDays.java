package rol.e2e;

import rol.testsupport.TestStack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Working days as the service counts them, from the holiday file it is built with (docs/notifications.md,
 * "Working days"), so that the reminder days are computed, not hard-coded to one year's calendar.
 */
record WorkingDays(Set<LocalDate> off, Set<LocalDate> worked) {

    static WorkingDays load() throws IOException {
        Path file = TestStack.root().resolve("platform/src/main/resources/calendar/cn-holidays.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        for (String key : p.stringPropertyNames()) {
            Set<LocalDate> into = key.contains(".holiday.") ? off : key.contains(".workday.") ? worked : null;
            if (into == null) {
                continue;
            }
            for (String part : p.getProperty(key).split(",")) {
                String[] range = part.strip().split("\\.\\.");
                LocalDate from = LocalDate.parse(range[0].strip());
                LocalDate to = range.length == 2 ? LocalDate.parse(range[1].strip()) : from;
                from.datesUntil(to.plusDays(1)).forEach(into::add);
            }
        }
        return new WorkingDays(off, worked);
    }

    boolean working(LocalDate d) {
        return worked.contains(d) || !off.contains(d)
                && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after (n > 0) or before (n < 0) {@code d}; {@code d} itself never counts. */
    LocalDate plus(LocalDate d, int n) {
        int step = Integer.signum(n);
        while (n != 0) {
            d = d.plusDays(step);
            if (working(d)) {
                n -= step;
            }
        }
        return d;
    }
}
