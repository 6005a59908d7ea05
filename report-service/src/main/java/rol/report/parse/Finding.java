package rol.report.parse;

/**
 * How one part of the report was found and how sure the reader is of it, so that the office checks exactly the
 * uncertain parts. {@code part}: issuer, genre, level, planYear, problems, plan. {@code method}: where it came
 * from (header, web-metadata, title, speaker, session, title-organ, signature, section, cue-passage,
 * plan-heading, content, report-year, none…; for level the level itself). {@code confidence} from 0 (not found)
 * to 1.
 */
public record Finding(String part, String method, double confidence) {
}
