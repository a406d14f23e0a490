package com.ecommerce.analytics.platform.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

import jakarta.ws.rs.QueryParam;

/**
 * The paging query parameters every list accepts: {@code limit}/{@code offset}, or DRF's
 * {@code page}/{@code page_size}. A list is never unbounded.
 */
public class PageParams {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1-" + MAX_SIZE + " (default " + DEFAULT_SIZE + ")")
    Integer limit;

    @QueryParam("offset")
    @Parameter(description = "Rows to skip (default 0)")
    Integer offset;

    @QueryParam("page")
    @Parameter(description = "1-based page number, an alternative to offset")
    Integer page;

    @QueryParam("page_size")
    @Parameter(description = "Page size with page, 1-" + MAX_SIZE)
    Integer pageSize;

    public PageRequest toRequest() {
        if ((page != null || pageSize != null) && (offset != null || limit != null)) {
            throw new InvalidRequest("Use either limit/offset or page/page_size, not both.");
        }
        int size = checkedSize(limit != null ? "limit" : "page_size", limit != null ? limit : pageSize);
        if (page != null) {
            if (page < 1) {
                throw InvalidRequest.field("page", "must be 1 or more");
            }
            return new PageRequest((long) (page - 1) * size, size);
        }
        if (offset != null && offset < 0) {
            throw InvalidRequest.field("offset", "must be 0 or more");
        }
        return new PageRequest(offset == null ? 0 : offset, size);
    }

    private static int checkedSize(String name, Integer requested) {
        if (requested == null) {
            return DEFAULT_SIZE;
        }
        if (requested < 1 || requested > MAX_SIZE) {
            throw InvalidRequest.field(name, "must be between 1 and " + MAX_SIZE);
        }
        return requested;
    }
}
