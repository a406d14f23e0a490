package com.ecommerce.analytics.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ErrorPageServletTest {

    @RegisterExtension
    final IncidentLog incidents = new IncidentLog();

    @Test
    void aContainerFailureIsA500WithAnIncidentThatTheLogNamesWithMethodAndPath() throws IOException {
        IllegalStateException failure = new IllegalStateException("filter broke");
        JsonObject body = serve(500, failure);

        assertEquals(500, body.getInt("status"));
        assertEquals("Internal Server Error", body.getString("error"));
        String incident = body.getString("incident");
        assertTrue(body.getString("message").contains(incident));
        assertEquals(body.getString("message"), body.getString("detail"));
        assertEquals(1, incidents.lines().size());
        assertTrue(incidents.lines().get(0).getMessage().contains(incident + ": DELETE /api/customers/7/ by user admin-3"),
                incidents.lines().get(0).getMessage());
        assertSame(failure, incidents.lines().get(0).getThrown());
    }

    @Test
    void otherStatusesKeepTheirShapeWithoutIncident() throws IOException {
        JsonObject body = serve(404, null);
        assertEquals(404, body.getInt("status"));
        assertEquals("Not found.", body.getString("message"));
        assertFalse(body.containsKey("incident"));
        assertTrue(incidents.lines().isEmpty());
    }

    private static JsonObject serve(int status, Throwable failure) throws IOException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(RequestDispatcher.ERROR_STATUS_CODE, status);
        attributes.put(RequestDispatcher.ERROR_REQUEST_URI, "/api/customers/7/");
        attributes.put(RequestDispatcher.ERROR_EXCEPTION, failure);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "DELETE";
                    case "getRemoteUser" -> "admin-3";
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
        StringWriter written = new StringWriter();
        PrintWriter writer = new PrintWriter(written);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> method.getName().equals("getWriter") ? writer : null);
        new ErrorPageServlet().service(request, response);
        writer.flush();
        return Json.createReader(new StringReader(written.toString())).readObject();
    }
}
