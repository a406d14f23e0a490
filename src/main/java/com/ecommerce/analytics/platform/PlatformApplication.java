package com.ecommerce.analytics.platform;

import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "ecommerce-analytics")
@OpenAPIDefinition(
        info = @Info(
                title = "E-commerce analytics platform",
                version = "1.0.0",
                description = "Catalog, customers, orders and inventory of a store selling in many countries, "
                        + "with sales analytics, recommendations and Excel reports. Log in at POST /api/token/ "
                        + "and send the access token in the header 'Authorization: Bearer', a space, then the "
                        + "token. Here, the Authorize button does it: log in there with a username and password, "
                        + "or paste a token."),
        security = {@SecurityRequirement(name = PlatformApplication.BEARER),
                @SecurityRequirement(name = PlatformApplication.PASSWORD_LOGIN, scopes = PlatformApplication.API_SCOPE)})
@SecurityScheme(securitySchemeName = PlatformApplication.BEARER, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from POST /api/token/ or POST /api/token/refresh/")
@SecurityScheme(securitySchemeName = PlatformApplication.PASSWORD_LOGIN, type = SecuritySchemeType.OAUTH2,
        description = "Log in with a username and password in the Authorize dialog (client id and secret stay empty)",
        flows = @OAuthFlows(password = @OAuthFlow(tokenUrl = "/api/token/oauth/",
                scopes = @OAuthScope(name = PlatformApplication.API_SCOPE, description = "What the user's role allows"))))
public class PlatformApplication extends Application {

    public static final String BEARER = "bearer";
    public static final String PASSWORD_LOGIN = "password_login";
    /**
     * The one scope of the password flow, which the token endpoint ignores: roles decide what a user may do. An empty
     * scope list is valid OpenAPI, yet Liberty's validator logs an error at every start for it (CWWKO1650E).
     */
    public static final String API_SCOPE = "api";
}
