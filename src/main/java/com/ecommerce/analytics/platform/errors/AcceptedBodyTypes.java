package com.ecommerce.analytics.platform.errors;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The body types an operation takes, found for a 415, when JAX-RS has matched no method: the resources' @Path
 * templates are matched against the request's path here, and the @Consumes of those with its HTTP method read.
 */
final class AcceptedBodyTypes {

    private AcceptedBodyTypes() {
    }

    static Set<String> of(BeanManager beans, String path, String httpMethod) {
        String requested = "/" + path.replaceAll("^/+|/+$", "");
        Set<String> taken = new TreeSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                Path sub = method.getAnnotation(Path.class);
                String template = "/" + (base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/")
                        .replaceAll("^/+|/+$", "");
                Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                if (consumes != null && handles(method, httpMethod) && matches(template, requested)) {
                    taken.addAll(Set.of(consumes.value()));
                }
            }
        }
        return taken;
    }

    private static boolean matches(String template, String path) {
        String[] literals = template.split("\\{[^}]+}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            regex.append(Pattern.quote(literals[i]));
            if (i < literals.length - 1) {
                regex.append("[^/]+");
            }
        }
        return path.matches(regex.toString());
    }

    private static boolean handles(Method method, String httpMethod) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null && designator.value().equals(httpMethod)) {
                return true;
            }
        }
        return false;
    }
}
