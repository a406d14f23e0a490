package com.ecommerce.analytics.platform.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A page or script shipped in the WAR's classes under docs/ (ReDoc's bundle is put there by the build), read once
 * when its servlet is loaded rather than on every request: the bundle alone is about a megabyte.
 */
final class StaticDocument {

    private final byte[] bytes;
    private final String contentType;

    StaticDocument(String path, String contentType) {
        this.bytes = read(path);
        this.contentType = contentType;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    void send(HttpServletResponse response) throws IOException {
        send(response, bytes);
    }

    void send(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.getOutputStream().write(body);
    }

    /** Whether this build has the document (ReDoc's bundle comes with the Maven lifecycle only). */
    static boolean isBuilt(String path) {
        return StaticDocument.class.getResource("/docs/" + path) != null;
    }

    private static byte[] read(String path) {
        try (InputStream in = StaticDocument.class.getResourceAsStream("/docs/" + path)) {
            if (in == null) {
                throw new IllegalStateException("docs/" + path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
