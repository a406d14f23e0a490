package com.ecommerce.analytics.security.control;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.security.entity.User;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@Stateless
public class Users {

    private static final Logger LOG = Logger.getLogger(Users.class.getName());
    private static final PasswordHasher HASHER = new PasswordHasher();
    /** Checked when the username is unknown, so a wrong name costs as long as a wrong password. */
    private static final String DECOY_HASH = HASHER.hash("decoy-password");

    @PersistenceContext
    EntityManager em;

    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = byUsername(username);
        boolean matches = HASHER.matches(password, user.map(User::getPasswordHash).orElse(DECOY_HASH));
        return user.filter(found -> matches && found.isActive());
    }

    public User create(String username, String password, Role role) {
        if (byUsername(username).isPresent()) {
            throw new Conflict("A user named '" + username + "' already exists.");
        }
        User user = new User(username, HASHER.hash(password), role);
        em.persist(user);
        return user;
    }

    /** Creates the account unless one of that name exists, which is then left as it is. */
    public void ensure(String username, String password, Role role) {
        if (byUsername(username).isEmpty()) {
            em.persist(new User(username, HASHER.hash(password), role));
            LOG.info(() -> "Created the " + role.code() + " account '" + username + "'");
        }
    }

    public List<User> all() {
        return em.createQuery("SELECT u FROM User u ORDER BY u.username", User.class).getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    private Optional<User> byUsername(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }
}
