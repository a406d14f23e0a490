package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 with Retry-After, so clients and proxies back off briefly instead of treating it as a failure. */
@Provider
public class StoreBusyMapper implements ExceptionMapper<StoreBusy> {

    @Override
    public Response toResponse(StoreBusy busy) {
        return answer(busy);
    }

    static Response answer(StoreBusy busy) {
        return Response.fromResponse(ApiError.response(busy))
                .header(HttpHeaders.RETRY_AFTER, StoreBusy.RETRY_AFTER_SECONDS)
                .build();
    }
}
