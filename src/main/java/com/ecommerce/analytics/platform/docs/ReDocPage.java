package com.ecommerce.analytics.platform.docs;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * /redoc/: the OpenAPI document read by ReDoc, whose bundle (MIT, LICENSE beside it) the build takes from npm. A server
 * started by `mvn liberty:run` on a clean checkout has no bundle (that goal compiles the classes but runs no other part
 * of the lifecycle): its /redoc/ sends readers to the OpenAPI UI, which reads the same document, until `mvn package`.
 */
@WebServlet({"/redoc", "/redoc/*"})
public class ReDocPage extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ReDocPage.class.getName());
    private static final String BUNDLE = "redoc/redoc.standalone.js";
    private static final String WITHOUT_BUNDLE = "/openapi/ui/";

    private static final Map<String, StaticDocument> FILES = bundled();

    private static Map<String, StaticDocument> bundled() {
        if (!StaticDocument.isBuilt(BUNDLE)) {
            LOG.warning("ReDoc's bundle is not in this build (mvn liberty:run on a clean checkout does not fetch it; "
                    + "mvn package does, once): /redoc/ sends readers to " + WITHOUT_BUNDLE + ", the same document.");
            return Map.of();
        }
        return Map.of(
                "/", new StaticDocument("redoc.html", "text/html;charset=UTF-8"),
                "/redoc.standalone.js", new StaticDocument(BUNDLE, "text/javascript;charset=UTF-8"),
                "/LICENSE", new StaticDocument("redoc/LICENSE", "text/plain;charset=UTF-8"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() == null) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", "/redoc/");
            return;
        }
        if (FILES.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
            response.setHeader("Location", WITHOUT_BUNDLE);
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
