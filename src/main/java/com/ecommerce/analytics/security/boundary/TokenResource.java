package com.ecommerce.analytics.security.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.rest.NotStored;
import com.ecommerce.analytics.security.control.Authentication;
import com.ecommerce.analytics.security.control.LoginQueue;
import com.ecommerce.analytics.security.control.TokenIssuer;
import com.ecommerce.analytics.security.control.TokenPair;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

@Path("api/token")
@PermitAll
@NotStored
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "JWT login and refresh, as the earlier service's clients used them")
@SecurityRequirements
public class TokenResource {

    private static final String LOGIN = "Exchanges a username and password, as JSON or as a form (the earlier "
            + "service's clients send either), for an access token (short-lived, for 'Authorization: Bearer') and a "
            + "single-use refresh token. OAuth 2.0 clients use POST /api/token/oauth/ instead.";
    private static final String GRANT = "must be password";

    /** The examples are the demo store's admin, so that "Try it out" logs in as it is. */
    public record Credentials(@NotBlank @Schema(example = "demo") String username,
                              @NotBlank @Schema(example = "demo-password") String password) {
    }

    public record RefreshRequest(@NotBlank @Schema(description = "The refresh token of the last pair") String refresh) {
    }

    /** RFC 6749, 5.1: what an OAuth 2.0 client (the OpenAPI UI's Authorize dialog) reads from a token endpoint. */
    public record OAuthTokens(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    }

    @Inject
    Authentication authentication;

    @Inject
    LoginQueue logins;

    @Inject
    TokenIssuer issuer;

    @Inject
    WriteRetries retries;

    @POST
    @Operation(operationId = "login", summary = "Log in", description = LOGIN)
    @APIResponse(responseCode = "400", description = "Username or password missing")
    @APIResponse(responseCode = "401", description = "Wrong credentials or inactive account")
    @APIResponse(responseCode = "429", description = "Ten failed logins for the account, or fifty from the client "
            + "address, in fifteen minutes: try again after Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Too many logins at once: try again after Retry-After seconds")
    @APIResponse(responseCode = "200", description = "The token pair",
            content = @Content(schema = @Schema(implementation = TokenPair.class)))
    public void login(@NotNull @Valid Credentials credentials, @Context HttpServletRequest request,
                      @Suspended AsyncResponse response) {
        logins.login(credentials.username(), credentials.password(), request.getRemoteAddr(), response);
    }

    /**
     * The same operation as login above in the document, which lists both bodies and takes the error answers from
     * there; the 200 is repeated, as an operation without any answer of its own would be documented as a 201.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "login", summary = "Log in", description = LOGIN)
    @APIResponse(responseCode = "200", description = "The token pair",
            content = @Content(schema = @Schema(implementation = TokenPair.class)))
    public void loginWithForm(@FormParam("username") @NotBlank @Schema(example = "demo") String username,
                              @FormParam("password") @NotBlank @Schema(example = "demo-password") String password,
                              @Context HttpServletRequest request, @Suspended AsyncResponse response) {
        logins.login(username, password, request.getRemoteAddr(), response);
    }

    @POST
    @Path("oauth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "loginWithPasswordGrant", summary = "Log in as an OAuth 2.0 client (password grant)",
            description = "The login as an OAuth 2.0 client sends it (RFC 6749, 4.3): a form with grant_type=password, "
            + "username and password; other fields (scope, client_id) are ignored. The OpenAPI UI's Authorize dialog "
            + "logs in here (leave client_id and client_secret empty).")
    @APIResponse(responseCode = "400", description = "grant_type is not password, or username or password missing")
    @APIResponse(responseCode = "401", description = "Wrong credentials or inactive account")
    @APIResponse(responseCode = "429", description = "Too many failed logins: try again after Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Too many logins at once: try again after Retry-After seconds")
    @APIResponse(responseCode = "200", description = "The tokens, as OAuth 2.0 names them",
            content = @Content(schema = @Schema(implementation = OAuthTokens.class)))
    public void loginWithPasswordGrant(@FormParam("grant_type") @NotNull(message = GRANT) @Pattern(regexp = "password",
                                               message = GRANT) String grantType,
                                       @FormParam("username") @NotBlank @Schema(example = "demo") String username,
                                       @FormParam("password") @NotBlank @Schema(example = "demo-password") String password,
                                       @Context HttpServletRequest request, @Suspended AsyncResponse response) {
        long expiresIn = issuer.accessLifetime().toSeconds();
        logins.login(username, password, request.getRemoteAddr(), response,
                tokens -> new OAuthTokens(tokens.access(), "Bearer", expiresIn, tokens.refresh()));
    }

    @POST
    @Path("logout")
    @Operation(operationId = "logout",
            summary = "Log out", description = "Ends the login the refresh token belongs to: its refresh tokens "
            + "and the access tokens issued with them stop working (on every instance within 5 seconds).")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "400", description = "No refresh token given")
    @APIResponse(responseCode = "401", description = "Not a refresh token of ours, or expired")
    public void logout(@NotNull @Valid RefreshRequest request) {
        retries.run(() -> authentication.logout(request.refresh()));
    }

    @POST
    @Path("refresh")
    @Operation(operationId = "refreshTokens",
            summary = "Refresh the token pair", description = "Trades a refresh token for a new pair. "
            + "The presented token is then dead; presenting a dead token again revokes every token of its login.")
    @APIResponse(responseCode = "400", description = "No refresh token given")
    @APIResponse(responseCode = "401", description = "Invalid, expired, used or revoked refresh token")
    @APIResponseSchema(value = TokenPair.class, responseCode = "200", responseDescription = "A new token pair")
    public TokenPair refresh(@NotNull @Valid RefreshRequest request) {
        // Safe to redo whole: a refresh rolled back at commit has not used its token, so the redo is no reuse.
        return retries.call(() -> authentication.refresh(request.refresh()));
    }
}
