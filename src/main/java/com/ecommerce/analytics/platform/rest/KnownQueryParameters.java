package com.ecommerce.analytics.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.ecommerce.analytics.platform.errors.FieldError;
import com.ecommerce.analytics.platform.errors.InvalidRequest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A query parameter the operation does not take is a 400 that lists the ones it does: silently ignoring
 * {@code country=DE} answers worldwide figures to a client who asked for Germany's. The names come from the
 * operation's own {@code @QueryParam}s (and those of its {@code @BeanParam}s), so the list cannot drift.
 */
@Provider
public class KnownQueryParameters implements ContainerRequestFilter {

    /** DRF's format override (?format=json), which the earlier service's clients may still send. */
    private static final String FORMAT = "format";

    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getUriInfo().getQueryParameters().isEmpty()) {
            return;
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, KnownQueryParameters::namesTakenBy);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(taken);
        if (unknown.remove(FORMAT) && !"json".equals(request.getUriInfo().getQueryParameters().getFirst(FORMAT))) {
            throw InvalidRequest.field(FORMAT, "only json is served");
        }
        if (!unknown.isEmpty()) {
            throw refused(unknown, "this operation", taken);
        }
    }

    /** The 400 for parameters that are not the operation's (or not the variant's, such as an analytics type). */
    public static InvalidRequest refused(Set<String> unknown, String of, Set<String> taken) {
        String takes = "it takes " + (taken.isEmpty() ? "none" : String.join(", ", new TreeSet<>(taken)));
        return new InvalidRequest(String.join(", ", unknown) + (unknown.size() == 1 ? " is not a parameter of "
                : " are not parameters of ") + of + "; " + takes,
                unknown.stream().map(name -> new FieldError(name, "is not a parameter of " + of + "; " + takes)).toList());
    }

    private static Set<String> namesTakenBy(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        add(names, field.getAnnotation(QueryParam.class));
                    }
                }
            }
        }
        for (Class<?> type = method.getDeclaringClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                add(names, field.getAnnotation(QueryParam.class));
            }
        }
        return names;
    }

    private static void add(Set<String> names, Annotation query) {
        if (query instanceof QueryParam param) {
            names.add(param.value());
        }
    }
}
