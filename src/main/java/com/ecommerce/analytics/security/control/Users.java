package com.ecommerce.analytics.security.control;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.errors.Unauthorized;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.security.entity.User;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The accounts. Usernames are one account whatever their case. The store always keeps an active admin: the
 * last one cannot be deactivated, demoted or deleted (the active admins are locked while that is decided, so two
 * admins removing each other at once cannot both succeed). Deactivating an account, changing its password or
 * deleting it ends its sessions: its refresh tokens are revoked and its access tokens refused (Sessions).
 */
@Stateless
public class Users {

    private static final Logger LOG = Logger.getLogger(Users.class.getName());
    /** Checked when the username is unknown, so a wrong name costs as long as a wrong password. */
    private static final String DECOY_HASH = PasswordWork.HASHER.hash("decoy-password");

    /** What PATCH may change; null leaves a field as it is. */
    public record Change(Role role, Boolean active, String password) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = byUsername(username);
        boolean matches = PasswordWork.matches(password, user.map(User::getPasswordHash).orElse(DECOY_HASH));
        return user.filter(found -> matches && found.isActive());
    }

    public User create(String username, String password, Role role) {
        if (byUsername(username).isPresent()) {
            throw new Conflict("A user named '" + username + "' already exists (usernames are compared without case).");
        }
        User user = new User(username, PasswordWork.hash(password), role);
        em.persist(user);
        return user;
    }

    /** Creates the account unless one of that name exists, which is then left as it is. */
    public void ensure(String username, String password, Role role) {
        if (byUsername(username).isEmpty()) {
            em.persist(new User(username, PasswordWork.hash(password), role));
            LOG.info(() -> "Created the " + role.code() + " account '" + username + "'");
        }
    }

    public List<User> all() {
        return em.createQuery("SELECT u FROM User u ORDER BY u.username", User.class).getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    public User find(long id) {
        return Optional.ofNullable(em.find(User.class, id)).orElseThrow(() -> NotFound.of("User", id));
    }

    public User change(long id, Change change) {
        User user = find(id);
        boolean staysAdmin = (change.role() == null ? user.getRole() : change.role()) == Role.ADMIN;
        boolean staysActive = change.active() == null ? user.isActive() : change.active();
        if (!(staysAdmin && staysActive)) {
            keepAnotherActiveAdmin(user, change.active() != null && !change.active() ? "deactivated" : "made an analyst");
        }
        if (change.role() != null) {
            user.setRole(change.role());
        }
        if (change.active() != null) {
            user.setActive(change.active());
        }
        if (change.password() != null) {
            user.setPasswordHash(PasswordWork.hash(change.password()));
        }
        if (!user.isActive() || change.password() != null || change.role() != null) {
            sessions.endAllOf(user);
        }
        return user;
    }

    public void delete(long id) {
        User user = find(id);
        keepAnotherActiveAdmin(user, "deleted");
        sessions.endAllOf(user);
        em.remove(user);
    }

    /** A user's own password change: the current one proves it is them; every session then ends. */
    public void changeOwnPassword(String username, String current, String replacement) {
        User user = byUsername(username).orElseThrow(() -> new Unauthorized("The account no longer exists."));
        if (!PasswordWork.matches(current, user.getPasswordHash())) {
            throw InvalidRequest.field("current_password", "is not the account's password; nothing changed");
        }
        user.setPasswordHash(PasswordWork.hash(replacement));
        sessions.endAllOf(user);
    }

    private void keepAnotherActiveAdmin(User user, String what) {
        if (user.getRole() != Role.ADMIN || !user.isActive()) {
            return;
        }
        List<User> admins = em.createQuery("SELECT u FROM User u WHERE u.role = :admin AND u.active = TRUE ORDER BY u.id",
                        User.class)
                .setParameter("admin", Role.ADMIN)
                // written (their versions), not only locked: on a Galera cluster two demotions of different admins
                // through two nodes then conflict at commit instead of both leaving no admin
                .setLockMode(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                .getResultList();
        if (admins.stream().noneMatch(admin -> !admin.getId().equals(user.getId()))) {
            throw new Conflict("'" + user.getUsername() + "' is the last active admin and cannot be " + what
                    + "; make another admin first.");
        }
    }

    private Optional<User> byUsername(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("key", User.keyOf(username))
                .getResultStream().findFirst();
    }
}
