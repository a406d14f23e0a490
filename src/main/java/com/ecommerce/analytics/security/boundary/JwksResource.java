package com.ecommerce.analytics.security.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.security.control.SigningKeys;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

@Path("api/token/jwks")
@PermitAll
@Tag(name = "Authentication")
@SecurityRequirements
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    @Operation(operationId = "getJsonWebKeySet",
            summary = "Public signing keys", description = "The JSON Web Key Set that verifies our RS256 tokens.")
    public String keySet() {
        return keys.jwks();
    }
}
