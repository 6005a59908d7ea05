package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Decoding by content: encodings, Word documents, and the inputs that must be refused with a typed exception. */
class InputRefusalTest {

    private static final ReportParser PARSER = new ReportParser();
    private static final String SMALL_REPORT = """
            某某区司法局关于2024年度法治政府建设情况的报告
            区委、区政府：
            一、2024年度工作成效
            （一）强化统筹
            1.深入学习法治思想。开展专题学习 4 次。
            二、存在问题
            一是普法形式缺乏创新；二是信息化水平不够。
            三、2025年工作思路
            一是深化执法监督。二是建设复议系统。
            某某区司法局
            2025年2月17日
            """;

    @Test
    void emptyInputIsRefused() {
        EmptyReportException e = assertThrows(EmptyReportException.class, () -> PARSER.parse(new byte[0]));
        assertEquals("report.parse.empty", e.messageKey());
        assertThrows(EmptyReportException.class, () -> PARSER.parse(" \n\t\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void binaryContentIsUnsupported() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> PARSER.parse(png));
        assertEquals("image/png", e.detectedType());
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        assertThrows(UnsupportedFormatException.class, () -> PARSER.parse(noise));
    }

    @Test
    void aPlainZipIsNotADocument() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThrows(UnsupportedFormatException.class, () -> PARSER.parse(bytes.toByteArray()));
    }

    @Test
    void garbageTextIsUnrecognized() {
        UnrecognizedReportException e = assertThrows(UnrecognizedReportException.class,
                () -> PARSER.parse("lorem ipsum dolor sit amet\n".repeat(50).getBytes(StandardCharsets.UTF_8)));
        assertEquals(java.util.List.of("chinese-text"), e.missing());
        UnrecognizedReportException f = assertThrows(UnrecognizedReportException.class,
                () -> PARSER.parse("今天天气很好，我们去公园散步，看见很多人在跳舞，也有人在下棋，大家都很开心。".getBytes(StandardCharsets.UTF_8)));
        assertTrue(f.missing().contains("plan"), f.missing().toString());
        assertTrue(f.getMessage().contains("no plan"), f.getMessage());
    }

    @Test
    void legacyChineseEncodingsAreDetectedByContent() {
        for (String charset : new String[] {"GB18030", "GBK"}) {
            ParsedReport r = PARSER.parse(SMALL_REPORT.getBytes(Charset.forName(charset)));
            assertEquals("某某区司法局关于2024年度法治政府建设情况的报告", r.title(), charset);
            assertEquals("GB18030", r.charset());
        }
        String traditional = SMALL_REPORT.replace("区", "區").replace("关于", "關於").replace("报告", "報告")
                .replace("设", "設").replace("问题", "問題").replace("统筹", "統籌").replace("习", "習");
        ParsedReport big5 = PARSER.parse(traditional.getBytes(Charset.forName("Big5")));
        assertEquals("Big5", big5.charset());
        assertEquals(ParsedReport.TRADITIONAL, big5.script());
        assertTrue(big5.title().startsWith("某某區司法局關於2024年度"), big5.title());
    }

    @Test
    void unicodeWithAndWithoutBomIsDecoded() {
        byte[] utf8 = SMALL_REPORT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertEquals(2, PARSER.parse(bom).planLeaves().size());
        byte[] utf16 = ("\uFEFF" + SMALL_REPORT).getBytes(StandardCharsets.UTF_16LE);
        ParsedReport r = PARSER.parse(utf16);
        assertEquals("UTF-16LE", r.charset());
        assertEquals(2, r.problems().size());
    }

    @Test
    void wordDocumentIsReadThroughItsTextLayer() throws IOException {
        ParsedReport r = PARSER.parse(docx(SMALL_REPORT));
        assertEquals(SourceFormat.DOCX, r.format());
        assertEquals(2, r.planLeaves().size());
        assertEquals("深化执法监督", r.planLeaves().get(0).title());
        assertEquals(java.time.LocalDate.of(2025, 2, 17), r.issuedOn());
    }

    @Test
    void textBeyondTheWriteLimitIsRefused() throws IOException {
        ReportParser strict = new ReportParser(new ReportDecoder(200));
        ReportTooLargeException e = assertThrows(ReportTooLargeException.class, () -> strict.parse(docx(SMALL_REPORT.repeat(5))));
        assertEquals("report.parse.too-large", e.messageKey());
    }

    @Test
    void zipBombDocxIsRefusedSafely() throws IOException {
        byte[] bomb = TestDocuments.zipBombDocx();
        assertTrue(bomb.length < 2_000_000, "the bomb itself is small: " + bomb.length);
        assertThrows(ReportTooLargeException.class, () -> PARSER.parse(bomb));
    }

    static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) doc.createParagraph().createRun().setText(line);
            doc.write(out);
            return out.toByteArray();
        }
    }
}
