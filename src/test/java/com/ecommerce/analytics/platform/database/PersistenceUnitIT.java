package com.ecommerce.analytics.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.catalog.entity.Category;
import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.catalog.entity.Tag;
import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.customers.entity.Customer;
import com.ecommerce.analytics.inventory.entity.Inventory;
import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.security.entity.RefreshToken;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.security.entity.User;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Each entity persisted and queried through the real persistence unit, inside Liberty, on the migrated schema. */
@ExtendWith(ArquillianExtension.class)
class PersistenceUnitIT {

    @Deployment
    static WebArchive persistenceUnit() {
        return ShrinkWrap.create(WebArchive.class, "persistence-unit-it.war")
                .addPackages(false, "com.ecommerce.analytics.catalog.entity", "com.ecommerce.analytics.customers.entity",
                        "com.ecommerce.analytics.orders.entity", "com.ecommerce.analytics.inventory.entity",
                        "com.ecommerce.analytics.security.entity")
                .addClasses(UtcInstantConverter.class, StoredTime.class, SqlStatementCounter.class, SessionListeners.class,
                        DeadlineOnConnections.class, WriteDeadline.class, Transactions.class)
                .addAsResource("META-INF/persistence.xml");
    }

    @Inject
    Transactions transactions;

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return transactions.run(work);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Product newProduct(EntityManager em, String sku) {
        Category category = new Category(unique("Category"), "for tests");
        em.persist(category);
        Product product = new Product(sku, "Test product", new BigDecimal("699.99"), category);
        em.persist(product);
        return product;
    }

    @Test
    void aProductWithCategoryAndTagsIsStoredAndQueried() {
        String sku = unique("SKU");
        long id = inTransaction(em -> {
            Product product = newProduct(em, sku);
            Tag tag = new Tag(unique("tag"));
            em.persist(tag);
            product.getTags().add(tag);
            return product;
        }).getId();
        Product found = inTransaction(em -> {
            Product p = em.createQuery("SELECT p FROM Product p JOIN FETCH p.category LEFT JOIN FETCH p.tags "
                    + "WHERE p.sku = :sku", Product.class).setParameter("sku", sku).getSingleResult();
            p.getTags().size();
            return p;
        });
        assertEquals(id, found.getId());
        assertEquals(new BigDecimal("699.99"), found.getPrice());
        assertEquals(1, found.getTags().size());
        assertTrue(found.isActive());
        assertNotNull(found.getCreatedAt());
        assertEquals(found.getCreatedAt(), found.getUpdatedAt());
    }

    @Test
    void aDuplicateSkuIsRefusedByTheDatabase() {
        String sku = unique("DUP");
        inTransaction(em -> newProduct(em, sku));
        assertThrows(EJBException.class, () -> inTransaction(em -> {
            newProduct(em, sku);
            return null;
        }));
    }

    @Test
    void aStaleEditOfAProductFailsOnItsVersion() {
        Product stale = inTransaction(em -> newProduct(em, unique("VER")));
        inTransaction(em -> {
            em.find(Product.class, stale.getId()).setName("Edited by someone else");
            return null;
        });
        stale.setName("My late edit");
        assertThrows(EJBException.class, () -> inTransaction(em -> em.merge(stale)));
        assertEquals("Edited by someone else", inTransaction(em -> em.find(Product.class, stale.getId()).getName()));
    }

    @Test
    void customersKeepTheirIsoCountryAndInstantsRoundTripInUtcToTheSecond() {
        Instant registered = Instant.parse("2024-03-31T23:30:00.123456Z");
        String email = unique("ada") + "@example.com";
        long id = inTransaction(em -> {
            Customer customer = new Customer("Ada Lovelace", email, new CountryCode("gb"));
            customer.setRegistrationDate(registered);
            em.persist(customer);
            return customer;
        }).getId();
        Customer found = inTransaction(em -> em.createQuery("SELECT c FROM Customer c WHERE c.email = :email",
                Customer.class).setParameter("email", email).getSingleResult());
        assertEquals(id, found.getId());
        assertEquals("GB", found.getCountry().value());
        assertEquals(Instant.parse("2024-03-31T23:30:00Z"), found.getRegistrationDate());
        Object stored = inTransaction(em -> em.createNativeQuery(
                "SELECT CAST(registration_date AS CHAR(30)) FROM customer WHERE id = ?").setParameter(1, id).getSingleResult());
        assertTrue(stored.toString().matches("2024-03-31 23:30:00(\\.0+)?"), "stored as UTC wall time: " + stored);
    }

    @Test
    void anOrderStoresItsItemsTotalAndLowerCaseStatus() {
        long orderId = inTransaction(em -> {
            Customer customer = new Customer("Buyer", unique("buyer") + "@example.com", new CountryCode("DE"));
            em.persist(customer);
            Product product = newProduct(em, unique("ORD"));
            Order order = new Order(customer, Instant.parse("2025-11-28T10:15:30Z"));
            order.addItem(product, 2, new BigDecimal("699.99"));
            order.addItem(newProduct(em, unique("ORD")), 1, new BigDecimal("0.02"));
            em.persist(order);
            return order;
        }).getId();
        Order found = inTransaction(em -> {
            Order o = em.find(Order.class, orderId);
            o.getItems().size();
            return o;
        });
        assertEquals(new BigDecimal("1400.00"), found.getTotalAmount());
        assertEquals(2, found.getItems().size());
        assertEquals(OrderStatus.PENDING, found.getStatus());
        assertEquals(Instant.parse("2025-11-28T10:15:30Z"), found.getOrderDate());
        assertEquals("pending", inTransaction(em -> em.createNativeQuery("SELECT status FROM orders WHERE id = ?")
                .setParameter(1, orderId).getSingleResult()));
        List<?> lines = inTransaction(em -> em.createQuery(
                "SELECT i FROM OrderItem i WHERE i.order.id = :id ORDER BY i.id").setParameter("id", orderId).getResultList());
        assertEquals(2, lines.size());
        // Written past the application's bookkeeping (stock, sales aggregates): leave no trace of it.
        inTransaction(em -> {
            em.remove(em.find(Order.class, orderId));
            return null;
        });
    }

    @Test
    void inventoryIsOnePerProductAndNeverNegative() {
        long inventoryId = inTransaction(em -> {
            Inventory stock = new Inventory(newProduct(em, unique("INV")), 12);
            em.persist(stock);
            return stock;
        }).getId();
        Inventory found = inTransaction(em -> em.find(Inventory.class, inventoryId));
        assertEquals(12, found.getQuantity());
        assertEquals(Inventory.DEFAULT_LOW_STOCK_THRESHOLD, found.getLowStockThreshold());
        assertThrows(IllegalArgumentException.class, () -> found.setQuantity(-1));
        assertThrows(EJBException.class, () -> inTransaction(em -> em.createNativeQuery(
                "UPDATE inventory SET quantity = -1 WHERE id = ?").setParameter(1, inventoryId).executeUpdate()));
        assertThrows(EJBException.class, () -> inTransaction(em -> {
            Inventory first = em.find(Inventory.class, inventoryId);
            em.persist(new Inventory(first.getProduct(), 3));
            return null;
        }));
    }

    @Test
    void usersAndTheirRefreshTokensAreStored() {
        String username = unique("user");
        inTransaction(em -> {
            User user = new User(username, "pbkdf2_sha256$1$salt$hash", Role.ANALYST);
            em.persist(user);
            Instant now = Instant.now();
            em.persist(new RefreshToken(unique("jti"), "family-1", user, now, now.plusSeconds(60)));
            return null;
        });
        User found = inTransaction(em -> em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("key", User.keyOf(username)).getSingleResult());
        assertEquals(Role.ANALYST, found.getRole());
        long tokens = inTransaction(em -> em.createQuery(
                "SELECT COUNT(t) FROM RefreshToken t WHERE t.user.username = :u", Long.class)
                .setParameter("u", username).getSingleResult());
        assertEquals(1, tokens);
    }
}
