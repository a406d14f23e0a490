package com.ecommerce.analytics.platform.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * JSON and CSV answers of 1 KB or more are gzipped for a client that accepts it. Liberty's own compression
 * (server.xml) takes answers of unknown length or of 2 KB or more; it stays for what the API does not write (the
 * OpenAPI document, pages) and leaves an answer alone that already has a Content-Encoding. The first kilobyte is
 * held back until it is known whether the answer reaches it.
 */
@Provider
public class GzippedAnswers implements WriterInterceptor {

    static final int THRESHOLD = 1024;

    @Context
    HttpHeaders request;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!compressible(context.getMediaType()) || context.getHeaders().containsKey(HttpHeaders.CONTENT_ENCODING)) {
            context.proceed();
            return;
        }
        context.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (!acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING))) {
            context.proceed();
            return;
        }
        FirstKilobyteHeld body = new FirstKilobyteHeld(context.getOutputStream(), context.getHeaders());
        context.setOutputStream(body);
        context.proceed();
        body.finish();
    }

    static boolean compressible(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || CsvTables.TEXT_CSV_TYPE.isCompatible(type));
    }

    /** "gzip", "gzip;q=0.8", "deflate, gzip": yes; "gzip;q=0" or no gzip at all: no. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        return Arrays.stream(acceptEncoding.toLowerCase(Locale.ROOT).split(",")).map(String::trim)
                .anyMatch(coding -> {
                    String[] parts = coding.split(";");
                    return parts[0].trim().equals("gzip") && Arrays.stream(parts).skip(1).map(String::trim)
                            .noneMatch(parameter -> parameter.replace(" ", "").matches("q=0(\\.0*)?"));
                });
    }

    private static final class FirstKilobyteHeld extends OutputStream {

        private final OutputStream answer;
        private final MultivaluedMap<String, Object> headers;
        private ByteArrayOutputStream held = new ByteArrayOutputStream(THRESHOLD);
        private GZIPOutputStream gzip;

        FirstKilobyteHeld(OutputStream answer, MultivaluedMap<String, Object> headers) {
            this.answer = answer;
            this.headers = headers;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (gzip != null) {
                gzip.write(bytes, offset, length);
                return;
            }
            held.write(bytes, offset, length);
            if (held.size() >= THRESHOLD) {
                headers.putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
                headers.remove(HttpHeaders.CONTENT_LENGTH);
                gzip = new GZIPOutputStream(answer, 8192);
                held.writeTo(gzip);
                held = null;
            }
        }

        @Override
        public void flush() throws IOException {
            if (gzip != null) {
                gzip.flush();
            }
        }

        /** A short answer goes out whole with its length, which also keeps Liberty from compressing it. */
        void finish() throws IOException {
            if (gzip != null) {
                gzip.finish();
            } else {
                headers.putSingle(HttpHeaders.CONTENT_LENGTH, held.size());
                held.writeTo(answer);
            }
        }
    }
}
