package com.ecommerce.analytics.security.boundary;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /** What keySet() writes, for the document: RSA keys, whose members (kty, kid, use, alg, n, e) are all strings. */
    @Schema(name = "JsonWebKeySet")
    public record KeySet(@Schema(required = true) List<Map<String, String>> keys) {
    }

    @Inject
    SigningKeys keys;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    @Operation(operationId = "getJsonWebKeySet",
            summary = "Public signing keys", description = "The JSON Web Key Set that verifies our RS256 tokens.")
    @APIResponse(responseCode = "200", description = "The key set (RFC 7517)", content = {
            @Content(mediaType = "application/jwk-set+json", schema = @Schema(implementation = KeySet.class)),
            @Content(mediaType = "application/json", schema = @Schema(implementation = KeySet.class))})
    public String keySet() {
        return keys.jwks();
    }
}
