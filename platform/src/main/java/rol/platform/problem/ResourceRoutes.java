package rol.platform.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** The service's REST resource methods (its {@code @Path} beans), read once, for {@link AllowedMethods}. */
final class ResourceRoutes {

    private static volatile AllowedMethods allowed;

    private ResourceRoutes() {
    }

    static AllowedMethods allowed() {
        AllowedMethods a = allowed;
        if (a == null) {
            a = new AllowedMethods(scan());
            allowed = a;
        }
        return a;
    }

    private static List<AllowedMethods.Route> scan() {
        List<AllowedMethods.Route> routes = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path classPath = bean.getBeanClass().getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : bean.getBeanClass().getMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path methodPath = m.getAnnotation(Path.class);
                        routes.add(new AllowedMethods.Route(http.value(),
                                AllowedMethods.join(classPath.value(), methodPath == null ? null : methodPath.value())));
                    }
                }
            }
        }
        return routes;
    }
}
