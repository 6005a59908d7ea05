package rol.task.evidence;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What a file is, from its first bytes (tika-core's magic table, no parsers). The name is only a hint: Tika takes the
 * type the name suggests when it is a kind of what the bytes say (a ZIP named .docx is taken for Word, an executable
 * named .pdf stays an executable). Without parsers tika-core cannot look inside a ZIP or OLE2 container, so a Word
 * file without its extension is reported as a generic Office container, which is not accepted.
 */
public final class ContentTypes {

    /** tika-core's table plus wps-mimetypes.xml (WPS 表格 .et). */
    private static final MimeTypes TYPES = types();

    private ContentTypes() {
    }

    private static MimeTypes types() {
        try {
            return MimeTypesFactory.create(MimeTypes.class.getResource("tika-mimetypes.xml"),
                    ContentTypes.class.getResource("wps-mimetypes.xml"));
        } catch (IOException | MimeTypeException e) {
            throw new IllegalStateException("the media type tables do not load", e);
        }
    }

    /**
     * The type the bytes show; the name's type only where it is a kind of that (x-tika-ooxml → Word). Bytes that
     * show nothing stay application/octet-stream whatever the name says: random bytes named .pdf are not a PDF.
     */
    public static String detect(Path file, String fileName) {
        MediaType byContent = tika(file, null);
        if (fileName == null || byContent.equals(MediaType.OCTET_STREAM)) {
            return byContent.toString();
        }
        MediaType byName = tika(file, fileName);
        return TYPES.getMediaTypeRegistry().isSpecializationOf(byName, byContent) ? byName.toString()
                : byContent.toString();
    }

    private static MediaType tika(Path file, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return TYPES.detect(in, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file failed", e);
        }
    }
}
