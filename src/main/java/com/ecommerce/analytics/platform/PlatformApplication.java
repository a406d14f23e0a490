package com.ecommerce.analytics.platform;

import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
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
                        + "and send the access token as 'Authorization: Bearer <token>' (the Authorize button)."),
        security = @SecurityRequirement(name = PlatformApplication.BEARER))
@SecurityScheme(securitySchemeName = PlatformApplication.BEARER, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from POST /api/token/ or POST /api/token/refresh/")
public class PlatformApplication extends Application {

    public static final String BEARER = "bearer";
}
