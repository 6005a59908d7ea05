package rol.task.evidence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

/** What an evidence upload must be, and how its name travels; plain Java. */
public final class EvidenceRules {

    /** Longest file name kept, in characters (the extension is kept when a name is shortened). */
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 500;

    private EvidenceRules() {
    }

    /** Why an upload is refused, in the order the checks run; {@code null} when it is accepted. */
    public enum Refusal { EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED }

    /** Size first (an empty or oversized file is refused before its content is looked at), then the detected type. */
    public static Refusal bySize(long size, long maxSize) {
        if (size <= 0) {
            return Refusal.EMPTY;
        }
        return size > maxSize ? Refusal.TOO_LARGE : null;
    }

    public static boolean typeAllowed(String detectedType, Collection<String> allowed) {
        return detectedType != null && allowed.contains(baseType(detectedType));
    }

    /** {@code text/plain; charset=UTF-8} → {@code text/plain}. */
    public static String baseType(String type) {
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** What a refused type looks like, as a key for the clerk's words ({@code evidence.kind.<key>}). */
    public static String kind(String detectedType) {
        String t = detectedType == null ? "" : baseType(detectedType);
        if (t.equals("application/x-tika-ooxml") || t.equals("application/x-tika-msoffice")) {
            return "office-unnamed";
        }
        if (t.startsWith("image/")) {
            return "image";
        }
        if (t.startsWith("audio/") || t.startsWith("video/")) {
            return "media";
        }
        if (t.contains("rar") || t.contains("7z") || t.contains("gzip") || t.contains("tar")) {
            return "archive";
        }
        if (t.contains("executable") || t.contains("msdownload") || t.contains("elf") || t.contains("mach-o")
                || t.contains("sharedlib") || t.contains("java-archive")) {
            return "program";
        }
        if (t.equals("text/html") || t.contains("javascript") || t.contains("xml") || t.contains("svg")) {
            return "markup";
        }
        return "other";
    }

    /**
     * The name as uploaded, without the folders some browsers send ({@code C:\fakepath\报告.pdf}) and without control
     * characters; {@code null} when nothing is left. A name over {@link #MAX_NAME} characters keeps its extension.
     */
    public static String fileName(String uploaded) {
        if (uploaded == null) {
            return null;
        }
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        if (name.codePointCount(0, name.length()) <= MAX_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        int keep = MAX_NAME - ext.length();
        return name.substring(0, name.offsetByCodePoints(0, keep)) + ext;
    }

    /**
     * An attachment named in UTF-8 (RFC 6266 / RFC 8187), with an ASCII fallback for clients that cannot read it:
     * non-ASCII characters become {@code _}, the extension stays.
     */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.codePoints()
                .map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '%' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
