package com.ecommerce.analytics.analytics.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.ecommerce.analytics.catalog.control.ProductMoved;
import com.ecommerce.analytics.customers.control.CustomerRegistered;
import com.ecommerce.analytics.orders.control.CustomerOrdersChanged;
import com.ecommerce.analytics.orders.control.OrderCounted;
import com.ecommerce.analytics.orders.control.OrderLineChanged;
import com.ecommerce.analytics.orders.control.RefundCounted;
import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderItem;
import com.ecommerce.analytics.orders.entity.RefundItem;
import com.ecommerce.analytics.platform.database.InList;
import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.NativeQueries;
import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.analytics.control.StoreCalendar;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Follows the orders' lifecycle into the sales aggregates, inside the transaction of each change, by observing
 * the facts that orders, catalog and customers announce: a sale counts on its order day while its order is not
 * canceled, a refund on its own day. It locks only the rows it adds to, and the rows of the products an order
 * holds while it reads their categories, so that a product moving meanwhile waits for the order (and then
 * moves the order with it) or the order reads the new category.
 */
@Stateless
public class SalesLedger {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    StoreCalendar calendar;

    public void orderCounted(@Observes OrderCounted event) {
        Order order = event.order();
        int sign = event.sign();
        LocalDate day = calendar.dayOf(order.getOrderDate());
        String country = order.getCountry().value();
        Map<SalesRows.SalesKey, Measures> sales = new HashMap<>();
        Measures whole = Measures.NONE;
        for (OrderItem item : order.getItems()) {
            Measures line = Measures.sale(item.getQuantity(), item.lineTotal(), 1);
            sales.merge(new SalesRows.SalesKey(day, item.productId(), country), line.times(sign), Measures::plus);
            whole = whole.plus(line);
        }
        Map<SalesRows.CategoryKey, Long> categories = new HashMap<>();
        for (long category : new TreeSet<>(categoriesOf(order.getItems().stream().map(OrderItem::productId).toList())
                .values())) {
            categories.put(new SalesRows.CategoryKey(day, category), (long) sign);
        }
        Measures counted = Measures.sale(whole.units(), whole.gross(), 1).times(sign);
        write(rows -> {
            rows.addSales(sales);
            rows.addCountries(Map.of(new SalesRows.CountryKey(day, country), counted));
            rows.addCategories(categories);
        });
    }

    public void lineChanged(@Observes OrderLineChanged event) {
        Order order = event.order();
        long product = event.product();
        LocalDate day = calendar.dayOf(order.getOrderDate());
        String country = order.getCountry().value();
        Map<SalesRows.CategoryKey, Long> categories = new HashMap<>();
        if (event.linesDelta() != 0) {
            List<Long> products = new ArrayList<>(order.getItems().stream().map(OrderItem::productId).toList());
            products.add(product);
            Map<Long, Long> categoryOf = categoriesOf(products);
            long category = categoryOf.get(product);
            boolean otherLineInCategory = order.getItems().stream()
                    .anyMatch(item -> item.productId() != product && categoryOf.get(item.productId()) == category);
            if (!otherLineInCategory) {
                categories.put(new SalesRows.CategoryKey(day, category), (long) event.linesDelta());
            }
        }
        write(rows -> {
            rows.addSales(Map.of(new SalesRows.SalesKey(day, product, country),
                    Measures.sale(event.unitsDelta(), event.grossDelta(), event.linesDelta())));
            rows.addCountries(Map.of(new SalesRows.CountryKey(day, country),
                    Measures.sale(event.unitsDelta(), event.grossDelta(), 0)));
            rows.addCategories(categories);
        });
    }

    /**
     * Each counted order holding the product now counts in the new category, and no longer in the old one unless
     * another of its products is still there. The product row is written (and so locked) before the orders are
     * read: an order still reading the old category has committed by then, and a later one reads the new one.
     */
    @SuppressWarnings("unchecked")
    public void productMoved(@Observes ProductMoved event) {
        if (event.fromCategory() == event.toCategory()) {
            return;
        }
        em.flush();
        String otherLinesIn = "(SELECT COUNT(*) FROM order_item other JOIN product p ON p.id = other.product_id "
                + "WHERE other.order_id = o.id AND other.product_id <> ? AND p.category_id = ?)";
        // DISTINCT: an imported order may hold the product on two lines (at two prices); it counts once.
        List<Object[]> orders = em.createNativeQuery("SELECT DISTINCT o.id, o.order_date, " + otherLinesIn + ", "
                        + otherLinesIn + " FROM orders o JOIN order_item i ON i.order_id = o.id WHERE i.product_id = ? "
                        + "AND o.status <> 'canceled'")
                .setParameter(1, event.product()).setParameter(2, event.fromCategory()).setParameter(3, event.product())
                .setParameter(4, event.toCategory()).setParameter(5, event.product()).getResultList();
        Map<SalesRows.CategoryKey, Long> changes = new HashMap<>();
        for (Object[] order : orders) {
            LocalDate day = calendar.dayOf(SqlValues.instant(order[1]));
            if (SqlValues.whole(order[2]) == 0) {
                changes.merge(new SalesRows.CategoryKey(day, event.fromCategory()), -1L, Long::sum);
            }
            if (SqlValues.whole(order[3]) == 0) {
                changes.merge(new SalesRows.CategoryKey(day, event.toCategory()), 1L, Long::sum);
            }
        }
        write(rows -> {
            rows.addCategories(changes);
            rows.countMove();
        });
    }

    public void refundCounted(@Observes RefundCounted event) {
        LocalDate day = calendar.dayOf(event.refund().getRefundDate());
        String country = event.refund().getOrder().getCountry().value();
        Map<SalesRows.SalesKey, Measures> sales = new HashMap<>();
        Measures whole = Measures.NONE;
        for (RefundItem item : event.refund().getItems()) {
            Measures refunded = Measures.refund(item.getQuantity(), item.getAmount());
            sales.merge(new SalesRows.SalesKey(day, item.getOrderItem().productId(), country), refunded.times(event.sign()),
                    Measures::plus);
            whole = whole.plus(refunded);
        }
        Measures total = whole.times(event.sign());
        write(rows -> {
            rows.addSales(sales);
            rows.addCountries(Map.of(new SalesRows.CountryKey(day, country), total));
        });
    }

    public void customerRegistered(@Observes CustomerRegistered event) {
        refreshCustomer(event.customerId());
    }

    public void customerOrdersChanged(@Observes CustomerOrdersChanged event) {
        refreshCustomer(event.customerId());
    }

    /**
     * Recomputes a customer's spend from their orders (zeros for a new customer), after the caller's changes
     * are flushed. The stats row is locked first, so concurrent changes for one customer take turns, and each
     * recomputation sees what the ones before it committed (READ COMMITTED on every engine).
     */
    private void refreshCustomer(long customerId) {
        em.flush();
        try (Connection db = dataSource.getConnection()) {
            CustomerStatsRows stats = new CustomerStatsRows(db);
            stats.createMissing(List.of(customerId));
            stats.write(stats.recomputed(List.of(customerId)).values());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recompute the spend of customer " + customerId, e);
        }
    }

    /** The products' categories, their rows locked until the caller commits (see the class comment). */
    @SuppressWarnings("unchecked")
    private Map<Long, Long> categoriesOf(List<Long> products) {
        Map<Long, Long> categories = new HashMap<>();
        if (products.isEmpty()) {
            return categories;
        }
        List<Long> distinct = products.stream().distinct().sorted().toList();
        ((List<Object[]>) NativeQueries.bind(em.createNativeQuery("SELECT id, category_id FROM product WHERE id IN "
                + InList.of(distinct.size()) + " ORDER BY id FOR UPDATE"), new ArrayList<>(distinct))
                .getResultList()).forEach(row -> categories.put(SqlValues.whole(row[0]), SqlValues.whole(row[1])));
        return categories;
    }

    private interface Writes {
        void to(SalesRows rows) throws SQLException;
    }

    /** On the transaction's own connection, which the container shares with the persistence context. */
    private void write(Writes writes) {
        try (Connection db = dataSource.getConnection()) {
            writes.to(new SalesRows(db));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the change in the sales aggregates", e);
        }
    }
}
