package rol.task.evidence;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an uploaded ZIP container (a .zip, or a Word/Excel file, which is one) before it is stored, because
 * whoever opens it later is the one it attacks: a broken archive, one that inflates far beyond its size (zip bomb), or
 * Office XML with a DTD (entity expansion) or absurd nesting. Plain Java.
 */
public final class Containers {

    /** What is wrong with a container; {@code null} when nothing is. */
    public enum Flaw { BROKEN, INFLATES_TOO_MUCH, HOSTILE_XML }

    /**
     * Inflated, a container may hold at most this many times its own size (Office XML compresses about ten to one;
     * pictures inside hardly at all), but never less than {@link #FLOOR} nor more than {@link #CEILING}.
     */
    public static final int MAX_RATIO = 100;
    static final long FLOOR = 10L * 1024 * 1024;
    static final long CEILING = 200L * 1024 * 1024;
    /** Office documents nest a few dozen levels deep; a thousand is no document. */
    public static final int MAX_XML_DEPTH = 1000;

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private Containers() {
    }

    /** True for the detected types that are ZIP containers. */
    public static boolean isContainer(String detectedType) {
        String t = EvidenceRules.baseType(detectedType);
        return t.equals("application/zip") || t.startsWith("application/vnd.openxmlformats-officedocument.");
    }

    /** The flaw of a container of {@code size} bytes, read from {@code file}; {@code office} for Word/Excel. */
    public static Flaw inspect(InputStream file, long size, boolean office) {
        long limit = Math.min(CEILING, Math.max(FLOOR, size * MAX_RATIO));
        long[] inflated = {0};
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                any = true;
                InputStream counted = counting(zip, inflated, limit);
                String name = e.getName().toLowerCase(Locale.ROOT);
                if (office && (name.endsWith(".xml") || name.endsWith(".rels")) && !wellFormed(counted)) {
                    return Flaw.HOSTILE_XML;
                }
                counted.transferTo(OutputStream.nullOutputStream());
            }
        } catch (SizeExceeded e) {
            return Flaw.INFLATES_TOO_MUCH;
        } catch (IOException | IllegalArgumentException e) {
            return Flaw.BROKEN;
        }
        return any ? null : Flaw.BROKEN;
    }

    /** Reads a part as XML without DTDs, failing it at a DTD or at absurd depth. */
    private static boolean wellFormed(InputStream part) {
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new NotClosing(part));
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.DTD) {
                    return false;
                }
                if (event == XMLStreamReader.START_ELEMENT && ++depth > MAX_XML_DEPTH) {
                    return false;
                }
                if (event == XMLStreamReader.END_ELEMENT) {
                    depth--;
                }
            }
            return true;
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof SizeExceeded tooMuch) {
                throw tooMuch;
            }
            return false;
        }
    }

    private static InputStream counting(InputStream in, long[] total, long limit) {
        return new NotClosing(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && (total[0] += n) > limit) {
                    throw new SizeExceeded();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0 && ++total[0] > limit) {
                    throw new SizeExceeded();
                }
                return c;
            }
        };
    }

    private static final class SizeExceeded extends RuntimeException {
        SizeExceeded() {
            super("inflated beyond the limit", null, false, false);
        }
    }

    /** Leaves the zip stream open when a part's reader closes. */
    private static class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the next entry is read from the same stream
        }
    }
}
