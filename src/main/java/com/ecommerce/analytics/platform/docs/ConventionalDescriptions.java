package com.ecommerce.analytics.platform.docs;

import java.util.List;

import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import com.ecommerce.analytics.platform.rest.PageParams;

/**
 * What every collection's operations have in common, written once: an operation or path parameter without a
 * description of its own gets the convention it follows (paging, who may call it, merge patch, ids), so the UI
 * and a generated client's Javadoc explain every operation.
 */
final class ConventionalDescriptions {

    private static final String LIST = "One page of the collection, ordered by `ordering` (default: id) and narrowed "
            + "by the filters below; `limit` (default " + PageParams.DEFAULT_SIZE + ", at most " + PageParams.MAX_SIZE
            + ") and `offset` (or `page` and `page_size`) choose the page, `X-Total-Count` gives the number of matches "
            + "and `Link` the next and previous pages. `Accept: text/csv` answers the same page as CSV.";
    private static final String GET = "The record with this id, as the list shows it; 404 when there is none.";
    private static final String CREATE = "Admins only. Answers 201 with the stored record and its address in "
            + "`Location`; the id and the timestamps are the server's.";
    private static final String REPLACE = "Admins only. The body is the whole record, as on create; to change some "
            + "fields, PATCH is the safer call. Answers the record as stored.";
    private static final String UPDATE = "Admins only. A JSON merge patch (RFC 7396, `application/merge-patch+json` or "
            + "`application/json`): only the fields sent change, and the result is validated as a whole. Answers the "
            + "record as stored.";
    private static final String DELETE = "Admins only. Answers 204; 404 when there is no such record.";

    private ConventionalDescriptions() {
    }

    static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getDescription() == null || operation.getDescription().isBlank()) {
            boolean one = path.endsWith("}");
            String description = switch (method) {
                case GET -> one ? GET : paged(operation) ? LIST : null;
                case POST -> CREATE;
                case PUT -> REPLACE;
                case PATCH -> UPDATE;
                case DELETE -> DELETE;
                default -> null;
            };
            operation.setDescription(description);
        }
        List<Parameter> parameters = operation.getParameters();
        if (parameters != null) {
            parameters.stream().filter(p -> p.getIn() == Parameter.In.PATH && p.getDescription() == null)
                    .forEach(p -> p.setDescription(ofPathParameter(path, p.getName())));
        }
    }

    private static boolean paged(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "limit".equals(p.getName()));
    }

    /** "/api/orders/{order}/refunds/{id}": id is the refund's, order the order's. */
    static String ofPathParameter(String path, String name) {
        if (name.equals("country")) {
            return "The country: an ISO 3166-1 alpha-2 code (`DE`), an English name or an alias (`UK`)";
        }
        if (!name.equals("id")) {
            return "The " + name.replace("_id", "") + "'s id";
        }
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i > 0; i--) {
            if (segments[i].equals("{id}")) {
                return "The " + OpenApiConventions.singular(segments[i - 1]).replace('-', ' ') + "'s id";
            }
        }
        return "The id";
    }
}
