package com.ecommerce.analytics.security.boundary;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.ecommerce.analytics.platform.errors.Unauthorized;
import com.ecommerce.analytics.security.control.Sessions;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A valid signature is not enough: the token's login must not have ended (logout, a leaked refresh token, the
 * account deactivated or deleted). Open operations (login, refresh) take any token, or none.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OpenSessionFilter implements ContainerRequestFilter {

    static final String FAMILY_CLAIM = "fam";

    @Inject
    Sessions sessions;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        // The principal, not an injected JsonWebToken: that one logs an error (CWWKS5604E) on a request without a token.
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) || isOpenOperation()) {
            return;
        }
        Object claim = token.getClaim(FAMILY_CLAIM);
        String family = claim instanceof JsonString text ? text.getString() : claim == null ? null : claim.toString();
        if (!sessions.isOpen(token.getName(), family)) {
            throw new Unauthorized("This token's login has ended (logged out, account deactivated or deleted, or "
                    + "its refresh token was presented twice); log in again.");
        }
    }

    private boolean isOpenOperation() {
        return resource.getResourceClass() != null && (resource.getResourceClass().isAnnotationPresent(PermitAll.class)
                || resource.getResourceMethod().isAnnotationPresent(PermitAll.class));
    }
}
