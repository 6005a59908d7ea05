package rol.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Uploads that are not what they claim or that attack the reader: for the bad-input corpora of the services. */
public final class BadFiles {

    private static final String TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>";
    private static final String DOC_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";

    private BadFiles() {
    }

    /** Files named by what they pretend to be, each of which is something else or hostile. */
    public static Map<String, byte[]> all() {
        return Map.of(
                "zip bomb (docx inflating to 100 MB)", zipBombDocx(),
                "deeply nested docx XML (100,000 levels)", nestedDocx(),
                "XML entity expansion (billion laughs docx)", entityDocx(),
                "PDF that is an executable (ELF)", new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0},
                "PDF that is an HTML page with script", "<html><body><script>alert(document.cookie)</script></body></html>"
                        .getBytes(StandardCharsets.UTF_8),
                "PDF that is a Windows program", new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0},
                "docx that is a broken zip", new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3});
    }

    /** The names a file can claim: path names, NUL bytes, names that would climb out of a folder. */
    public static List<String> pathNames() {
        return List.of("../../../../etc/passwd.pdf", "..\\..\\Windows\\System32\\驱动.pdf", "/etc/shadow.pdf",
                "C:\\Users\\办公室\\报告.pdf", "报告\u0000.pdf");
    }

    public static byte[] zipBombDocx() {
        return docx(out -> {
            out.write((DOC_HEAD + "<w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "法".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 512; i++) {
                out.write(chunk);
            }
            out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        });
    }

    public static byte[] nestedDocx() {
        return docx(out -> {
            out.write(DOC_HEAD.getBytes(StandardCharsets.UTF_8));
            out.write("<w:p>".repeat(100_000).getBytes(StandardCharsets.UTF_8));
            out.write("</w:p>".repeat(100_000).getBytes(StandardCharsets.UTF_8));
            out.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        });
    }

    public static byte[] entityDocx() {
        return docx(out -> {
            StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY l0 \"法治法治法治法治\">");
            for (int i = 1; i < 10; i++) {
                dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
            }
            dtd.append("]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>");
            out.write(dtd.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    private interface Writer {
        void write(ZipOutputStream out) throws IOException;
    }

    private static byte[] docx(Writer document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(TYPES.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(RELS.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            document.write(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
