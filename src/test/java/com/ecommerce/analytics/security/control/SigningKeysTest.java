package com.ecommerce.analytics.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path data;

    private SigningKeys keysIn(Path dataDirectory, Optional<String> privateKey, Optional<String> publicKey) {
        SigningKeys keys = new SigningKeys();
        keys.dataDirectory = dataDirectory.toString();
        keys.configuredPrivateKey = privateKey;
        keys.configuredPublicKey = publicKey;
        keys.load();
        return keys;
    }

    @Test
    void withoutConfigurationAPairIsGeneratedOnceAndKeptAcrossRestarts() throws Exception {
        SigningKeys firstStart = keysIn(data, Optional.empty(), Optional.empty());
        SigningKeys restart = keysIn(data, Optional.empty(), Optional.empty());
        assertEquals(firstStart.signingKey().getKeyId(), restart.signingKey().getKeyId());
        assertEquals(firstStart.signingKey().getPublicKey(), restart.signingKey().getPublicKey());
        Path privateKey = data.resolve("jwt/private-key.pem");
        assertTrue(Files.readString(privateKey).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(data.resolve("jwt/public-key.pem")).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(privateKey));
    }

    @Test
    void configuredPemFilesAreUsedAsTheyAre(@TempDir Path elsewhere) {
        SigningKeys generated = keysIn(elsewhere, Optional.empty(), Optional.empty());
        SigningKeys configured = keysIn(data, Optional.of(elsewhere.resolve("jwt/private-key.pem").toString()),
                Optional.of(elsewhere.resolve("jwt/public-key.pem").toString()));
        assertEquals(generated.signingKey().getKeyId(), configured.signingKey().getKeyId());
        assertFalse(Files.exists(data.resolve("jwt")), "nothing generated when keys are configured");
    }

    @Test
    void aConfiguredKeyThatIsMissingStopsTheStartInsteadOfBeingReplaced() {
        assertThrows(IllegalStateException.class, () -> keysIn(data,
                Optional.of(data.resolve("missing.pem").toString()), Optional.of(data.resolve("missing-pub.pem").toString())));
    }

    @Test
    void theJwksDocumentPublishesOnlyThePublicKey() {
        String jwks = keysIn(data, Optional.empty(), Optional.empty()).jwks();
        assertTrue(jwks.contains("\"kty\":\"RSA\""));
        assertTrue(jwks.contains("\"alg\":\"RS256\""));
        assertFalse(jwks.contains("\"d\":"), jwks);
    }
}
