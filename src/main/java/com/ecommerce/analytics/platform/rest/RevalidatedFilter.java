package com.ecommerce.analytics.platform.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Writes a @Revalidated answer here, once, as the client will receive it, so that its ETag is the digest of those
 * very bytes; the bytes then go out as they are, or not at all when the client already holds them (304).
 */
@Provider
@Revalidated
public class RevalidatedFilter implements ContainerResponseFilter {

    public static final String CACHE_CONTROL = "private, max-age=60";

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || !(MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())
                || CsvTables.TEXT_CSV_TYPE.isCompatible(response.getMediaType()))) {
            return;
        }
        byte[] body = written(response);
        // weak: the HTTP channel may gzip the bytes, and a strong tag would then promise the wrong ones
        EntityTag tag = new EntityTag(digest(body), true);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        // the same URL answers JSON or CSV: a cache must not give one to a client that asked for the other
        response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            return;
        }
        response.setEntity(body, new Annotation[0], response.getMediaType());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] written(ContainerResponseContext response) throws IOException {
        Object entity = response.getEntity();
        MessageBodyWriter writer = providers.getMessageBodyWriter(response.getEntityClass(), response.getEntityType(),
                response.getEntityAnnotations(), response.getMediaType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(entity, response.getEntityClass(), response.getEntityType(), response.getEntityAnnotations(),
                response.getMediaType(), response.getHeaders(), out);
        return out.toByteArray();
    }

    /** If-None-Match: a list of tags or *, compared weakly as RFC 9110 asks of it. */
    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.replaceFirst("^W/", "").equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
