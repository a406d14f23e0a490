package com.ecommerce.analytics.platform.errors;

import java.io.IOException;
import java.util.List;

import com.ecommerce.analytics.platform.rest.RequestIds;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;

/**
 * Errors raised before a request reaches JAX-RS (the container's MP-JWT check answers 401 and 403 itself)
 * arrive here through the error pages of web.xml and leave in the same JSON shape as every other error;
 * a 500 is logged as an incident, like one from JAX-RS.
 */
@WebServlet("/errors/*")
public class ErrorPageServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int statusCode = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        ApiError body = statusCode == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                ? incident(request)
                : error(statusCode);
        response.setStatus(statusCode);
        // the web container marks a response it dispatches to an error page with an empty $WSEP header
        response.setHeader("$WSEP", null);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(body));
    }

    private static ApiError incident(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return Incident.record(request.getMethod(), String.valueOf(path), request.getRemoteUser(), RequestIds.of(request),
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    }

    private static ApiError error(int statusCode) {
        Status status = Status.fromStatusCode(statusCode);
        String message = switch (statusCode) {
            case HttpServletResponse.SC_UNAUTHORIZED -> Messages.NOT_AUTHENTICATED;
            case HttpServletResponse.SC_FORBIDDEN -> Messages.FORBIDDEN;
            case HttpServletResponse.SC_NOT_FOUND -> "Not found.";
            default -> status == null ? "Error " + statusCode : status.getReasonPhrase();
        };
        return status == null
                ? new ApiError(statusCode, "Error", message, message, null, null, null)
                : ApiError.of(status, message, List.of());
    }
}
