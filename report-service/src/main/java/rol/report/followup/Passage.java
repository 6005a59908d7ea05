package rol.report.followup;

import java.util.List;
import java.util.Set;

import rol.report.parse.Span;

/** A unit of text the matcher compares (an achievement item, a plan item, a problem), with its terms and its title's. */
record Passage(String id, String title, String text, Span span, List<String> terms, Set<String> titleTerms) {

    static Passage of(String id, String title, String text, Span span) {
        String safeTitle = title == null ? "" : title;
        return new Passage(id, title, text, span, Terms.of(text == null || text.isBlank() ? safeTitle : text),
                Set.copyOf(Terms.of(safeTitle)));
    }
}
