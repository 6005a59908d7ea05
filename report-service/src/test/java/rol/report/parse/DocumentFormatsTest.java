package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * PDF read through its text layer. The PDFs are written byte by byte here: no CJK font is installed on the build
 * machines, so the text uses the non-embedded standard CJK font STSong-Light with the predefined CMap
 * UniGB-UCS2-H (codes are UCS-2), which PDFBox maps back to Unicode without any font file.
 */
class DocumentFormatsTest {

    private static final ReportParser PARSER = new ReportParser();
    private static final String REPORT = """
            某某区司法局关于2024年法治政府建设情况的报告
            区委、区政府：
            2024年，我局在区委、区政府领导下推进法治政府建设，现将有关情况报告如下。
            一、2024年工作成效
            （一）公共法律服务更加便民
            1.法律援助提质增效。全年办理法律援助案件 283 件，挽回经济损失 156.4 万元。
            2.人民调解扎实开展。调解矛盾纠纷 1265 件，调解成功率 98.2%。
            （二）行政执法监督不断加强
            1.开展执法案卷评查。评查行政执法案卷 120 卷，发现问题 37 个。
            二、存在问题
            一是基层法治工作力量相对薄弱；二是法治宣传形式较为单一。
            三、2025年工作思路
            一是加强法治工作队伍建设。二是深化行政执法监督。三是创新法治宣传方式。
            某某区司法局
            2025年1月20日
            """;

    @Test
    void aPdfTextLayerWithChineseTextIsParsed() {
        ParsedReport r = PARSER.parse(pdf(REPORT.lines().toList()));
        assertEquals(SourceFormat.PDF, r.format());
        assertTrue(r.text().contains("办理法律援助案件 283 件"), r.text());
        assertEquals("某某区司法局关于2024年法治政府建设情况的报告", r.title());
        assertEquals(2024, r.reportYear());
        assertEquals(2025, r.planYear());
        assertEquals(java.time.LocalDate.of(2025, 1, 20), r.issuedOn());
        assertEquals(2, r.achievements().size());
        assertEquals(2, r.problems().size());
        assertEquals(3, r.planLeaves().size());
        assertEquals("深化行政执法监督", r.planLeaves().get(1).title());
        List<Metric> metrics = r.achievements().stream()
                .flatMap(t -> Stream.concat(t.metrics().stream(), t.items().stream().flatMap(i -> i.metrics().stream())))
                .toList();
        assertTrue(metrics.stream().anyMatch(m -> m.value().equals("283") && m.unit().equals("件")), metrics.toString());
        assertTrue(metrics.stream().anyMatch(m -> m.value().equals("156.4") && m.unit().equals("万元")), metrics.toString());
        Metric m = metrics.stream().filter(x -> x.value().equals("283")).findFirst().orElseThrow();
        assertEquals("283 件", r.text().substring(m.span().start(), m.span().end()));
    }

    @Test
    void aPdfWithoutATextLayerIsAnEmptyReport() {
        EmptyReportException e = assertThrows(EmptyReportException.class, () -> PARSER.parse(pdf(List.of())));
        assertEquals("report.parse.empty", e.messageKey());
        assertTrue(e.getMessage().contains("PDF"), e.getMessage());
    }

    /**
     * A one-page PDF 1.4 showing each line with its own Tj, 18 pt apart; no lines gives a blank page with an empty
     * content stream and no font. Characters must be in the BMP (UCS-2).
     */
    static byte[] pdf(List<String> lines) {
        StringBuilder content = new StringBuilder();
        if (!lines.isEmpty()) {
            content.append("BT\n/F1 11 Tf\n40 800 Td\n");
            boolean first = true;
            for (String line : lines) {
                if (!first) content.append("0 -18 Td\n");
                first = false;
                content.append('<');
                for (char c : line.toCharArray()) content.append(String.format("%04X", (int) c));
                content.append("> Tj\n");
            }
            content.append("ET\n");
        }
        String resources = lines.isEmpty() ? "<< >>" : "<< /Font << /F1 5 0 R >> >>";
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources
                + " /Contents 4 0 R >>");
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "endstream");
        objects.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H"
                + " /DescendantFonts [6 0 R] >>");
        objects.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
                + " /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R"
                + " /DW 1000 >>");
        objects.add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
                + " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        int[] offsets = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder trailer = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) trailer.append(String.format("%010d 00000 n \n", offset));
        trailer.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, trailer.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
