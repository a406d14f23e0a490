package com.ecommerce.analytics.platform.docs;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** /redoc/: the OpenAPI document read by ReDoc, whose bundle (MIT, LICENSE beside it) the build takes from npm. */
@WebServlet({"/redoc", "/redoc/*"})
public class ReDocPage extends HttpServlet {

    private static final Map<String, StaticDocument> FILES = Map.of(
            "/", new StaticDocument("redoc.html", "text/html;charset=UTF-8"),
            "/redoc.standalone.js", new StaticDocument("redoc/redoc.standalone.js", "text/javascript;charset=UTF-8"),
            "/LICENSE", new StaticDocument("redoc/LICENSE", "text/plain;charset=UTF-8"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() == null) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", "/redoc/");
            return;
        }
        StaticDocument file = FILES.get(request.getPathInfo());
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        file.send(response);
    }
}
