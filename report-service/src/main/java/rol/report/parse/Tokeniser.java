package rol.report.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Classifies the reader's lines (header lines, body, numbered headings and items, tail lines) and joins the
 * lines a page break or hard wrap split in the middle of a sentence, a word or a number ("全\n\n年共收到",
 * "二\n\n是"). Classification rules are the small pattern table below; order matters only where noted.
 */
final class Tokeniser {

    static final Pattern DATE = Pattern.compile(
            "^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(印发|发布|印)?$"
                    + "|^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\\s*(印发|发布)?$");
    static final Pattern DOC_NUMBER = Pattern.compile(
            "[\\p{IsHan}A-Za-z]{1,12}\\s*[〔\\[(【]\\s*\\d{4}\\s*[〕\\])】]\\s*\\d{1,4}\\s*[号號]");
    static final Pattern SESSION = Pattern.compile(
            "^[—―\\-－(]*\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*在(.{2,60}?)(会议|大会)上\\s*\\)?$");
    static final Pattern SPEAKER = Pattern.compile(
            "^(.{0,24}?)代?(省长|市长|区长|县长|州长|盟长|旗长|主席|总理|镇长|乡长)\\s*[\\p{IsHan}·]{2,6}$");
    private static final Pattern SIGNATORY = Pattern.compile("^签\\s*发\\s*人\\s*:");
    private static final Pattern COPY_TO = Pattern.compile("^抄\\s*送\\s*:");
    private static final Pattern CONTACT = Pattern.compile("联系人|联系电话|联\\s*系\\s*人\\s*:");
    private static final Pattern NOTE = Pattern.compile("^\\(?(此件|本件)[^。]{0,12}(公开|发布)\\)?$|^\\(此页无正文\\)$");
    private static final Pattern TITLE = Pattern.compile(
            ".*(关于.*(报告|情况|总结|计划|汇报)|政府工作报告|工作总结|工作计划|工作报告|情况报告|工作要点|述职报告)\\s*$"
                    + "|^[^,。]*(工作总结|工作计划)[^,。]*$");
    private static final Pattern PART_HEADING = Pattern.compile(
            "^(存在的?(主要)?(问题|不足|短板)|主要问题|问题和不足|不足之处|短板弱项|下一步(工作)?(打算|计划|安排|思路|措施)?|"
                    + "(\\d{4}\\s*年)?(工作)?(计划|思路|打算|安排)|(主要)?(工作)?(成效|成绩|举措和成效|做法和成效))$");
    private static final Pattern PLAN_CUE = Pattern.compile(
            "^(?:(\\d{4})\\s*年\\s*[,]?[^。]{0,40}?将|下一步[,:]|今后[^。]{0,20}将|明年[^。]{0,20}将|新的一年[,里])");
    private static final Pattern CLOSING_CUE = Pattern.compile("^(下一步|今后|总之|新的一年|特此报告|以上报告|专此报告)");

    private final List<ParseWarning> warnings;

    Tokeniser(List<ParseWarning> warnings) {
        this.warnings = warnings;
    }

    List<Block> tokenise(List<TextRun> lines) {
        List<Block> lineBlocks = new ArrayList<>(lines.size());
        for (TextRun line : lines) lineBlocks.add(classifyLine(line));
        markHeaderZone(lineBlocks);
        markSignatures(lineBlocks);
        List<Block> joined = join(lineBlocks);
        for (Block b : joined) {
            if (b.role == Block.Role.BODY && !b.enumerated()) detectCue(b);
        }
        return joined;
    }

    private static Block classifyLine(TextRun line) {
        String m = line.match;
        Block b;
        if (DATE.matcher(m).matches()) {
            b = new Block(Block.Role.DATE, line);
        } else if (m.length() <= 80 && SESSION.matcher(m).matches()) {
            b = new Block(Block.Role.SESSION, line);
        } else if (SIGNATORY.matcher(m).find()) {
            b = new Block(Block.Role.SIGNATORY, line);
        } else if (COPY_TO.matcher(m).find()) {
            b = new Block(Block.Role.COPY_TO, line);
        } else if (m.length() <= 100 && CONTACT.matcher(m).find() && !m.contains("。")) {
            b = new Block(Block.Role.CONTACT, line);
        } else if (m.length() <= 40 && NOTE.matcher(m.replace(" ", "")).matches()) {
            b = new Block(Block.Role.NOTE, line);
        } else if (m.length() <= 40 && DOC_NUMBER.matcher(m).find() && !m.contains("。")) {
            b = new Block(Block.Role.DOC_NUMBER, line);
        } else {
            b = new Block(Block.Role.BODY, line);
            b.enumerator = Enumerator.at(m);
            if (b.enumerator == null && m.length() <= 24 && !hasPunctuation(m)
                    && PART_HEADING.matcher(m.replace(" ", "")).matches()) {
                b.role = Block.Role.PART_HEADING;
            }
        }
        return b;
    }

    /**
     * Lines before the first real body paragraph form the header: organ line, document number, title,
     * recipients. Only there are short unpunctuated lines read as header lines.
     */
    private static void markHeaderZone(List<Block> blocks) {
        for (Block b : blocks) {
            if (b.role != Block.Role.BODY) continue;
            String m = b.run.match;
            if (b.enumerated() || isProse(m)) return;
            String compact = m.replace(" ", "");
            if (m.endsWith(":") && m.length() <= 40 && m.indexOf(',') < 0) {
                b.role = Block.Role.RECIPIENTS;
            } else if (compact.endsWith("文件") && compact.length() <= 30) {
                b.role = Block.Role.HEADER_ORG;
            } else if (m.length() <= 40 && !hasPunctuation(m) && SPEAKER.matcher(m).matches()) {
                b.role = Block.Role.SPEAKER;
            } else if (m.length() <= 80 && TITLE.matcher(compact).matches()) {
                b.role = Block.Role.TITLE;
            } else if (m.length() <= 30 && !hasPunctuation(m)) {
                b.role = Block.Role.HEADER_ORG;
            }
        }
    }

    /** A short unpunctuated line right before a date line is the signing organ. */
    private static void markSignatures(List<Block> blocks) {
        for (int i = 0; i + 1 < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (blocks.get(i + 1).role == Block.Role.DATE && b.role == Block.Role.BODY && !b.enumerated()
                    && b.run.length() <= 30 && !hasPunctuation(b.run.match)) {
                b.role = Block.Role.SIGNATURE;
            }
        }
    }

    private List<Block> join(List<Block> lines) {
        List<Block> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Block a = lines.get(i);
            while (i + 1 < lines.size() && joinable(a, lines.get(i + 1))) {
                Block b = lines.get(i + 1);
                boolean headingFragment = headingLike(a);
                warnings.add(new ParseWarning(headingFragment ? "HEADING_JOINED" : "PAGE_BREAK_JOINED",
                        (headingFragment ? "heading continued on the next line joined: '" : "line break inside a sentence joined: '")
                                + tail(a.run.text) + "|" + head(b.run.text) + "'", b.run.line));
                Block joined = new Block(a.role, a.run.concat(b.run));
                joined.enumerator = a.enumerator;
                a = joined;
                i++;
            }
            out.add(a);
        }
        return out;
    }

    private static boolean joinable(Block a, Block b) {
        if (a.role != Block.Role.BODY || b.role != Block.Role.BODY || b.enumerated()) return false;
        String am = a.run.match;
        if (endsSentence(am)) return false;
        String bm = b.run.match;
        if (headingLike(a)) {
            // A heading continues only with a short fragment ("品牌"), never with the paragraph under it.
            return bm.length() <= 8 && !hasPunctuation(bm);
        }
        return am.length() >= 12;
    }

    /** Numbered line without a full stop, or a short unpunctuated line: a heading, not a wrapped sentence. */
    private static boolean headingLike(Block a) {
        String m = a.run.match;
        if (a.enumerated()) return m.indexOf('。') < 0;
        return m.length() <= 30 && !hasPunctuation(m);
    }

    private static boolean endsSentence(String m) {
        int i = m.length() - 1;
        while (i >= 0 && "”’\"')」』】》".indexOf(m.charAt(i)) >= 0) i--;
        if (i < 0) return true;
        char c = m.charAt(i);
        return "。!?;:….".indexOf(c) >= 0;
    }

    static boolean hasPunctuation(String m) {
        for (int i = 0; i < m.length(); i++) {
            if (",。;:!?、".indexOf(m.charAt(i)) >= 0) return true;
        }
        return false;
    }

    private static boolean isProse(String m) {
        return m.length() > 30 && (m.indexOf('。') >= 0 || m.indexOf(',') >= 0);
    }

    private static void detectCue(Block b) {
        String m = b.run.match;
        java.util.regex.Matcher plan = PLAN_CUE.matcher(m);
        if (mentionsProblems(m) && ProblemsPassage.cueSentence(m) >= 0) {
            b.cue = Block.Cue.PROBLEMS;
        } else if (plan.find()) {
            b.cue = Block.Cue.PLAN;
            if (plan.group(1) != null) b.cueYear = Integer.parseInt(plan.group(1));
        }
        if (CLOSING_CUE.matcher(m).find() && b.cue != Block.Cue.PROBLEMS) {
            // Decided by the tree builder: a closing only once the plan has items, otherwise a plan cue.
            b.cue = b.cue == Block.Cue.PLAN ? Block.Cue.PLAN : Block.Cue.CLOSING;
        }
    }

    /** Cheap filter before the backtracking cue pattern. */
    private static boolean mentionsProblems(String m) {
        return m.contains("问题") || m.contains("不足") || m.contains("短板") || m.contains("弱项") || m.contains("差距")
                || m.contains("困难") || m.contains("清醒") || m.contains("挑战");
    }

    private static String tail(String s) {
        return s.length() <= 8 ? s : "…" + s.substring(s.length() - 8);
    }

    private static String head(String s) {
        return s.length() <= 8 ? s : s.substring(0, 8) + "…";
    }
}
