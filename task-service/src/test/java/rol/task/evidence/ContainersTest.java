package rol.task.evidence;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import rol.testsupport.BadFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is looked at inside an uploaded ZIP container before it is stored as evidence. */
class ContainersTest {

    @Test
    void aRealWordDocumentAndAPlainZipPass() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("第一季度行政执法案卷评查情况通报");
            doc.write(docx);
        }
        assertNull(Containers.inspect(new ByteArrayInputStream(docx.toByteArray()), docx.size(), true));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("通报.txt"));
            out.write("评查案卷120卷".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertNull(Containers.inspect(new ByteArrayInputStream(zip.toByteArray()), zip.size(), false));
    }

    @Test
    void hostileContainersAreNamed() throws IOException {
        assertEquals(Containers.Flaw.INFLATES_TOO_MUCH, inspect(BadFiles.zipBombDocx(), true));
        assertEquals(Containers.Flaw.INFLATES_TOO_MUCH, inspect(BadFiles.zipBombDocx(), false));
        assertEquals(Containers.Flaw.HOSTILE_XML, inspect(BadFiles.nestedDocx(), true));
        assertEquals(Containers.Flaw.HOSTILE_XML, inspect(BadFiles.entityDocx(), true));
        assertEquals(Containers.Flaw.BROKEN, inspect(new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3}, true));
    }

    private static Containers.Flaw inspect(byte[] file, boolean office) {
        return Containers.inspect(new ByteArrayInputStream(file), file.length, office);
    }

    @Test
    void onlyZipContainersAreInspected() {
        assertTrue(Containers.isContainer("application/zip"));
        assertTrue(Containers.isContainer("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertFalse(Containers.isContainer("application/pdf"));
    }
}
