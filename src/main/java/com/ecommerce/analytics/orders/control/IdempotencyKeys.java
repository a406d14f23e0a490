package com.ecommerce.analytics.orders.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.ecommerce.analytics.orders.entity.IdempotencyRecord;
import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Stored first answers to requests sent with an Idempotency-Key, per user, kept for 24 hours. */
@Stateless
public class IdempotencyKeys {

    static final Duration LIFETIME = Duration.ofHours(24);

    /** A client's key and a fingerprint of the request it came with. */
    public record Key(String owner, String value, String requestHash) {

        public static Key of(String owner, String value, String canonicalRequest) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
                return new Key(owner, value, HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @PersistenceContext
    EntityManager em;

    public Optional<IdempotencyRecord> find(Key key) {
        em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.expiresAt < :now")
                .setParameter("now", StoredTime.now()).executeUpdate();
        return em.createQuery("SELECT r FROM IdempotencyRecord r WHERE r.owner = :owner AND r.key = :key",
                        IdempotencyRecord.class)
                .setParameter("owner", key.owner())
                .setParameter("key", key.value())
                .getResultStream().findFirst();
    }
}
