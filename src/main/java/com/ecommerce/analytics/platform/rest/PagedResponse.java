package com.ecommerce.analytics.platform.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * A page as the earlier service's clients expect it, a plain JSON array, with the total in
 * X-Total-Count and the neighbouring pages as RFC 8288 Link headers.
 */
public final class PagedResponse {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedResponse() {
    }

    public static Response of(Page<?> page, UriInfo uri) {
        PageRequest request = page.request();
        List<Link> links = new ArrayList<>();
        links.add(link(uri, 0, request.limit(), "first"));
        if (request.offset() > 0) {
            links.add(link(uri, Math.max(0, request.offset() - request.limit()), request.limit(), "prev"));
        }
        if (request.offset() + request.limit() < page.total()) {
            links.add(link(uri, request.offset() + request.limit(), request.limit(), "next"));
        }
        long lastOffset = page.total() == 0 ? 0 : (page.total() - 1) / request.limit() * request.limit();
        links.add(link(uri, lastOffset, request.limit(), "last"));
        return Response.ok(page.items())
                .header(TOTAL_COUNT, page.total())
                .links(links.toArray(Link[]::new))
                .build();
    }

    private static Link link(UriInfo uri, long offset, int limit, String rel) {
        URI target = UriBuilder.fromUri(uri.getRequestUri())
                .replaceQueryParam("page")
                .replaceQueryParam("page_size")
                .replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)
                .build();
        return Link.fromUri(target).rel(rel).build();
    }
}
