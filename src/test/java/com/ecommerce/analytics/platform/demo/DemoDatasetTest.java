package com.ecommerce.analytics.platform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.demo.DemoDataset.OrderSeed;

class DemoDatasetTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private final DemoDataset data = DemoDataset.generate(DemoData.SEED, NOW, DemoData.CUSTOMERS, DemoData.ORDERS);

    @Test
    void theSameSeedGivesTheSameStore() {
        DemoDataset again = DemoDataset.generate(DemoData.SEED, NOW, DemoData.CUSTOMERS, DemoData.ORDERS);
        assertEquals(data.products().get(123).price(), again.products().get(123).price());
        assertEquals(data.orders().get(4_567).orderDate(), again.orders().get(4_567).orderDate());
        assertEquals(data.orders().get(4_567).total(), again.orders().get(4_567).total());
    }

    @Test
    void theStoreHasTheAdvertisedSize() {
        assertEquals(6, data.categories().size());
        assertEquals(300, data.products().size());
        assertEquals(3_000, data.customers().size());
        assertEquals(30_000, data.orders().size());
        assertTrue(data.customers().stream().map(DemoDataset.CustomerSeed::country).distinct().count() >= 8);
        assertEquals(data.products().size(), data.products().stream().map(DemoDataset.ProductSeed::sku).distinct().count());
        assertEquals(data.customers().size(), data.customers().stream().map(DemoDataset.CustomerSeed::email).distinct().count());
    }

    @Test
    void ordersSpanTwentyFourMonthsAndNeverTheFuture() {
        Instant first = data.orders().get(0).orderDate();
        Instant last = data.orders().get(data.orders().size() - 1).orderDate();
        assertTrue(first.isAfter(NOW.minus(731, ChronoUnit.DAYS)));
        assertTrue(first.isBefore(NOW.minus(700, ChronoUnit.DAYS)));
        assertFalse(last.isAfter(NOW));
    }

    @Test
    void everyOrderHasLinesOfActiveProductsAndAPositiveTotal() {
        for (OrderSeed order : data.orders()) {
            assertFalse(order.items().isEmpty());
            assertTrue(order.total().signum() > 0);
            order.items().forEach(item -> assertTrue(data.products().get(item.product()).active()));
        }
    }

    @Test
    void decemberSellsMoreThanFebruary() {
        Map<Month, Long> perMonth = data.orders().stream().collect(Collectors.groupingBy(
                o -> ZonedDateTime.ofInstant(o.orderDate(), ZoneOffset.UTC).getMonth(), Collectors.counting()));
        assertTrue(perMonth.get(Month.DECEMBER) > 1.5 * perMonth.get(Month.FEBRUARY), perMonth.toString());
    }

    @Test
    void someOrdersAreCanceledAndManyCustomersComeBack() {
        long canceled = data.orders().stream().filter(o -> o.status() == OrderStatus.CANCELED).count();
        assertTrue(canceled > 500 && canceled < 3_000, "canceled: " + canceled);
        Map<Integer, Long> ordersPerCustomer = data.orders().stream()
                .collect(Collectors.groupingBy(OrderSeed::customer, Collectors.counting()));
        long repeatBuyers = ordersPerCustomer.values().stream().filter(n -> n >= 3).count();
        assertTrue(repeatBuyers > 1_000, "repeat buyers: " + repeatBuyers);
    }

    @Test
    void customersRegisterBeforeTheirFirstOrder() {
        Map<Integer, Instant> firstOrder = data.orders().stream().collect(Collectors.toMap(
                OrderSeed::customer, OrderSeed::orderDate, (a, b) -> a.isBefore(b) ? a : b));
        firstOrder.forEach((customer, date) ->
                assertFalse(data.customers().get(customer).registeredAt().isAfter(date)));
        assertTrue(firstOrder.size() > 2_000, "customers with orders: " + firstOrder.size());
    }

    @Test
    void somePlacedOrdersHaveARefundAfterTheirOrderDate() {
        assertTrue(data.refunds().size() > 300 && data.refunds().size() < 1_500, "refunds: " + data.refunds().size());
        data.refunds().forEach(refund -> {
            OrderSeed order = data.orders().get(refund.order());
            assertTrue(refund.refundDate().isAfter(order.orderDate()));
            assertFalse(refund.refundDate().isAfter(NOW));
            assertTrue(order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.DELIVERED);
        });
    }
}
