package rol.report.parse;

import java.util.List;

/** Result of the decode step: the text that will be stored and that every span points into. */
public record DecodedText(String text, SourceFormat format, String charset, List<ParseWarning> warnings) {
    public DecodedText {
        warnings = List.copyOf(warnings);
    }
}
