package com.ecommerce.analytics.security.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * The RSA key pair that signs our tokens. Configured PEM files are used as they are; without
 * configuration (the embedded demo) a pair is generated once into the data directory, so a restart
 * keeps issued tokens valid. MicroProfile JWT reads the same public key file to verify access tokens.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    @ConfigProperty(name = "PLATFORM_DATA_DIR")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "JWT_PRIVATE_KEY_PATH")
    Optional<String> configuredPrivateKey;

    @Inject
    @ConfigProperty(name = "JWT_PUBLIC_KEY_PATH")
    Optional<String> configuredPublicKey;

    private RsaJsonWebKey signingKey;

    @PostConstruct
    void load() {
        Path privateKey = Path.of(configuredPrivateKey.orElse(dataDirectory + "/jwt/private-key.pem"));
        Path publicKey = Path.of(configuredPublicKey.orElse(dataDirectory + "/jwt/public-key.pem"));
        try {
            boolean configured = configuredPrivateKey.isPresent() || configuredPublicKey.isPresent();
            if (!configured && Files.notExists(privateKey)) {
                LOG.info(() -> "No JWT signing key configured; generating one in " + privateKey.getParent());
                PemFiles.write(generate(), privateKey, publicKey);
            }
            signingKey = toJwk(PemFiles.read(privateKey, publicKey));
        } catch (IOException | GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Cannot load the JWT signing keys from " + privateKey + " and " + publicKey, e);
        }
    }

    public RsaJsonWebKey signingKey() {
        return signingKey;
    }

    /** The public half as a JSON Web Key Set (RFC 7517), for services that verify our tokens. */
    public String jwks() {
        return new JsonWebKeySet(signingKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static RsaJsonWebKey toJwk(KeyPair keys) throws JoseException {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
        jwk.setPrivateKey(keys.getPrivate());
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk;
    }
}
