package com.ecommerce.analytics.security.boundary;

import static com.ecommerce.analytics.testing.Api.ADMIN_PASSWORD;
import static com.ecommerce.analytics.testing.Api.ADMIN_USERNAME;
import static com.ecommerce.analytics.testing.Api.credentials;
import static com.ecommerce.analytics.testing.Api.login;
import static com.ecommerce.analytics.testing.Api.post;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.ForgedTokens;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

class TokenFlowIT {

    private static String refreshBody(String refreshToken) {
        return Json.createObjectBuilder().add("refresh", refreshToken).build().toString();
    }

    private static int statusOfUsersListWith(String accessToken) {
        try (Response response = request("api/users/", accessToken).get()) {
            return response.getStatus();
        }
    }

    @Test
    void loginGivesAnAccessTokenThatOpensTheApiAndARefreshToken() {
        JsonObject tokens = login(ADMIN_USERNAME, ADMIN_PASSWORD);
        assertEquals(3, tokens.getString("access").split("\\.").length);
        assertEquals(3, tokens.getString("refresh").split("\\.").length);
        assertEquals(200, statusOfUsersListWith(tokens.getString("access")));
    }

    /** What the OpenAPI UI's Authorize dialog sends: a form, with an empty client id and secret as Basic credentials. */
    @Test
    void anOAuthPasswordGrantLogsInAsTheAuthorizeDialogDoes() {
        Form form = new Form().param("grant_type", "password").param("username", ADMIN_USERNAME)
                .param("password", ADMIN_PASSWORD).param("scope", "");
        JsonObject tokens;
        try (Response answer = request("api/token/oauth/").header("Authorization", "Basic Og==")
                .post(Entity.form(form))) {
            assertEquals(200, answer.getStatus());
            tokens = Api.object(answer);
        }
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(15 * 60, tokens.getInt("expires_in"));
        assertEquals(200, statusOfUsersListWith(tokens.getString("access_token")));
        try (Response refreshed = post("api/token/refresh/", refreshBody(tokens.getString("refresh_token")))) {
            assertEquals(200, refreshed.getStatus(), "the refresh token is an ordinary one of ours");
        }

        Form wrongGrant = new Form().param("grant_type", "client_credentials").param("username", ADMIN_USERNAME)
                .param("password", ADMIN_PASSWORD);
        try (Response refused = request("api/token/oauth/").post(Entity.form(wrongGrant))) {
            assertEquals("grant_type", assertJsonError(refused, 400).getJsonArray("fields").getJsonObject(0)
                    .getString("field"));
        }
        Form earlierClient = new Form().param("username", ADMIN_USERNAME).param("password", ADMIN_PASSWORD);
        try (Response answer = request("api/token/").post(Entity.form(earlierClient))) {
            assertEquals(200, answer.getStatus());
            JsonObject pair = Api.object(answer);
            assertEquals(200, statusOfUsersListWith(pair.getString("access")), "a form at /api/token/: the earlier shape");
        }
        Form noUsername = new Form().param("grant_type", "password").param("password", ADMIN_PASSWORD);
        try (Response refused = request("api/token/oauth/").post(Entity.form(noUsername))) {
            assertEquals("username", assertJsonError(refused, 400).getJsonArray("fields").getJsonObject(0)
                    .getString("field"));
        }
        Form wrongPassword = new Form().param("grant_type", "password").param("username", ADMIN_USERNAME)
                .param("password", "not-the-password");
        try (Response refused = request("api/token/oauth/").post(Entity.form(wrongPassword))) {
            assertEquals(401, refused.getStatus());
        }
    }

    @Test
    void logoutEndsTheLoginItsAccessTokenIncludedButNotAnotherLogin() {
        String username = Api.unique("out");
        try (Response created = post("api/users/", Api.admin(), "{\"username\":\"" + username
                + "\",\"password\":\"a-long-password\",\"role\":\"analyst\"}")) {
            assertEquals(201, created.getStatus());
        }
        JsonObject first = login(username, "a-long-password");
        JsonObject second = login(username, "a-long-password");
        try (Response out = post("api/token/logout/", "{\"refresh\":\"" + first.getString("refresh") + "\"}")) {
            assertEquals(204, out.getStatus());
        }
        assertEquals(401, statusOfProductsWith(first.getString("access")));
        try (Response refresh = post("api/token/refresh/", "{\"refresh\":\"" + first.getString("refresh") + "\"}")) {
            assertJsonError(refresh, 401);
        }
        assertEquals(200, statusOfProductsWith(second.getString("access")), "the other login goes on");
    }

    private static int statusOfProductsWith(String access) {
        try (Response response = request("api/products/?limit=1", access).get()) {
            return response.getStatus();
        }
    }

    @Test
    void tokenAnswersAreNeverCachedNorAreTheirErrors() {
        try (Response response = request("api/token/").post(Entity.json("{\"username\":\"" + ADMIN_USERNAME
                + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))) {
            assertEquals(200, response.getStatus());
            assertEquals("no-store", response.getHeaderString("Cache-Control"));
        }
        try (Response response = request("api/token/refresh/").post(Entity.json("{\"refresh\":\"x.y.z\"}"))) {
            assertEquals(401, response.getStatus());
            assertEquals("no-store", response.getHeaderString("Cache-Control"));
        }
    }

    @Test
    void accessTokensAreRs256WithTheUsersRoleAsGroupAndExpireInAboutFifteenMinutes() {
        String access = login(ADMIN_USERNAME, ADMIN_PASSWORD).getString("access");
        JsonObject header = decodePart(access, 0);
        JsonObject claims = decodePart(access, 1);
        assertEquals("RS256", header.getString("alg"));
        assertEquals(ADMIN_USERNAME, claims.getString("upn"));
        assertEquals("admin", claims.getJsonArray("groups").getString(0));
        assertEquals(ForgedTokens.ISSUER, claims.getString("iss"));
        long lifetime = claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
        assertEquals(15 * 60, lifetime);
    }

    @Test
    void theTokenEndpointsAnswerWithAndWithoutTheTrailingSlash() {
        try (Response withoutSlash = post("api/token", credentials(ADMIN_USERNAME, ADMIN_PASSWORD))) {
            assertEquals(200, withoutSlash.getStatus());
        }
    }

    @Test
    void loggingInWorksEvenWhenTheClientStillSendsAnOldToken() {
        try (Response response = request("api/token/", "expired.or.garbage")
                .post(Entity.json(credentials(ADMIN_USERNAME, ADMIN_PASSWORD)))) {
            assertEquals(200, response.getStatus());
        }
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401WithAJsonBody() {
        try (Response wrong = post("api/token/", credentials(ADMIN_USERNAME, "not-the-password"))) {
            JsonObject error = assertJsonError(wrong, 401);
            assertEquals("No active account found with the given credentials", error.getString("detail"));
        }
        try (Response unknown = post("api/token/", credentials("nobody-" + System.nanoTime(), "whatever-password"))) {
            assertJsonError(unknown, 401);
        }
    }

    @Test
    void loginWithoutFieldsIs400NamingEachMissingField() {
        try (Response response = post("api/token/", "{}")) {
            JsonObject error = assertJsonError(response, 400);
            assertEquals("password", error.getJsonArray("fields").getJsonObject(0).getString("field"));
            assertEquals("username", error.getJsonArray("fields").getJsonObject(1).getString("field"));
        }
    }

    @Test
    void aRefreshTokenBuysANewPairOnceAndIsThenDead() {
        JsonObject first = login(ADMIN_USERNAME, ADMIN_PASSWORD);
        JsonObject second;
        try (Response refreshed = post("api/token/refresh/", refreshBody(first.getString("refresh")))) {
            assertEquals(200, refreshed.getStatus());
            second = Api.object(refreshed);
        }
        assertNotEquals(first.getString("refresh"), second.getString("refresh"));
        assertEquals(200, statusOfUsersListWith(second.getString("access")));
        try (Response reused = post("api/token/refresh/", refreshBody(first.getString("refresh")))) {
            assertJsonError(reused, 401);
        }
    }

    @Test
    void reusingADeadRefreshTokenRevokesEveryTokenOfItsLogin() {
        JsonObject first = login(ADMIN_USERNAME, ADMIN_PASSWORD);
        String stolen = first.getString("refresh");
        String legitimate;
        try (Response refreshed = post("api/token/refresh/", refreshBody(stolen))) {
            legitimate = Api.object(refreshed).getString("refresh");
        }
        try (Response replay = post("api/token/refresh/", refreshBody(stolen))) {
            assertJsonError(replay, 401);
        }
        try (Response afterTheft = post("api/token/refresh/", refreshBody(legitimate))) {
            assertJsonError(afterTheft, 401);
        }
        JsonObject otherLogin = login(ADMIN_USERNAME, ADMIN_PASSWORD);
        try (Response unaffected = post("api/token/refresh/", refreshBody(otherLogin.getString("refresh")))) {
            assertEquals(200, unaffected.getStatus());
        }
    }

    @Test
    void accessAndRefreshTokensCannotStandInForEachOther() {
        JsonObject tokens = login(ADMIN_USERNAME, ADMIN_PASSWORD);
        try (Response accessAsRefresh = post("api/token/refresh/", refreshBody(tokens.getString("access")))) {
            assertJsonError(accessAsRefresh, 401);
        }
        try (Response refreshAsAccess = request("api/users/", tokens.getString("refresh")).get()) {
            assertJsonError(refreshAsAccess, 401);
        }
    }

    @Test
    void aMalformedRefreshTokenIs401AndAMissingOneIs400() {
        try (Response garbage = post("api/token/refresh/", refreshBody("not.a.token"))) {
            assertJsonError(garbage, 401);
        }
        try (Response missing = post("api/token/refresh/", "{}")) {
            assertJsonError(missing, 400);
        }
    }

    @Test
    void theApiWithoutATokenIs401WithAJsonBody() {
        try (Response response = request("api/users/").get()) {
            JsonObject error = assertJsonError(response, 401);
            assertTrue(error.getString("message").contains("Bearer"));
        }
        try (Response unknownPath = request("api/no-such-collection/").get()) {
            assertJsonError(unknownPath, 401);
        }
    }

    @Test
    void aTokenThatExpiredAMinuteAgoIs401ForTheClockSkewIsThirtySeconds() throws Exception {
        String expired = ForgedTokens.signedByServerKey(ForgedTokens.expiredClaims(ADMIN_USERNAME, "admin", 60));
        try (Response response = request("api/users/", expired).get()) {
            assertJsonError(response, 401);
        }
        String withinSkew = ForgedTokens.signedByServerKey(ForgedTokens.expiredClaims(ADMIN_USERNAME, "admin", 5));
        try (Response response = request("api/users/", withinSkew).get()) {
            assertEquals(200, response.getStatus(), "a token 5 s past its expiry is within the 30 s of clock skew");
        }
    }

    @Test
    void aTokenSignedByOurKeyIsAcceptedButOneWithAnotherIssuerOrAudienceIsNot() throws Exception {
        assertEquals(200, statusOfUsersListWith(
                ForgedTokens.signedByServerKey(ForgedTokens.validClaims(ADMIN_USERNAME, "admin"))));
        var otherIssuer = ForgedTokens.validClaims(ADMIN_USERNAME, "admin");
        otherIssuer.setIssuer("someone-else");
        assertEquals(401, statusOfUsersListWith(ForgedTokens.signedByServerKey(otherIssuer)));
        var otherAudience = ForgedTokens.validClaims(ADMIN_USERNAME, "admin");
        otherAudience.setAudience("another-api");
        assertEquals(401, statusOfUsersListWith(ForgedTokens.signedByServerKey(otherAudience)));
    }

    @Test
    void aTamperedOrForeignTokenIs401() throws Exception {
        String analyst = Api.tokenForNewUser("analyst");
        String[] parts = analyst.split("\\.");
        String promoted = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"analyst\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        try (Response response = request("api/users/", tampered).get()) {
            assertJsonError(response, 401);
        }
        String foreign = ForgedTokens.signedByStrangerKey(ForgedTokens.validClaims(ADMIN_USERNAME, "admin"));
        try (Response response = request("api/users/", foreign).get()) {
            assertJsonError(response, 401);
        }
    }

    @Test
    void anAnalystIsForbiddenFromAdminOperationsWithAJsonBody() {
        String analyst = Api.tokenForNewUser("analyst");
        try (Response list = request("api/users/", analyst).get()) {
            JsonObject error = assertJsonError(list, 403);
            assertEquals("You do not have permission to perform this action.", error.getString("detail"));
        }
        try (Response create = post("api/users/", analyst,
                "{\"username\":\"sneaky\",\"password\":\"long-enough-password\",\"role\":\"admin\"}")) {
            assertJsonError(create, 403);
        }
    }

    @Test
    void theJwksDocumentHoldsThePublicKeyThatSignsOurTokens() {
        String access = login(ADMIN_USERNAME, ADMIN_PASSWORD).getString("access");
        try (Response response = request("api/token/jwks/").get()) {
            assertEquals(200, response.getStatus());
            JsonObject key = Api.object(response).getJsonArray("keys").getJsonObject(0);
            assertEquals("RSA", key.getString("kty"));
            assertEquals("RS256", key.getString("alg"));
            assertEquals(decodePart(access, 0).getString("kid"), key.getString("kid"));
            assertTrue(!key.containsKey("d"), "no private part");
        }
    }

    private static JsonObject decodePart(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return (JsonObject) Api.parse(json);
    }
}
