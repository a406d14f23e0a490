package com.ecommerce.analytics.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Tokens the server did not issue: signed with the test server's own key (read from its data directory)
 * but with claims it would never grant, or signed with a stranger's key.
 */
public final class ForgedTokens {

    public static final String ISSUER = "ecommerce-analytics";
    public static final String AUDIENCE = "ecommerce-analytics-api";

    private ForgedTokens() {
    }

    public static JwtClaims validClaims(String username, String role) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(username);
        claims.setClaim("upn", username);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        return claims;
    }

    /** Claims that expired this many seconds ago. */
    public static JwtClaims expiredClaims(String username, String role, int secondsAgo) {
        JwtClaims claims = validClaims(username, role);
        NumericDate issued = NumericDate.now();
        issued.addSeconds(-secondsAgo - 900);
        claims.setIssuedAt(issued);
        NumericDate expired = NumericDate.now();
        expired.addSeconds(-secondsAgo);
        claims.setExpirationTime(expired);
        return claims;
    }

    public static String signedByServerKey(JwtClaims claims) throws Exception {
        return sign(claims, serverPrivateKey());
    }

    public static String signedByStrangerKey(JwtClaims claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return sign(claims, generator.generateKeyPair().getPrivate());
    }

    private static String sign(JwtClaims claims, PrivateKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static PrivateKey serverPrivateKey() throws Exception {
        String pem = Files.readString(Path.of(System.getProperty("it.jwt.private.key")));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
