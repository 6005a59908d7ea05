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

        List<Finding> findings = new ArrayList<>();
        Integer planYear = parts.planYearFromPart();
        String planYearMethod = "plan-heading";
        if (planYear == null && title != null) {
            List<Integer> years = MetadataExtractor.years(title.match);
            if (years.size() > 1) planYear = years.get(1);
            planYearMethod = "title";
        }
        if (planYear == null && reportYear > 0) {
            planYear = reportYear + 1;
            planYearMethod = "report-year";
        }
        LocalDate issuedOn = meta.issuedOn();
        List<String> recipients = meta.recipients();
        Genre genre = genre(title, recipients);
        String issuer = meta.issuer();
        findings.add(meta.issuerFinding);
        findings.add(genreFinding(title, recipients));
        findings.add(Levels.of(issuer, genre));
        findings.add(planYear == null ? new Finding("planYear", "none", 0) : new Finding("planYear", planYearMethod,
                planYearMethod.equals("plan-heading") ? 0.9 : planYearMethod.equals("title") ? 0.8 : 0.6));
        findings.add(parts.problemsFinding(!problems.isEmpty()));
        findings.add(parts.planFinding(!leaves.isEmpty()));

        if (title == null) warnings.add(new ParseWarning("NO_TITLE", "no title line found", 0));
        if (issuedOn == null) warnings.add(new ParseWarning("NO_ISSUE_DATE", "no date of issue found", 0));
        if (problems.isEmpty()) {
            warnings.add(new ParseWarning("NO_PROBLEMS_PART", "no problems passage found (no heading, no cue such as "
                    + "清醒认识到 or 还存在…问题); none were invented: please check whether the report names problems", 0));
        }
        if (issuer == null) warnings.add(new ParseWarning("NO_ISSUER", "no issuing body found", 0));
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
                issuer, meta.docNumber(), meta.signatory(), recipients, meta.copiedTo(),
                reportYear > 0 ? reportYear : null, planYear, issuedOn, meta.contact(),
                achievements, problems, plan, warnings, findings);
    }

    private static Genre genre(TextRun title, List<String> recipients) {
        String t = title == null ? "" : title.match.replace(" ", "");
        if (t.contains("政府工作报告") || recipients.stream().anyMatch(r -> r.contains("代表"))) {
            return Genre.GOVERNMENT_WORK_REPORT;
        }
        if (t.contains("法治政府建设") || t.contains("法治建设")) return Genre.RULE_OF_LAW_REPORT;
        if (t.contains("工作总结") || t.contains("工作计划") || t.contains("总结及") || t.contains("总结和")) {
            return Genre.WORK_SUMMARY_AND_PLAN;
        }
        return Genre.RULE_OF_LAW_REPORT;
    }

    /** The genre is sure when the title names it; from the salutation alone less so; a mere default least. */
    private static Finding genreFinding(TextRun title, List<String> recipients) {
        String t = title == null ? "" : title.match.replace(" ", "");
        if (t.matches(".*(政府工作报告|法治政府建设|法治建设|工作总结|工作计划|总结及|总结和).*")) {
            return new Finding("genre", "title", 0.9);
        }
        if (recipients.stream().anyMatch(r -> r.contains("代表"))) return new Finding("genre", "recipients", 0.7);
        return new Finding("genre", "default", 0.4);
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
