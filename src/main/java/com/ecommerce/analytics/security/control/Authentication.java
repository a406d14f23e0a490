package com.ecommerce.analytics.security.control;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.Unauthorized;
import com.ecommerce.analytics.security.entity.RefreshToken;
import com.ecommerce.analytics.security.entity.User;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Login and refresh-token rotation. Every refresh token is single-use: presenting one that was already
 * used (or revoked) means it leaked, so its whole family, every token descended from that login, dies.
 * A login is two steps (LoginQueue): the password checked and counted, then the login started in a short
 * transaction of its own, which alone may be redone after a lock conflict.
 */
@Stateless
public class Authentication {

    static final String BAD_CREDENTIALS = "No active account found with the given credentials";
    static final String BAD_REFRESH = "Token is invalid or expired";

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    WriteRetries retries;

    /**
     * The active account the credentials name, the attempt counted for the client address; refused with 429 while
     * the account or the address failed too often, with 401 when the credentials are wrong.
     */
    public User checkCredentials(String username, String password, String address) {
        throttle.checkAllowed(username, address);
        Optional<User> authenticated = users.authenticate(username, password);
        // Each count is a transaction of its own, redone alone after a lock conflict: rolled back, it counted nothing.
        if (authenticated.isEmpty()) {
            retries.run(() -> throttle.failed(username, address));
            throw new Unauthorized(BAD_CREDENTIALS);
        }
        retries.run(() -> throttle.succeeded(username));
        return authenticated.get();
    }

    /** A new login of an account whose credentials were checked: its first refresh token stored, its token pair. */
    public TokenPair startLogin(User account) {
        User user = em.find(User.class, account.getId());
        if (user == null || !user.isActive()) {
            throw new Unauthorized(BAD_CREDENTIALS);
        }
        Instant now = Instant.now();
        em.createQuery("DELETE FROM RefreshToken t WHERE t.expiresAt < :now").setParameter("now", now).executeUpdate();
        return issue(user, UUID.randomUUID().toString(), now);
    }

    public TokenPair refresh(String refreshToken) {
        String tokenId = tokens.refreshTokenId(refreshToken);
        RefreshToken presented = em.createQuery("SELECT t FROM RefreshToken t JOIN FETCH t.user WHERE t.tokenId = :id",
                        RefreshToken.class)
                .setParameter("id", tokenId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new Unauthorized(BAD_REFRESH));
        Instant now = Instant.now();
        if (!claim(tokenId, now)) {
            sessions.endFamily(presented.getFamilyId());
            throw new RefreshTokenReused();
        }
        User user = presented.getUser();
        if (!user.isActive()) {
            throw new Unauthorized(BAD_CREDENTIALS);
        }
        return issue(user, presented.getFamilyId(), now);
    }

    /** Ends the login the refresh token belongs to: its refresh tokens and its access tokens stop working. */
    public void logout(String refreshToken) {
        String tokenId = tokens.refreshTokenId(refreshToken);
        em.createQuery("SELECT t.familyId FROM RefreshToken t WHERE t.tokenId = :id", String.class)
                .setParameter("id", tokenId)
                .getResultStream().findFirst()
                .ifPresent(sessions::endFamily);
    }

    /** Marks the token used in one conditional update, so two concurrent refreshes cannot both win. */
    private boolean claim(String tokenId, Instant now) {
        return em.createQuery("UPDATE RefreshToken t SET t.usedAt = :now "
                        + "WHERE t.tokenId = :id AND t.usedAt IS NULL AND t.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter("id", tokenId)
                .executeUpdate() == 1;
    }

    private TokenPair issue(User user, String familyId, Instant now) {
        String tokenId = UUID.randomUUID().toString();
        em.persist(new RefreshToken(tokenId, familyId, user, now, now.plus(tokens.refreshLifetime())));
        return new TokenPair(tokens.access(user, familyId, now), tokens.refresh(user, tokenId, familyId, now));
    }

    /** Answered with 401, but the family's revocation must be committed, not rolled back. */
    @ApplicationException(rollback = false)
    static class RefreshTokenReused extends Unauthorized {
        RefreshTokenReused() {
            super(BAD_REFRESH);
        }
    }
}
