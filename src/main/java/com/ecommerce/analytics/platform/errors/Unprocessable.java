package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response;

/** 422: the request is well-formed but cannot be processed as it stands. */
public class Unprocessable extends ApiException {

    static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    public Unprocessable(String message) {
        super(UNPROCESSABLE_CONTENT, message);
    }
}
