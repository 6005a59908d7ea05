package rol.platform.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts query and path parameters so that a value of the wrong form is answered 400 naming the parameter and the
 * form it needs (JAX-RS itself would answer 404, which tells a clerk nothing).
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    private static final Map<Class<?>, Function<String, ?>> PARSERS = Map.of(
            UUID.class, UUID::fromString,
            LocalDate.class, LocalDate::parse,
            Integer.class, Integer::valueOf,
            Long.class, Long::valueOf,
            Boolean.class, ParamConverters::strictBoolean);

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            String allowed = Arrays.stream(rawType.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining("、"));
            return converter(name, Messages.text("param.form.one-of", allowed),
                    value -> (T) Enum.valueOf((Class) rawType, value.strip()));
        }
        if (rawType == String.class) {
            return (ParamConverter<T>) printable(name);
        }
        Function<String, ?> parser = PARSERS.get(rawType);
        if (parser == null) {
            return null;
        }
        return converter(name, Messages.text("param.form." + rawType.getSimpleName()), value -> (T) parser.apply(value.strip()));
    }

    /**
     * A text parameter (a search, a name) passes as it came, blank included, unless it holds a control character
     * ({@link Text}): a NUL byte would otherwise reach PostgreSQL, which cannot compare with it.
     */
    private static ParamConverter<String> printable(String name) {
        return new ParamConverter<>() {
            @Override
            public String fromString(String value) {
                if (Text.hasControlCharacter(value)) {
                    Problem problem = Problems.problem(400, "validation", null,
                            List.of(new Problem.FieldError(name, Messages.text("field.control-character"))), Map.of());
                    throw new BadRequestException(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
                }
                return value;
            }

            @Override
            public String toString(String value) {
                return value;
            }
        };
    }

    private static <T> ParamConverter<T> converter(String name, String form, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (RuntimeException e) {
                    Problem problem = Problems.problem(400, "validation", null,
                            List.of(new Problem.FieldError(name, Messages.text("param.invalid", value, form))), Map.of());
                    throw new BadRequestException(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static Boolean strictBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }
}
