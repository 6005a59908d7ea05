package rol.report.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A web page saved from a government site (.html/.htm) to text: the charset the page declares (jsoup), then the
 * main content, the element whose paragraphs hold the most Chinese text, with the page's title line before it
 * when the content lacks it. Navigation, scripts and footers outside that element are left out and counted in
 * a warning; tool bars and metadata lines inside it are taken out later by the reader like those of copied text.
 */
final class HtmlText {

    private static final Pattern REPORT_TITLE = Pattern.compile("报告|总结|计划|要点|情况");
    private static final String BLOCKS = "p,div,br,h1,h2,h3,h4,h5,h6,li,tr,section,article,table,dd,dt,center";

    private HtmlText() {
    }

    static DecodedText decode(byte[] bytes) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } catch (IOException e) {
            throw new UnsupportedFormatException("text/html", "the web page could not be read", e);
        }
        page.select("script,style,noscript,iframe,form,select,button,nav,header,footer,object,svg").remove();
        Element body = page.body();
        int pageHan = han(body.text());
        Element main = mainContent(body);
        StringBuilder text = new StringBuilder();
        String heading = titleLine(page);
        if (heading != null && !main.text().replace(" ", "").contains(heading.replace(" ", ""))) {
            text.append(heading).append('\n');
        }
        appendText(main, text);
        String out = text.toString().replaceAll("[ \\t\\u00A0]*\\n[\\s\\u00A0]*", "\n").strip();
        int left = pageHan - han(main.text());
        return new DecodedText(out, SourceFormat.HTML, page.charset().name(), List.of(new ParseWarning(
                "HTML_MAIN_CONTENT", "web page: the main content was read; " + Math.max(0, left)
                + " Chinese characters of navigation, lists and footers around it were left out", 0)));
    }

    /** The element whose direct paragraphs (p, div, br-separated text) hold the most Han characters. */
    private static Element mainContent(Element body) {
        Element best = body;
        int bestScore = 0;
        for (Element e : body.select("div,td,article,section,main,span,font")) {
            int score = 0;
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) score += han(t.text());
                else if (child instanceof Element c && (c.is("p,font,span,center") || c.is("div") && isLeaf(c))) {
                    score += han(c.text());
                }
            }
            // ties go to the inner element (select lists outer elements first)
            if (score >= bestScore && score > 0) {
                best = e;
                bestScore = score;
            }
        }
        return bestScore == 0 ? body : best;
    }

    /** A div used as a paragraph: no block elements inside. */
    private static boolean isLeaf(Element div) {
        for (Element c : div.children()) if (c.is(BLOCKS) && !c.is("br")) return false;
        return true;
    }

    /** The page's heading when it names a report: an h1, else the title up to the site name ("…_某某省人民政府网"). */
    private static String titleLine(Document page) {
        Element h1 = page.selectFirst("h1");
        String t = h1 != null ? h1.text() : page.title() == null ? "" : page.title().split("[_|]| - ")[0];
        return REPORT_TITLE.matcher(t).find() ? t.strip() : null;
    }

    private static void appendText(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.getWholeText().replace('\n', ' '));
            } else if (child instanceof Element e) {
                boolean block = e.is(BLOCKS);
                if (block) out.append('\n');
                appendText(e, out);
                if (block) out.append('\n');
            }
        }
    }

    private static int han(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (ScriptConverter.isHan(s.charAt(i))) n++;
        return n;
    }
}
