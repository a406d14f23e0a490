package com.ecommerce.analytics.platform.rest;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every answer carries X-Request-Id: the client's (or its proxy's) when it sent a sensible one, else a new one; the
 * access log and incident log lines name it, so one id follows a request from the proxy to a stack trace. The filter
 * also runs on ERROR dispatches: the container's own refusals (a 401 before any filter) reach the client through an
 * error page, which keeps the id the request already has.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIds extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    /** Short and plain: the id is written into logs and headers as it came. */
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = of(request);
        if (id == null) {
            String sent = request.getHeader(HEADER);
            id = sent != null && SENSIBLE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
    }

    /** The request's id, or null outside a request this filter saw. */
    public static String of(ServletRequest request) {
        return request == null ? null : (String) request.getAttribute(ATTRIBUTE);
    }
}
