package rol.report.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes the furniture of a government web page out of text copied or saved from it: tool bars (下载, 打印,
 * 【字号：大 中 小】, 分享, 扫一扫…), time stamps, photo captions, duplicated title lines and the related-article
 * list at the end. Nothing disappears silently: every removed line is a WEB_DEBRIS_REMOVED warning with its span.
 */
final class WebPageCleaner {

    /** Words that make up tool-bar lines; a line made only of these (and brackets, colons, bars) is furniture. */
    private static final String[] TOOL_WORDS = {"返回顶部", "打印本页", "关闭窗口", "我要纠错", "视力保护色", "语音播报",
            "用手机扫码", "手机扫码", "扫一扫", "分享到", "QQ空间", "下载", "打印", "全屏", "收藏", "分享", "关闭", "加大",
            "还原", "减小", "放大", "缩小", "默认", "字号", "字体", "扫码", "微信", "微博", "返回", "顶部", "纠错", "朗读",
            "播报", "复制", "链接", "转发", "评论", "点赞", "手机版", "保存", "大", "中", "小", "QQ"};
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?$");
    private static final Pattern CAPTION = Pattern.compile(
            "(记者|摄影|通讯员|供图|图片来源)[^。]{0,24}摄?\\s*[)]?$|\\s[\\p{IsHan}]{2,4}\\s*摄\\s*[)]?$|^[^。]{0,40}作政府工作报告。$");
    private static final Pattern RELATED = Pattern.compile("^[【\\[]?(相关报道|相关新闻|相关阅读|相关文章|相关稿件|延伸阅读|推荐阅读|相关链接)[】\\]]?:?$");
    private static final int LIST_LINE = 100;

    private final List<ParseWarning> warnings;

    WebPageCleaner(List<ParseWarning> warnings) {
        this.warnings = warnings;
    }

    List<TextRun> clean(List<TextRun> lines, Map<String, TextRun> meta) {
        int end = relatedListStart(lines);
        if (end < lines.size()) {
            TextRun first = lines.get(end);
            Span span = first.span().union(lines.get(lines.size() - 1).span());
            removed("related-article list at the end", first, span);
        }
        List<TextRun> out = new ArrayList<>(end);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < end; i++) {
            TextRun line = lines.get(i);
            String compact = line.match.replace(" ", "");
            if (compact.length() <= 24 && isToolBar(compact)) {
                removed("tool-bar line", line, line.span());
            } else if (TIMESTAMP.matcher(line.match).matches()) {
                meta.putIfAbsent("时间", line);
                removed("time stamp", line, line.span());
            } else if (line.length() <= 160 && CAPTION.matcher(line.match).find()) {
                removed("photo caption", line, line.span());
            } else if (isDuplicate(line, i, seen)) {
                removed("duplicated line", line, line.span());
            } else {
                out.add(line);
            }
        }
        return out;
    }

    /** Index of a "相关报道" line followed only by short lines (titles of other articles), else the size. */
    private static int relatedListStart(List<TextRun> lines) {
        for (int i = lines.size() - 1; i >= 0 && i >= lines.size() - 60; i--) {
            TextRun line = lines.get(i);
            if (line.length() > LIST_LINE) return lines.size();
            if (RELATED.matcher(line.match.replace(" ", "")).matches()) return i;
        }
        return lines.size();
    }

    /** A title line repeated near the top, or a long paragraph repeated anywhere (a duplicated tail). */
    private static boolean isDuplicate(TextRun line, int index, Set<String> seen) {
        String key = line.match.replace(" ", "");
        boolean candidate = index < 20 ? key.length() >= 6 : key.length() >= 40;
        return candidate && !seen.add(key);
    }

    static boolean isToolBar(String compact) {
        String s = compact.replaceAll("[【】\\[\\]:|/()<>-]", "");
        if (s.isEmpty()) return !compact.isEmpty() && compact.length() <= 3;
        int i = 0;
        outer:
        while (i < s.length()) {
            for (String w : TOOL_WORDS) {
                if (s.startsWith(w, i)) {
                    i += w.length();
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private void removed(String what, TextRun first, Span span) {
        String text = first.text.length() <= 20 ? first.text : first.text.substring(0, 20) + "…";
        warnings.add(new ParseWarning("WEB_DEBRIS_REMOVED", "web-page " + what + " removed: '" + text + "'",
                first.line, span));
    }
}
