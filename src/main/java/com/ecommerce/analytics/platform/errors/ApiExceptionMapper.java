package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The JSON error of a failure the client can act on, with Retry-After when it may succeed later (409, 503). */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        return answer(exception);
    }

    static Response answer(ApiException exception) {
        Response response = ApiError.response(exception);
        return exception.retryAfterSeconds() > 0 ? Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds()).build() : response;
    }
}
