package rol.task.evidence;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Detection by content, the name only refining a container: without Quarkus. */
class ContentTypesTest {

    @TempDir
    Path dir;

    private String detect(byte[] content, String name) throws IOException {
        Path file = Files.write(dir.resolve("upload"), content);
        return ContentTypes.detect(file, name);
    }

    @Test
    void theContentDecidesTheNameOnlyRefines() throws IOException {
        assertEquals("application/pdf", detect(EvidenceTest.PDF, "通报"));
        assertEquals("image/png", detect(EvidenceTest.PNG, "照片.jpg"));
        byte[] xls = xls();
        assertEquals("application/vnd.ms-excel", detect(xls, "台账.xls"));
        assertEquals("application/vnd.wps-office.et", detect(xls, "台账.et"));
        assertEquals("application/vnd.ms-works", detect(xls, "文稿.wps"));
        assertEquals("application/x-tika-msoffice", detect(xls, "台账"));
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertEquals("application/octet-stream", detect(noise, "通报.pdf"), "the name alone says nothing");
        assertEquals("application/x-msdownload", detect(new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "a.pdf"));
    }

    private static byte[] xls() throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("台账").createRow(0).createCell(0).setCellValue("序号");
            book.write(out);
            return out.toByteArray();
        }
    }
}
