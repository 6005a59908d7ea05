package rol.report.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First pass over the stored text, line by line (like jsoup's CharacterReader): removes markdown markup and
 * web-page debris, keeps web metadata lines aside, and repairs misaligned GBK. Every removal and repair is
 * recorded as a warning; the lines keep their mapping to the source.
 */
final class ReportReader {

    /** Web-page metadata keys (matching view: simplified, no spaces) whose lines are kept aside, not read as body. */
    private static final Pattern WEB_META = Pattern.compile(
            "^(索引号|备注/文号|备注|文号|发文字号|发布机构|发文机关|公文生成日期|生成日期|发布日期|成文日期|发文日期|主题分类|"
                    + "主题词|有效性|信息来源|来源|浏览次数|点击数|所属机构|公开方式|公开范围|体裁分类|组配分类|发布时间|时间|"
                    + "责任编辑|编辑|作者|字数)[:：](.*?)\\)?$");
    /** Page furniture of government web sites. */
    private static final Pattern WEB_FOOTER = Pattern.compile(
            "^(扫一扫|打印本页|关闭窗口|【?打印|【?关闭|分享到|【?字体|上一篇|下一篇|相关链接|相关附件|附件下载|网站地图|"
                    + "主办单位|版权所有|您当前的位置|当前位置|首页>).*");
    private static final Pattern HR = Pattern.compile("^([-*_=]\\s*){3,}$");
    private static final Pattern MD_HEADING = Pattern.compile("^#{1,6}\\s*");
    private static final Pattern MD_BULLET = Pattern.compile("^([-*+>])\\s+");

    record Result(List<TextRun> lines, Map<String, TextRun> webMeta) {
    }

    private final String original;
    private final boolean traditional;
    private final List<ParseWarning> warnings;
    private GbkRepair gbk;

    ReportReader(String original, boolean traditional, List<ParseWarning> warnings) {
        this.original = original;
        this.traditional = traditional;
        this.warnings = warnings;
    }

    Result read() {
        List<TextRun> lines = new ArrayList<>();
        Map<String, TextRun> meta = new LinkedHashMap<>();
        int markdownLines = 0;
        int firstMarkdownLine = 0;
        int lineNo = 0;
        int pos = 0;
        int n = original.length();
        while (pos <= n) {
            int eol = pos;
            while (eol < n && !isLineBreak(original.charAt(eol))) eol++;
            lineNo++;
            TextRun run = TextRun.of(original, pos, eol, lineNo, traditional).trim();
            // \r\n is one break
            pos = eol < n && original.charAt(eol) == '\r' && eol + 1 < n && original.charAt(eol + 1) == '\n'
                    ? eol + 2 : eol + 1;
            if (run.isEmpty()) continue;
            if (HR.matcher(run.match).matches()) {
                continue; // a markdown rule or a separator line between header and copy block
            }
            TextRun stripped = stripMarkdown(run);
            boolean hadMarkdown = stripped != run;
            if (hadMarkdown) {
                run = stripped.trim();
                if (run.isEmpty()) continue;
            }
            // Web furniture lines are short: skip the patterns for body paragraphs.
            boolean shortLine = run.length() < 120;
            String compact = shortLine ? run.match.replace(" ", "") : run.match;
            // "（来源：某某日报）": the same metadata in brackets
            String unbracketed = compact.startsWith("(") ? compact.substring(1) : compact;
            Matcher m = WEB_META.matcher(unbracketed);
            if (shortLine && unbracketed.indexOf(':') >= 0 && unbracketed.indexOf(':') < 12 && m.matches()) {
                int colon = indexOfColon(run.match);
                meta.putIfAbsent(m.group(1), run.sub(colon + 1).trim());
                warnings.add(new ParseWarning("WEB_DEBRIS_REMOVED",
                        "web-page metadata line '" + m.group(1) + "' read as metadata, not as report text", lineNo,
                        run.span()));
                continue;
            }
            if (shortLine && (isBreadcrumb(run.match) || WEB_FOOTER.matcher(compact).matches())) {
                warnings.add(new ParseWarning("WEB_DEBRIS_REMOVED", "web-page navigation or footer line removed",
                        lineNo, run.span()));
                continue;
            }
            if (hadMarkdown) {
                markdownLines++;
                if (firstMarkdownLine == 0) firstMarkdownLine = lineNo;
            }
            if (GbkRepair.looksDamaged(run.text)) {
                run = repairGbk(run);
            }
            lines.add(run);
        }
        if (markdownLines > 0) {
            warnings.add(new ParseWarning("MARKDOWN_REMOVED", "markdown markup (headings, bold, bullets) removed on "
                    + markdownLines + " lines; heading levels are taken from the numbering, not from '#'",
                    firstMarkdownLine));
        }
        return new Result(new WebPageCleaner(warnings).clean(lines, meta), meta);
    }

    private TextRun repairGbk(TextRun run) {
        if (gbk == null) gbk = new GbkRepair(original);
        TextRun current = run;
        // A line may hold several damaged runs; each pass repairs the first remaining one.
        for (int pass = 0; pass < 4 && GbkRepair.looksDamaged(current.text); pass++) {
            GbkRepair.Result r = gbk.repair(current.text);
            if (r == null) break;
            String before = current.text.substring(r.from(), r.to());
            current = current.replace(r.from(), r.to(), r.text(), ScriptConverter.matchView(r.text(), traditional));
            warnings.add(new ParseWarning(r.complete() ? "GBK_REPAIRED" : "GBK_PARTLY_REPAIRED",
                    "text decoded one byte off (GBK) realigned: '" + abbreviate(before) + "' -> '"
                            + abbreviate(r.text()) + "'" + (r.complete() ? "" : "; some characters are lost"),
                    run.line));
        }
        if (GbkRepair.looksDamaged(current.text)) {
            warnings.add(new ParseWarning("GBK_UNREPAIRED", "encoding damage that could not be repaired remains",
                    run.line));
        }
        return current;
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }

    private static TextRun stripMarkdown(TextRun run) {
        boolean[] drop = new boolean[run.length()];
        boolean any = false;
        String m = run.match;
        Matcher h = MD_HEADING.matcher(m);
        int from = 0;
        if (h.lookingAt()) {
            for (int i = 0; i < h.end(); i++) drop[i] = true;
            from = h.end();
            any = true;
        } else {
            Matcher b = MD_BULLET.matcher(m);
            if (b.lookingAt()) {
                for (int i = 0; i < b.end(); i++) drop[i] = true;
                from = b.end();
                any = true;
            }
        }
        for (int i = from; i + 1 < m.length(); i++) {
            char c = m.charAt(i);
            if ((c == '*' || c == '_') && m.charAt(i + 1) == c) {
                drop[i] = true;
                drop[i + 1] = true;
                any = true;
                i++;
            }
        }
        return any ? run.without(drop) : run;
    }

    private static boolean isBreadcrumb(String match) {
        int arrows = 0;
        for (int i = 0; i < match.length(); i++) {
            char c = match.charAt(i);
            if (c == '>' || c == '›' || c == '»') arrows++;
        }
        return arrows >= 2 && match.length() < 150 && match.indexOf('。') < 0;
    }

    private static int indexOfColon(String match) {
        int i = match.indexOf(':');
        return i < 0 ? -1 : i;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\f' || c == '\u2028' || c == '\u2029' || c == '\u000B';
    }
}
