package rol.report.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report parser: bytes in, {@link ParsedReport} out. Thread-safe and stateless; create one and share it.
 *
 * <p>Pipeline: decode (type by content, charset) → read (markup, web debris, GBK repair) → tokenise (classify
 * lines, join page breaks) → build the outline → assemble parts and metadata. It repairs what it can and
 * reports each repair as a warning; it throws only when there is nothing to parse (see the exception types).
 */
public final class ReportParser {

    private final ReportDecoder decoder;

    public ReportParser() {
        this(new ReportDecoder());
    }

    public ReportParser(ReportDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * @throws EmptyReportException no bytes or no text
     * @throws UnsupportedFormatException binary content that is not a supported document
     * @throws ReportTooLargeException oversized input or suspicious expansion (zip bomb)
     * @throws UnrecognizedReportException text without report structure
     */
    public ParsedReport parse(byte[] bytes) {
        return parse(decoder.decode(bytes));
    }

    /** Parses text that is already decoded (stored reports, tests). */
    public ParsedReport parseText(String text) {
        if (text == null || text.isBlank()) throw new EmptyReportException("the report contains no text");
        return parse(new DecodedText(text, text.contains("**") || text.contains("\n#") || text.startsWith("#")
                ? SourceFormat.MARKDOWN : SourceFormat.TEXT, null, List.of()));
    }

    public ParsedReport parse(DecodedText decoded) {
        String text = decoded.text();
        List<ParseWarning> warnings = new ArrayList<>(decoded.warnings());
        if (countHan(text) < 20) {
            throw new UnrecognizedReportException(List.of("chinese-text"));
        }
        boolean traditional = ScriptConverter.isTraditional(text);
        ReportReader.Result read = new ReportReader(text, traditional, warnings).read();
        List<Block> blocks = new Tokeniser(warnings).tokenise(read.lines());
        MetadataExtractor meta = new MetadataExtractor(blocks, read.webMeta());
        int reportYear = meta.reportYear();
        List<Node> roots = new OutlineBuilder(reportYear, warnings).build(blocks);
        ReportAssembler parts = new ReportAssembler(roots, reportYear > 0 ? reportYear + 1 : 0, warnings);

        List<AchievementTheme> achievements = parts.achievements();
        List<Problem> problems = parts.problems();
        List<PlanItem> plan = parts.plan();
        TextRun title = meta.title();
        List<PlanItem> leaves = new ArrayList<>();
        collectLeaves(plan, leaves);
        if (leaves.isEmpty() && (title == null || achievements.isEmpty())) {
            List<String> missing = new ArrayList<>();
            if (title == null) missing.add("title");
            if (achievements.isEmpty()) missing.add("achievements");
            missing.add("plan");
            throw new UnrecognizedReportException(missing);
        }

        Integer planYear = parts.planYearFromPart();
        if (planYear == null && title != null) {
            List<Integer> years = MetadataExtractor.years(title.match);
            if (years.size() > 1) planYear = years.get(1);
        }
        if (planYear == null && reportYear > 0) planYear = reportYear + 1;
        LocalDate issuedOn = meta.issuedOn();
        List<String> recipients = meta.recipients();
        Genre genre = genre(title, recipients);

        if (title == null) warnings.add(new ParseWarning("NO_TITLE", "no title line found", 0));
        if (issuedOn == null) warnings.add(new ParseWarning("NO_ISSUE_DATE", "no date of issue found", 0));
        if (problems.isEmpty()) {
            warnings.add(new ParseWarning("NO_PROBLEMS_PART", "the report has no problems part; none were invented", 0));
        }
        if (leaves.isEmpty()) warnings.add(new ParseWarning("NO_PLAN_PART", "no next-year plan items found", 0));
        if (parts.hasClosing()) {
            warnings.add(new ParseWarning("CLOSING_EXCLUDED", "the closing paragraph after the plan is not a plan item", 0));
        }
        if (mixedPunctuation(text)) {
            warnings.add(new ParseWarning("MIXED_PUNCTUATION",
                    "full-width and half-width punctuation are mixed; both are read the same", 0));
        }
        return new ParsedReport(text, decoded.format(), decoded.charset(),
                traditional ? ParsedReport.TRADITIONAL : ParsedReport.SIMPLIFIED, genre,
                title == null ? null : title.text.strip(), title == null ? null : title.span(),
                meta.issuer(), meta.docNumber(), meta.signatory(), recipients, meta.copiedTo(),
                reportYear > 0 ? reportYear : null, planYear, issuedOn, meta.contact(),
                achievements, problems, plan, warnings);
    }

    private static Genre genre(TextRun title, List<String> recipients) {
        String t = title == null ? "" : title.match.replace(" ", "");
        if (t.contains("政府工作报告") || recipients.stream().anyMatch(r -> r.contains("代表"))) {
            return Genre.GOVERNMENT_WORK_REPORT;
        }
        if (t.contains("工作总结") || t.contains("工作计划") || t.contains("总结及")) return Genre.WORK_SUMMARY_AND_PLAN;
        return Genre.RULE_OF_LAW_REPORT;
    }

    private static void collectLeaves(List<PlanItem> items, List<PlanItem> out) {
        for (PlanItem i : items) {
            if (i.leaf()) out.add(i);
            else collectLeaves(i.children(), out);
        }
    }

    private static boolean mixedPunctuation(String text) {
        return (text.indexOf('，') >= 0 && text.indexOf(',') >= 0) || (text.indexOf('：') >= 0 && text.indexOf(':') >= 0);
    }

    private static int countHan(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && n < 20; i++) {
            if (ScriptConverter.isHan(s.charAt(i))) n++;
        }
        return n;
    }
}
