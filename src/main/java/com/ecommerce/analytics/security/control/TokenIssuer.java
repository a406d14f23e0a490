package com.ecommerce.analytics.security.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

import com.ecommerce.analytics.platform.errors.Unauthorized;
import com.ecommerce.analytics.security.entity.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signs RS256 access and refresh tokens. Refresh tokens carry their own audience, so MicroProfile JWT
 * (which accepts only the API audience) never takes one as an access token.
 */
@ApplicationScoped
public class TokenIssuer {

    static final String REFRESH_AUDIENCE_SUFFIX = ":refresh";
    static final String FAMILY_CLAIM = "fam";

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "ecommerce-analytics")
    String issuer;

    @Inject
    @ConfigProperty(name = "JWT_AUDIENCE", defaultValue = "ecommerce-analytics-api")
    String audience;

    /** The skew MicroProfile JWT allows on access tokens, allowed on refresh tokens too. */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
    int clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "JWT_ACCESS_TOKEN_MINUTES", defaultValue = "15")
    long accessMinutes;

    @Inject
    @ConfigProperty(name = "JWT_REFRESH_TOKEN_DAYS", defaultValue = "7")
    long refreshDays;

    public Duration accessLifetime() {
        return Duration.ofMinutes(accessMinutes);
    }

    public Duration refreshLifetime() {
        return Duration.ofDays(refreshDays);
    }

    /** An access token of the login (family) it was issued for, so that ending that login ends it too. */
    public String access(User user, String familyId, Instant now) {
        JwtClaims claims = baseClaims(user, now, now.plus(Duration.ofMinutes(accessMinutes)));
        claims.setAudience(audience);
        claims.setGeneratedJwtId();
        claims.setClaim(FAMILY_CLAIM, familyId);
        claims.setClaim("upn", user.getUsername());
        claims.setStringListClaim("groups", List.of(user.getRole().code()));
        claims.setClaim("token_type", "access");
        return sign(claims);
    }

    public String refresh(User user, String tokenId, String familyId, Instant now) {
        JwtClaims claims = baseClaims(user, now, now.plus(refreshLifetime()));
        claims.setAudience(audience + REFRESH_AUDIENCE_SUFFIX);
        claims.setJwtId(tokenId);
        claims.setClaim(FAMILY_CLAIM, familyId);
        claims.setClaim("token_type", "refresh");
        return sign(claims);
    }

    /** The id of a refresh token whose signature, issuer, audience and expiry hold; otherwise 401. */
    public String refreshTokenId(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience + REFRESH_AUDIENCE_SUFFIX)
                .setVerificationKey(keys.signingKey().getPublicKey())
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        try {
            return consumer.processToClaims(token).getJwtId();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new Unauthorized("Token is invalid or expired");
        }
    }

    private JwtClaims baseClaims(User user, Instant now, Instant expiry) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user.getUsername());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        claims.setClaim("user_id", user.getId());
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.signingKey().getPrivateKey());
        jws.setKeyIdHeaderValue(keys.signingKey().getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
