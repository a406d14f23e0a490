package com.ecommerce.analytics.security.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.ecommerce.analytics.security.entity.User;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Logins (token families) that have ended: by logging out, by a leaked refresh token presented again, or by the
 * account being deactivated, deleted or given a new password or role. Their refresh tokens are revoked in the
 * database; their access tokens are refused on every request. Each instance remembers what it found for a
 * few seconds, so a request costs no query; another instance learns of an end within those seconds.
 */
@Stateless
public class Sessions {

    static final long REMEMBERED_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MOST_REMEMBERED = 10_000;

    private record Verdict(boolean open, long at) {
    }

    private static final Map<String, Verdict> VERDICTS = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Whether the account is active and the login (if the token names one) has not ended. Every request asks. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isOpen(String username, String family) {
        String key = User.keyOf(username) + "\n" + (family == null ? "" : family);
        long now = System.nanoTime();
        Verdict known = VERDICTS.get(key);
        if (known != null && now - known.at() < REMEMBERED_NANOS) {
            return known.open();
        }
        boolean open = active(username) && (family == null || !revoked(family));
        if (VERDICTS.size() > MOST_REMEMBERED) {
            VERDICTS.clear();
        }
        VERDICTS.put(key, new Verdict(open, now));
        return open;
    }

    public void endFamily(String family) {
        em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.familyId = :family AND t.revokedAt IS NULL")
                .setParameter("now", Instant.now())
                .setParameter("family", family)
                .executeUpdate();
        forgetAfterCommit(key -> key.endsWith("\n" + family));
    }

    public void endAllOf(User user) {
        em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.user = :user AND t.revokedAt IS NULL")
                .setParameter("now", Instant.now())
                .setParameter("user", user)
                .executeUpdate();
        String prefix = User.keyOf(user.getUsername()) + "\n";
        forgetAfterCommit(key -> key.startsWith(prefix));
    }

    /** Now, and again once the end is committed: a request meanwhile may have remembered the login as open. */
    private void forgetAfterCommit(Predicate<String> ended) {
        VERDICTS.keySet().removeIf(ended);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                VERDICTS.keySet().removeIf(ended);
            }
        });
    }

    private boolean active(String username) {
        List<Boolean> active = em.createQuery("SELECT u.active FROM User u WHERE u.usernameKey = :key", Boolean.class)
                .setParameter("key", User.keyOf(username))
                .getResultList();
        return !active.isEmpty() && active.get(0);
    }

    private boolean revoked(String family) {
        return em.createQuery("SELECT COUNT(t) FROM RefreshToken t WHERE t.familyId = :family AND t.revokedAt IS NOT NULL",
                        Long.class)
                .setParameter("family", family)
                .getSingleResult() > 0;
    }
}
