package com.ecommerce.analytics.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fault benchmark's store, built through the API: products with plenty of stock, a hot one that every client of
 * the contention phase orders, a scarce one that sells out during the fault run (so refusing to oversell is tested,
 * not only counting), and customers; with the baskets the clients order.
 */
final class ClusterStore {

    static final int PRODUCTS = 20;
    static final int CUSTOMERS = 200;
    static final int STOCK = 100_000;
    static final int SCARCE_STOCK = 400;

    private final Map<Long, Integer> stockAtStart = new LinkedHashMap<>();
    private final List<Long> products = new ArrayList<>();
    private final List<Long> customers = new ArrayList<>();
    private long hot;
    private long scarce;

    static ClusterStore build(ShopClient shop, String token) throws Exception {
        ClusterStore store = new ClusterStore();
        long category = shop.category(token);
        for (int i = 0; i < PRODUCTS; i++) {
            store.products.add(store.product(shop, token, category, STOCK));
        }
        store.hot = store.product(shop, token, category, STOCK);
        store.scarce = store.product(shop, token, category, SCARCE_STOCK);
        for (int i = 0; i < CUSTOMERS; i++) {
            store.customers.add(shop.customer(token));
        }
        return store;
    }

    private long product(ShopClient shop, String token, long category, int stock) throws Exception {
        long product = shop.product(token, category, "9.99", stock);
        stockAtStart.put(product, stock);
        return product;
    }

    Map<Long, Integer> stockAtStart() {
        return stockAtStart;
    }

    /** One to three units of the hot product. */
    String hotOrder(ThreadLocalRandom random) {
        return order(random, List.of(hot));
    }

    /** One or two of the plentiful products, and the scarce one in one order of 50; one to three units each. */
    String mixedOrder(ThreadLocalRandom random) {
        List<Long> chosen = new ArrayList<>();
        chosen.add(products.get(random.nextInt(PRODUCTS)));
        if (random.nextBoolean()) {
            long second = products.get(random.nextInt(PRODUCTS));
            if (!chosen.contains(second)) {
                chosen.add(second);
            }
        }
        if (random.nextInt(50) == 0) {
            chosen.add(scarce);
        }
        return order(random, chosen);
    }

    private String order(ThreadLocalRandom random, List<Long> items) {
        StringBuilder json = new StringBuilder("{\"customer\":").append(customers.get(random.nextInt(CUSTOMERS)))
                .append(",\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"product\":").append(items.get(i)).append(",\"quantity\":")
                    .append(1 + random.nextInt(3)).append('}');
        }
        return json.append("]}").toString();
    }

    @Override
    public String toString() {
        return String.format("%d products with %,d units each, a hot product with %,d, a scarce one with %d; %d customers",
                PRODUCTS, STOCK, STOCK, SCARCE_STOCK, CUSTOMERS);
    }
}
