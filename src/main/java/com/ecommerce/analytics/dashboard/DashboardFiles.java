package com.ecommerce.analytics.dashboard;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The dashboard's static files (src/main/webapp/dashboard) and the chart library's WebJar (its jar's
 * META-INF/resources/webjars), which the container's own file serving never reaches: JAX-RS answers every path
 * below the root. The pages run only scripts from this server: no inline script, no other origin, no framing;
 * styles may be inline, as the chart library styles its tooltips so.
 */
@WebServlet({"/dashboard", "/dashboard/*", "/webjars/*"})
public class DashboardFiles extends HttpServlet {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getPathInfo();
        boolean page = request.getServletPath().equals("/dashboard");
        if (page && file == null) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", "/dashboard/");
            return;
        }
        if (file == null || file.contains("..") || file.contains("\\")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = (page ? "/dashboard" : "/META-INF/resources/webjars")
                + (file.endsWith("/") ? file + "index.html" : file);
        try (InputStream in = page ? getServletContext().getResourceAsStream(path)
                : DashboardFiles.class.getClassLoader().getResourceAsStream(path.substring(1))) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(typeOf(path));
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (page) {
                response.setHeader("Content-Security-Policy", POLICY);
                response.setHeader("Referrer-Policy", "no-referrer");
                // a new release's pages and scripts are taken at once
                response.setHeader("Cache-Control", "no-cache");
            } else {
                // a WebJar's path names its version: the file under it never changes
                response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            }
            in.transferTo(response.getOutputStream());
        }
    }

    static String typeOf(String path) {
        if (path.endsWith(".html")) {
            return "text/html;charset=UTF-8";
        }
        if (path.endsWith(".js")) {
            return "text/javascript;charset=UTF-8";
        }
        if (path.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (path.endsWith(".png")) {
            return "image/png";
        }
        return "text/plain;charset=UTF-8";
    }
}
