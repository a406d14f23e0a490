package com.ecommerce.analytics.platform.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.errors.TooLarge;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Every JSON request body is checked before it is bound: at most 1 MB (413 beyond), UTF-8, exactly one JSON
 * value (a second one after it is not ignored: 400), and no lone UTF-16 surrogate in a string (which would be
 * stored as '?'). JSON-B alone reads the first value and silently drops what follows.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    public static final int LIMIT_BYTES = 1 << 20;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            byte[] body = bounded(context.getInputStream());
            check(text(body));
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private static byte[] bounded(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            body.write(buffer, 0, read);
            if (body.size() > LIMIT_BYTES) {
                throw new TooLarge("The JSON body is larger than " + LIMIT_BYTES / 1024 + " KB, the most an operation "
                        + "takes (send past sales as CSV to /api/import/orders/).");
            }
        }
        return body.toByteArray();
    }

    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("The JSON body is not UTF-8 text.");
        }
    }

    private static void check(String text) {
        if (text.isBlank()) {
            return;
        }
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            int depth = 0;
            boolean ended = false;
            while (parser.hasNext()) {
                if (ended) {
                    throw trailing();
                }
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME, VALUE_STRING -> noLoneSurrogate(parser.getString());
                    default -> {
                        // numbers, true, false, null
                    }
                }
                ended = depth == 0;
            }
        } catch (JsonParsingException e) {
            throw new InvalidRequest("The request body is not valid JSON: " + e.getMessage());
        }
    }

    private static InvalidRequest trailing() {
        return new InvalidRequest("The request body holds more than one JSON value; send exactly one.");
    }

    private static void noLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidRequest("The request body holds a lone UTF-16 surrogate (\\\\u" + Integer.toHexString(c)
                        + "), which is no character; it cannot be stored.");
            }
        }
    }
}
