package com.ecommerce.analytics.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** 201 with the new resource and its address, written with the trailing slash the earlier URLs had. */
public final class Created {

    private Created() {
    }

    public static Response at(UriInfo uri, Class<?> resource, long id, Object body) {
        return Response.created(uri.getBaseUriBuilder().path(resource).path(id + "/").build()).entity(body).build();
    }
}
