package rol.task.evidence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceRulesTest {

    @Test
    void sizeEmptyTooLargeOrFine() {
        assertEquals(EvidenceRules.Refusal.EMPTY, EvidenceRules.bySize(0, 10));
        assertEquals(EvidenceRules.Refusal.TOO_LARGE, EvidenceRules.bySize(11, 10));
        assertNull(EvidenceRules.bySize(10, 10));
    }

    @Test
    void typesAreComparedWithoutParameters() {
        List<String> allowed = List.of("text/plain", "application/pdf");
        assertTrue(EvidenceRules.typeAllowed("text/plain; charset=UTF-8", allowed));
        assertTrue(EvidenceRules.typeAllowed("Application/PDF", allowed));
        assertFalse(EvidenceRules.typeAllowed("text/html", allowed));
        assertFalse(EvidenceRules.typeAllowed(null, allowed));
        assertEquals("program", EvidenceRules.kind("application/x-msdownload"));
        assertEquals("office-unnamed", EvidenceRules.kind("application/x-tika-ooxml"));
        assertEquals("other", EvidenceRules.kind("application/octet-stream"));
    }

    @Test
    void fileNamesLoseFoldersAndControlsAndKeepTheirExtension() {
        assertEquals("报告.pdf", EvidenceRules.fileName("C:\\fakepath\\报告.pdf"));
        assertEquals("报告.pdf", EvidenceRules.fileName("../../报告\u0000.pdf"));
        assertNull(EvidenceRules.fileName("  "));
        assertNull(EvidenceRules.fileName("dir/.."));
        String longName = "长".repeat(300) + ".docx";
        String kept = EvidenceRules.fileName(longName);
        assertEquals(EvidenceRules.MAX_NAME, kept.codePointCount(0, kept.length()));
        assertTrue(kept.endsWith("长.docx"));
    }

    @Test
    void theDispositionNamesTheFileInUtf8WithAnAsciiFallback() {
        assertEquals("attachment; filename=\"__ 1_.pdf\"; filename*=UTF-8''%E9%80%9A%E6%8A%A5%201%25.pdf",
                EvidenceRules.contentDisposition("通报 1%.pdf"));
        assertEquals("attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%22b.txt",
                EvidenceRules.contentDisposition("a\"b.txt"));
    }
}
