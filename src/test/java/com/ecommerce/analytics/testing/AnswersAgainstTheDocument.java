package com.ecommerce.analytics.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every JSON answer any IT receives from /api/, checked against the schema the OpenAPI document declares for its
 * operation and status: the document is the contract of generated clients, so an answer it does not describe
 * (an undocumented status, a missing or misnamed field) is a failure of the test that received it.
 */
public final class AnswersAgainstTheDocument implements ClientResponseFilter {

    /** Off in the benchmarks, whose timings must not include the check. */
    private static final boolean CHECKING = !"false".equals(System.getProperty("it.openapi.check"));

    private static volatile Checker checker;

    /** The document's path templates as patterns, literal ones first ("/api/products/low-stock" before "{id}"). */
    private record Template(String path, Pattern pattern, int variables) {
        static Template of(String path) {
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return new Template(path, Pattern.compile(regex + "/?"), path.split("\\{", -1).length - 1);
        }
    }

    private record Checker(DocumentedSchemas schemas, List<Template> templates, JsonObject paths) {
        boolean documents(String template, String method) {
            return paths.getJsonObject(template).containsKey(method);
        }

        String template(String path) {
            return templates.stream().filter(template -> template.pattern().matcher(path).matches())
                    .map(Template::path).findFirst().orElse(null);
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        URI uri = request.getUri();
        MediaType type = response.getMediaType();
        if (!CHECKING || !uri.getPath().startsWith("/api/") || !response.hasEntity() || type == null
                || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        byte[] body;
        try (InputStream entity = response.getEntityStream()) {
            body = entity.readAllBytes();
        }
        response.setEntityStream(new ByteArrayInputStream(body));
        Checker checker = checker(uri);
        String template = checker.template(uri.getPath());
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        if (template == null || !checker.documents(template, method)) {
            return; // a 404 or 405 for what the API does not have: there is no operation to describe it
        }
        List<String> violations = checker.schemas().violations(template, method, response.getStatus(),
                new String(body, StandardCharsets.UTF_8));
        if (!violations.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + response.getStatus()
                    + ", which the OpenAPI document does not describe:\n  " + String.join("\n  ", violations)
                    + "\nbody: " + new String(body, StandardCharsets.UTF_8));
        }
    }

    private static Checker checker(URI answered) {
        if (checker == null) {
            synchronized (AnswersAgainstTheDocument.class) {
                if (checker == null) {
                    checker = read(answered.resolve("/openapi"));
                }
            }
        }
        return checker;
    }

    private static Checker read(URI openapi) {
        var client = ClientBuilder.newClient();
        try (Response response = client.target(openapi).request(MediaType.APPLICATION_JSON_TYPE).get()) {
            String json = response.readEntity(String.class);
            JsonObject paths = ((JsonObject) Api.parse(json)).getJsonObject("paths");
            List<Template> templates = new ArrayList<>();
            paths.keySet().forEach(path -> templates.add(Template.of(path)));
            templates.sort(Comparator.comparingInt(Template::variables));
            return new Checker(DocumentedSchemas.of(json), templates, paths);
        } finally {
            client.close();
        }
    }
}
