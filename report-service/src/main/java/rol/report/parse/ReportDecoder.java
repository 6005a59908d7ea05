package rol.report.parse;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Bytes to text. The type is decided by content (magic numbers, then a text/binary test), never by file name.
 * Plain text is decoded strictly: UTF-8 first, then the GB18030/Big5 candidates ranked by how Chinese the
 * result reads; office and PDF documents go through Tika's text layer with a hard write limit.
 */
public final class ReportDecoder {

    /** Largest input accepted at all; reports are tens of kilobytes, scanned PDFs a few megabytes. */
    public static final int MAX_INPUT_BYTES = 32 * 1024 * 1024;
    /** Most characters we let Tika write; far above any real report, low enough to stop expansion attacks. */
    public static final int MAX_EXTRACTED_CHARS = 2_000_000;

    // Characters frequent in any Chinese administrative text, both scripts: used only to rank charset candidates.
    private static final String COMMON = "的是在和了有为為人中大年工作法治建设設区區政府推进進会會国國发發展"
            + "管理部门門行服务務开開展实實全面开制度监督監局市";

    private final int maxExtractedChars;

    public ReportDecoder() {
        this(MAX_EXTRACTED_CHARS);
    }

    public ReportDecoder(int maxExtractedChars) {
        this.maxExtractedChars = maxExtractedChars;
    }

    public DecodedText decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EmptyReportException("the report is empty (0 bytes)");
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new ReportTooLargeException("the report has " + bytes.length + " bytes, more than the limit of "
                    + MAX_INPUT_BYTES, null);
        }
        DecodedText decoded = switch (sniff(bytes)) {
            case "pdf" -> viaTika(bytes, SourceFormat.PDF);
            case "zip" -> viaTika(bytes, null);
            case "ole2" -> viaTika(bytes, null);
            case "rtf" -> viaTika(bytes, SourceFormat.RTF);
            case "html" -> HtmlText.decode(bytes);
            case "text" -> decodeText(bytes);
            default -> throw new UnsupportedFormatException(sniff(bytes),
                    "unsupported content (" + sniff(bytes) + "): send plain text, Markdown, Word, WPS or PDF", null);
        };
        if (decoded.text().isBlank()) {
            throw new EmptyReportException("the report contains no text (" + decoded.format() + ")");
        }
        return decoded;
    }

    /** Content type by magic number and byte statistics. */
    static String sniff(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) return "pdf";
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) return "zip";
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return "ole2";
        if (startsWith(b, '{', '\\', 'r', 't', 'f')) return "rtf";
        if (startsWith(b, 0x89, 'P', 'N', 'G')) return "image/png";
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (startsWith(b, 'G', 'I', 'F', '8')) return "image/gif";
        if (startsWith(b, 0x1F, 0x8B)) return "application/gzip";
        if (startsWith(b, 'M', 'Z')) return "application/x-msdownload";
        if (startsWith(b, 0x7F, 'E', 'L', 'F')) return "application/x-elf";
        if (looksLikeHtml(b)) return "html";
        if (startsWith(b, 0xEF, 0xBB, 0xBF) || startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) return "text";
        if (looksLikeUtf16(b) != null) return "text";
        int control = 0;
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) control++;
        }
        // A few stray control bytes survive in real exports; binaries have many.
        if (control * 100 > n) return "binary";
        return "text";
    }

    /** Markup first (after a BOM, white space or a "saved from" comment) and an html, head or body tag early on. */
    private static boolean looksLikeHtml(byte[] b) {
        int from = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String head = new String(b, from, Math.min(b.length - from, 1024), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<") && (head.contains("<html") || head.contains("<!doctype html")
                || head.contains("<head") || head.contains("<body"));
    }

    private DecodedText decodeText(byte[] b) {
        List<ParseWarning> warnings = new ArrayList<>();
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return textResult(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8", warnings);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return textResult(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", warnings);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return textResult(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", warnings);
        }
        Charset utf16 = looksLikeUtf16(b);
        if (utf16 != null) {
            return textResult(new String(b, utf16), utf16.name(), warnings);
        }
        String utf8 = strict(b, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return textResult(utf8, "UTF-8", warnings);
        }
        // Not UTF-8: a Chinese legacy encoding. Rank the strict decodings; the detector breaks ties.
        String detected = detect(b);
        String best = null;
        String bestName = null;
        double bestScore = -1;
        for (String name : new String[] {"GB18030", "Big5"}) {
            String s = strict(b, Charset.forName(name));
            if (s == null) continue;
            double score = commonness(s) + (name.equalsIgnoreCase(detected) ? 0.02 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = s;
                bestName = name;
            }
        }
        if (best == null) {
            // Damaged bytes: decode leniently and say so; the reader repairs what it can.
            best = new String(b, Charset.forName("GB18030"));
            bestName = "GB18030";
            warnings.add(new ParseWarning("DECODING_ERRORS",
                    "the bytes are not valid in any supported encoding; undecodable bytes became U+FFFD", 0));
        }
        warnings.add(new ParseWarning("CHARSET_DETECTED", "decoded as " + bestName, 0));
        return textResult(best, bestName, warnings);
    }

    private static DecodedText textResult(String text, String charset, List<ParseWarning> warnings) {
        SourceFormat format = looksLikeMarkdown(text) ? SourceFormat.MARKDOWN : SourceFormat.TEXT;
        return new DecodedText(text, format, charset, warnings);
    }

    private static boolean looksLikeMarkdown(String text) {
        int n = Math.min(text.length(), 20000);
        String head = text.substring(0, n);
        return head.contains("\n#") || head.startsWith("#") || head.contains("**") || head.contains("\n---");
    }

    private DecodedText viaTika(byte[] bytes, SourceFormat known) {
        BodyContentHandler handler = new BodyContentHandler(maxExtractedChars);
        Metadata metadata = new Metadata();
        try {
            TikaHolder.PARSER.parse(new ByteArrayInputStream(bytes), handler, metadata, new ParseContext());
        } catch (Throwable e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ReportTooLargeException("the document expands to more than " + maxExtractedChars
                        + " characters", e);
            }
            if (isZipBomb(e)) {
                throw new ReportTooLargeException("the document is compressed suspiciously (zip bomb) and was refused", e);
            }
            if (e instanceof Error err && !(e instanceof OutOfMemoryError) && !(e instanceof StackOverflowError)) {
                throw err;
            }
            throw new UnsupportedFormatException(String.valueOf(metadata.get(Metadata.CONTENT_TYPE)),
                    "the document could not be read: " + e.getClass().getSimpleName(), e);
        }
        String type = String.valueOf(metadata.get(Metadata.CONTENT_TYPE));
        SourceFormat format = known != null ? known : formatOf(type);
        if (format == null) {
            throw new UnsupportedFormatException(type, "unsupported document type " + type, null);
        }
        String text = handler.toString().replace("\r\n", "\n");
        return new DecodedText(text, format, "UTF-8", List.of(new ParseWarning("TEXT_LAYER_EXTRACTED",
                "text layer extracted from " + type, 0)));
    }

    private static SourceFormat formatOf(String contentType) {
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("wordprocessingml")) return SourceFormat.DOCX;
        if (t.contains("msword")) return SourceFormat.DOC;
        if (t.contains("wps") || t.contains("kswps")) return SourceFormat.WPS;
        if (t.contains("opendocument.text")) return SourceFormat.ODT;
        if (t.contains("pdf")) return SourceFormat.PDF;
        if (t.contains("rtf")) return SourceFormat.RTF;
        return null;
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.toLowerCase(java.util.Locale.ROOT).contains("zip bomb") || m.contains("expansion")
                    || m.contains("Max entry size") || m.contains("ZipSecureFile"))) {
                return true;
            }
            if (t instanceof OutOfMemoryError) return true;
        }
        return false;
    }

    /** Strict decoding: null when any byte sequence is malformed or unmappable. */
    static String strict(byte[] b, Charset cs) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = d.decode(ByteBuffer.wrap(b));
            return out.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String detect(byte[] b) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(b, 0, b.length);
        detector.dataEnd();
        String cs = detector.getDetectedCharset();
        if (cs == null) return null;
        // GB2312 and GBK are subsets of GB18030: decode with the superset.
        return cs.equalsIgnoreCase("GB2312") || cs.equalsIgnoreCase("GBK") ? "GB18030" : cs;
    }

    /** Share of Han characters that are among the most common ones: right decodings score far higher. */
    static double commonness(String s) {
        int han = 0;
        int common = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
                if (COMMON.indexOf(c) >= 0) common++;
            }
        }
        return han == 0 ? 0 : (double) common / han;
    }

    private static Charset looksLikeUtf16(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 8) return null;
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) zeroEven++;
            if (b[i + 1] == 0) zeroOdd++;
        }
        int pairs = n / 2;
        // ASCII-heavy UTF-16 has a zero in every other byte; Chinese UTF-16 has few zeros, so require a BOM there.
        if (zeroEven * 10 > pairs * 3 && zeroOdd * 20 < pairs) return StandardCharsets.UTF_16BE;
        if (zeroOdd * 10 > pairs * 3 && zeroEven * 20 < pairs) return StandardCharsets.UTF_16LE;
        return null;
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) return false;
        }
        return true;
    }

    /** Tika's parser registry is costly to build and thread-safe to use: build it once, on first need. */
    private static final class TikaHolder {
        static final AutoDetectParser PARSER = new AutoDetectParser();
    }
}
