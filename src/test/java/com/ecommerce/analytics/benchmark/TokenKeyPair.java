package com.ecommerce.analytics.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * One RSA key pair for every instance behind the balancer (JWT_PRIVATE_KEY_PATH, JWT_PUBLIC_KEY_PATH), so that a
 * token one instance signed is good on the others: PKCS#8 and X.509 in PEM, as the service reads them.
 */
record TokenKeyPair(Path privateKey, Path publicKey) {

    static TokenKeyPair createIn(Path directory) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(directory);
        TokenKeyPair files = new TokenKeyPair(directory.resolve("private-key.pem").toAbsolutePath(),
                directory.resolve("public-key.pem").toAbsolutePath());
        Files.writeString(files.privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(files.publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return files;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
