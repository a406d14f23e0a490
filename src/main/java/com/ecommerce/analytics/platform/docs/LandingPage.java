package com.ecommerce.analytics.platform.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The root URL: what the service is and where its documentation, health checks and a first request are. Its
 * examples name the address the client reached (PUBLIC_BASE_URL behind a proxy), escaped: a Host header is the
 * client's to write.
 */
@WebServlet("")
public class LandingPage extends HttpServlet {

    private static final StaticDocument PAGE = new StaticDocument("landing.html", "text/html;charset=UTF-8");
    private static final String TEMPLATE = new String(PAGE.bytes(), StandardCharsets.UTF_8);
    private static final String EXAMPLE_BASE = "http://localhost:9080";

    @Inject
    @ConfigProperty(name = "PUBLIC_BASE_URL")
    Optional<String> publicBaseUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = TEMPLATE.replace(EXAMPLE_BASE, escaped(base(request)));
        PAGE.send(response, page.getBytes(StandardCharsets.UTF_8));
    }

    private String base(HttpServletRequest request) {
        String base = publicBaseUrl.filter(url -> !url.isBlank()).orElseGet(() -> request.getRequestURL().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
