package com.ecommerce.analytics.platform.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Links the service hands out (Location, Content-Location, Link) start with PUBLIC_BASE_URL when it is set,
 * instead of with the Host header the request came with, which any client can forge.
 */
@Provider
public class PublicAddresses implements ContainerResponseFilter {

    private static final List<String> LINK_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION,
            HttpHeaders.LINK);

    @Inject
    @ConfigProperty(name = "PUBLIC_BASE_URL")
    Optional<String> publicBaseUrl;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (publicBaseUrl.isEmpty() || publicBaseUrl.get().isBlank()) {
            return;
        }
        String requested = request.getUriInfo().getBaseUri().toString();
        String published = publicBaseUrl.get().endsWith("/") ? publicBaseUrl.get() : publicBaseUrl.get() + "/";
        MultivaluedMap<String, Object> headers = response.getHeaders();
        for (String name : LINK_HEADERS) {
            List<Object> values = headers.get(name);
            if (values != null) {
                values.replaceAll(value -> rewritten(value, requested, published));
            }
        }
    }

    private static Object rewritten(Object value, String requested, String published) {
        String text = value.toString().replace(requested, published);
        return value instanceof URI ? URI.create(text) : text;
    }
}
