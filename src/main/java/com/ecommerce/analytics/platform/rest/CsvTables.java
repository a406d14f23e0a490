package com.ecommerce.analytics.platform.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.ecommerce.analytics.platform.json.JsonbConfiguration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/**
 * Any answer a list or an analytics operation gives as JSON, as a CSV table (RFC 4180, written by Commons CSV) for a client that sends
 * Accept: text/csv, so that a merchant can open it in a spreadsheet and a BI tool can load it. The table is made
 * from the JSON itself, so its columns are the JSON's field names and values: a list gives a row per item; an
 * object holding one list of objects (a series and its buckets) a row per element, the object's other fields
 * repeated in each (where both name a field alike, the element's wins); any other object one row; an empty list an
 * empty body, as no row tells the columns. Nested objects become dotted columns (previous.net_revenue).
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe (OWASP CSV injection).
 */
@Provider
@Produces(CsvTables.TEXT_CSV)
public class CsvTables implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";
    public static final MediaType TEXT_CSV_TYPE = MediaType.valueOf(TEXT_CSV);
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.isCompatible(TEXT_CSV_TYPE) && !CharSequence.class.isAssignableFrom(type)
                && !StreamingOutput.class.isAssignableFrom(type) && !type.equals(byte[].class);
    }

    @Override
    public void writeTo(Object answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=UTF-8; header=present");
        String json = JsonbConfiguration.JSONB.toJson(answer);
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        }
        Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
        write(rows(value), out);
        out.flush();
    }

    static List<Map<String, String>> rows(JsonValue value) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> lists = value instanceof JsonObject object ? listsOfObjects(object) : List.of();
        if (value instanceof JsonArray items) {
            items.forEach(item -> rows.add(flat(item)));
        } else if (lists.size() == 1) {
            JsonObject object = value.asJsonObject();
            Map<String, String> shared = new LinkedHashMap<>();
            object.forEach((name, field) -> {
                if (!name.equals(lists.get(0))) {
                    flatten(name, field, shared);
                }
            });
            object.getJsonArray(lists.get(0)).forEach(item -> {
                Map<String, String> row = new LinkedHashMap<>(shared);
                row.putAll(flat(item));
                rows.add(row);
            });
        } else {
            rows.add(flat(value));
        }
        return rows;
    }

    private static List<String> listsOfObjects(JsonObject object) {
        return object.entrySet().stream()
                .filter(field -> field.getValue() instanceof JsonArray array && !array.isEmpty()
                        && array.stream().allMatch(JsonObject.class::isInstance))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Map<String, String> flat(JsonValue item) {
        Map<String, String> row = new LinkedHashMap<>();
        flatten("", item, row);
        return row;
    }

    private static void flatten(String name, JsonValue value, Map<String, String> row) {
        if (value instanceof JsonObject object) {
            object.forEach((field, inner) -> flatten(name.isEmpty() ? field : name + "." + field, inner, row));
        } else {
            row.put(name.isEmpty() ? "value" : name, text(value));
        }
    }

    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> "";
            case STRING -> safe(((JsonString) value).getString());
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
            case TRUE -> "true";
            case FALSE -> "false";
            case ARRAY -> ((JsonArray) value).stream()
                    .map(element -> element instanceof JsonString s ? s.getString() : element.toString())
                    .collect(Collectors.joining("; "));
            case OBJECT -> value.toString();
        };
    }

    /** A decimal string (money is sent as "-12.50") stays a number; other text is kept from being run as a formula. */
    private static String safe(String text) {
        if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || isNumber(text)) {
            return text;
        }
        return "'" + text;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void write(List<Map<String, String>> rows, Writer out) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        if (columns.isEmpty()) {
            return;
        }
        // not closed: the stream is the container's
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
        for (Map<String, String> row : rows) {
            printer.printRecord(columns.stream().map(column -> row.getOrDefault(column, "")));
        }
    }
}
