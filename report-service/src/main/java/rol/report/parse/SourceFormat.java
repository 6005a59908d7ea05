package rol.report.parse;

/** How the bytes were recognised (by content, never by file name). */
public enum SourceFormat {
    TEXT, MARKDOWN, DOCX, DOC, WPS, PDF, RTF, HTML, ODT
}
