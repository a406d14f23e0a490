package com.ecommerce.analytics.platform.docs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.RevalidatedFilter;

/**
 * What every operation of the document shares, written once: an operationId a generated client can use as a
 * method name (listProducts, getProduct, ...), and the one error shape (platform.errors.ApiError) on every error
 * response, each status documented where the service can answer it: 400 where there is anything to validate, 401
 * where a token is needed, 403 on writes (admins only; admin-only reads say so themselves), 404 on one item, 413 and
 * 415 where there is a body; 406, 500 and 503 (a database busy or unreachable) everywhere.
 */
public class OpenApiConventions implements OASFilter {

    static final String ERROR = "Error";
    /** Marks an operation whose answers are @Revalidated, for the ETag, If-None-Match and 304 to be documented. */
    public static final String REVALIDATED = "x-revalidated";
    private static final String ERROR_REF = "#/components/schemas/" + ERROR;
    /** SmallRye's CLASS_METHOD operationId strategy: ProductsResource_list. */
    private static final Pattern GENERATED_ID = Pattern.compile("([A-Za-z]+?)Resource_([a-zA-Z]+)");
    private static final List<String> ON_ONE = List.of("get", "replace", "update", "delete", "remove", "create");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getOperationId() != null) {
            Matcher generated = GENERATED_ID.matcher(operation.getOperationId());
            if (generated.matches()) {
                operation.setOperationId(operationId(generated.group(2), generated.group(1)));
            }
        }
        return operation;
    }

    /** get + Products = getProduct (a verb on one item); list + Products = listProducts, as any other verb. */
    static String operationId(String method, String resource) {
        return ON_ONE.contains(method) ? method + singular(resource) : method + resource;
    }

    static String singular(String noun) {
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        if (noun.endsWith("s") && !noun.endsWith("ss")) {
            return noun.substring(0, noun.length() - 1);
        }
        return noun;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() != null && openAPI.getPaths() != null) {
            answered(openAPI).forEach(name -> mayBeNull(openAPI.getComponents().getSchemas().get(name)));
        }
        openAPI.getComponents().addSchema(ERROR, errorSchema());
        withScopes(openAPI.getComponents().getSecuritySchemes());
        if (openAPI.getPaths() == null) {
            return;
        }
        DocumentedExamples examples = DocumentedExamples.load();
        examples.addErrorsTo(openAPI.getComponents());
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                ConventionalDescriptions.describe(path.getKey(), entry.getKey(), entry.getValue());
                documentErrors(path.getKey(), entry.getKey(), entry.getValue());
                documentCsv(entry.getValue());
                documentRevalidation(entry.getValue());
                examples.addTo(entry.getValue());
            }
        }
    }

    /** OpenAPI requires a flow's scopes even when there are none; the annotations leave an empty list out. */
    private static void withScopes(Map<String, SecurityScheme> schemes) {
        if (schemes == null) {
            return;
        }
        schemes.values().stream().map(SecurityScheme::getFlows).filter(Objects::nonNull)
                .flatMap(flows -> Stream.of(flows.getPassword(), flows.getAuthorizationCode(), flows.getClientCredentials(),
                        flows.getImplicit()))
                .filter(flow -> flow != null && flow.getScopes() == null)
                .forEach(flow -> flow.setScopes(new HashMap<>()));
    }

    private static void documentErrors(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean needsToken = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean write = method != PathItem.HttpMethod.GET;
        addError(responses, "400", true, "A parameter or the body is malformed or invalid, or a query parameter is one "
                + "the operation does not take: `fields` names each rejected one");
        addError(responses, "401", needsToken, "No access token, or one that is invalid, expired or of an ended login");
        addError(responses, "403", needsToken && write, "Only admins change the store; analysts read it");
        addError(responses, "404", path.contains("{"), "No such item");
        addError(responses, "406", true, "The Accept header names no type this operation answers");
        addError(responses, "413", hasBody, "The body is larger than this operation takes");
        addError(responses, "415", hasBody, "The body is not of a type this operation takes (Content-Type)");
        addError(responses, "500", true,
                "An unexpected failure, ours; nothing was saved: `incident` names it in the server's log");
        addError(responses, "503", true, write
                ? "The database stayed busy (lock waits), and nothing was saved, or the connection to it was lost (a "
                        + "database failover), and the change may have been saved: send it again after Retry-After "
                        + "seconds (an order with the same Idempotency-Key)"
                : "The database could not be reached or stayed busy: ask again after Retry-After seconds");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && response.getValue().getContent() == null) {
                response.getValue().setContent(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_REF))));
            }
        }
    }

    /** The component schemas that answers use, directly or inside another (request bodies' alone are left out). */
    private static Set<String> answered(OpenAPI openAPI) {
        Set<String> names = new HashSet<>();
        Deque<Schema> toVisit = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().stream().flatMap(path -> path.getOperations().values().stream())
                .filter(operation -> operation.getResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                .filter(media -> media.getSchema() != null)
                .forEach(media -> toVisit.add(media.getSchema()));
        while (!toVisit.isEmpty()) {
            Schema schema = toVisit.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                Schema named = openAPI.getComponents().getSchemas().get(name);
                if (named != null && names.add(name)) {
                    toVisit.add(named);
                }
            }
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                    .forEach(toVisit::addAll);
            if (schema.getItems() != null) {
                toVisit.add(schema.getItems());
            }
            if (schema.getProperties() != null) {
                toVisit.addAll(schema.getProperties().values());
            }
        }
        return names;
    }

    /**
     * Answers send a field without a value as null (JsonbConfiguration), so each property may be null: a typed one
     * says so in its types, a reference or composition becomes "anyOf: [it, null]".
     */
    private static void mayBeNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            Schema value = property.getValue();
            if (value.getType() != null && !value.getType().isEmpty()) {
                if (!value.getType().contains(Schema.SchemaType.NULL)) {
                    value.addType(Schema.SchemaType.NULL);
                }
            } else if (value.getRef() != null || value.getAllOf() != null) {
                schema.addProperty(property.getKey(), OASFactory.createSchema().description(value.getDescription())
                        .anyOf(List.of(value.description(null), OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
            }
        }
    }

    /** An error the operation can answer, unless its own annotations describe that status already. */
    private static void addError(APIResponses responses, String status, boolean canHappen, String description) {
        if (canHappen && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** The scanner gives text/csv the JSON schema of the answer; on the wire it is the table CsvTables writes. */
    private static void documentCsv(Operation operation) {
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getContent() != null && response.getContent().hasMediaType(CsvTables.TEXT_CSV)) {
                response.getContent().addMediaType(CsvTables.TEXT_CSV, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(
                                "The JSON answer as a CSV table (RFC 4180, UTF-8, a header row of the JSON field "
                                        + "names; nested fields as dotted names; a row per item, or per bucket of a "
                                        + "series)")));
            }
        }
    }

    /** What RevalidatedFilter does, on the operations marked REVALIDATED (the mark itself is left out). */
    private static void documentRevalidation(Operation operation) {
        if (!unmarked(operation)) {
            return;
        }
        // SmallRye copies a method's extensions onto its responses too
        unmarked(operation.getResponses());
        operation.getResponses().getAPIResponses().values().forEach(OpenApiConventions::unmarked);
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("The ETag of an answer the client holds: if the answer is still the same, 304 without a body")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", header("A weak tag of the body (JSON or CSV), for If-None-Match"));
            ok.addHeader("Cache-Control", header(RevalidatedFilter.CACHE_CONTROL));
            ok.addHeader("Vary", header("Accept: the same URL answers JSON or CSV"));
        }
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: the answer is the one whose ETag the request named; no body")
                .addHeader("ETag", header("The same tag")));
    }

    private static boolean unmarked(Extensible<?> part) {
        if (part.getExtensions() == null || !part.getExtensions().containsKey(REVALIDATED)) {
            return false;
        }
        part.removeExtension(REVALIDATED);
        return true;
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /** platform.errors.ApiError as JSON-B writes it: absent members are left out. */
    private static Schema errorSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Every error the service answers, the container's refusals that reach the application included")
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status, repeated"))
                .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The status's reason phrase").examples(List.of("Bad Request")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong, for a person"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The message again, where the earlier service's clients read it"))
                .addProperty("fields", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("On validation errors: each rejected field as the client spelled it")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", text).addProperty("message", text)
                                .required(List.of("field", "message"))))
                .addProperty("shortages", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("On 409 for stock: each product short of stock")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)))
                .addProperty("incident", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("On 500: the id the server logged the failure under"))
                .required(List.of("status", "error", "message", "detail"));
    }
}
