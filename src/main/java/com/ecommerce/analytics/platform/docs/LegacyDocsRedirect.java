package com.ecommerce.analytics.platform.docs;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The earlier service documented itself at /swagger/ (and at /redoc/, now ReDocPage): to the OpenAPI UI. */
@WebServlet({"/swagger", "/swagger/*"})
public class LegacyDocsRedirect extends HttpServlet {

    static final String OPENAPI_UI = "/openapi/ui/";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", OPENAPI_UI);
    }
}
