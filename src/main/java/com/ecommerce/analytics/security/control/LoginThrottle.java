package com.ecommerce.analytics.security.control;

import java.time.Duration;
import java.util.List;

import com.ecommerce.analytics.platform.errors.TooManyRequests;
import com.ecommerce.analytics.security.entity.User;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Failed logins counted per account and per client address in the database (table login_failure), so every
 * instance sees them: after ten in fifteen minutes for an account (fifty for an address) it is refused with 429 until the
 * window ends, before any password is hashed. Each count is its own transaction: the failed login rolls back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginThrottle {

    static final int MOST_FAILURES_PER_ACCOUNT = 10;
    /** Higher: one address may be a whole office behind one NAT. */
    static final int MOST_FAILURES_PER_ADDRESS = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final String ACCOUNT = "account:";

    @PersistenceContext
    EntityManager em;

    public void checkAllowed(String username, String address) {
        long now = System.currentTimeMillis();
        for (String subject : subjects(username, address)) {
            List<?> rows = em.createNativeQuery("SELECT failures, window_start FROM login_failure WHERE subject = ?")
                    .setParameter(1, subject).getResultList();
            for (Object row : rows) {
                Object[] values = (Object[]) row;
                long windowEnd = ((Number) values[1]).longValue() + WINDOW.toMillis();
                boolean account = subject.startsWith(ACCOUNT);
                int most = account ? MOST_FAILURES_PER_ACCOUNT : MOST_FAILURES_PER_ADDRESS;
                if (((Number) values[0]).intValue() >= most && windowEnd > now) {
                    throw new TooManyRequests("Too many failed logins for this " + (account ? "account" : "address")
                            + "; try again after the seconds in Retry-After.",
                            (int) ((windowEnd - now + 999) / 1000));
                }
            }
        }
    }

    /** One more failure for both; a window that has ended starts again with this one. */
    public void failed(String username, String address) {
        long now = System.currentTimeMillis();
        long windowStartedBefore = now - WINDOW.toMillis();
        for (String subject : subjects(username, address)) {
            em.createNativeQuery("INSERT INTO login_failure (subject, failures, window_start) VALUES (?, 1, ?) "
                            + "ON DUPLICATE KEY UPDATE failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END, "
                            + "window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END")
                    .setParameter(1, subject).setParameter(2, now).setParameter(3, windowStartedBefore)
                    .setParameter(4, windowStartedBefore).setParameter(5, now)
                    .executeUpdate();
        }
    }

    /** The account's count starts again; the address's stays (it may be trying many accounts). */
    public void succeeded(String username) {
        em.createNativeQuery("DELETE FROM login_failure WHERE subject = ?").setParameter(1, account(username))
                .executeUpdate();
    }

    private static List<String> subjects(String username, String address) {
        return List.of(account(username), "address:" + address);
    }

    private static String account(String username) {
        String key = User.keyOf(username);
        return ACCOUNT + (key.length() > 150 ? key.substring(0, 150) : key);
    }
}
