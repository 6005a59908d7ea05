package rol.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every text member of every JSON body is checked by {@link Text} while it is read, so that no resource can forget it:
 * a NUL byte would otherwise reach PostgreSQL, which refuses it with an error that used to come back as a 500.
 */
@Singleton
public class JsonText implements ObjectMapperCustomizer {

    /** The refusal, named by its field path like any other malformed member ({@link ProblemMappers#json}). */
    public static final class ControlCharacterException extends JsonMappingException {
        ControlCharacterException(JsonParser parser) {
            super(parser, "a text member holds a control character");
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("rol-text").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                if (Text.hasControlCharacter(value)) {
                    throw new ControlCharacterException(p);
                }
                return value;
            }
        }));
    }
}
