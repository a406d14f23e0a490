package com.ecommerce.analytics.recommendations.control;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Who bought what: each customer's distinct products with the day each was last bought, and each
 * product's buyers, as compressed rows of dense indices so that millions of order lines fit in a few
 * tens of megabytes.
 */
public final class PurchaseMatrix {

    private final long[] customerIds;
    private final long[] productIds;
    private final Map<Long, Integer> customerIndex;
    private final int[] customerStart;
    private final int[] products;
    private final int[] lastDay;
    private final int[] productStart;
    private final int[] buyers;

    private PurchaseMatrix(long[] customerIds, long[] productIds, Map<Long, Integer> customerIndex,
                           int[] customerStart, int[] products, int[] lastDay) {
        this.customerIds = customerIds;
        this.productIds = productIds;
        this.customerIndex = customerIndex;
        this.customerStart = customerStart;
        this.products = products;
        this.lastDay = lastDay;
        this.productStart = new int[productIds.length + 1];
        this.buyers = new int[products.length];
        for (int product : products) {
            productStart[product + 1]++;
        }
        for (int p = 0; p < productIds.length; p++) {
            productStart[p + 1] += productStart[p];
        }
        int[] next = Arrays.copyOf(productStart, productIds.length);
        for (int c = 0; c < customerIds.length; c++) {
            for (int i = customerStart[c]; i < customerStart[c + 1]; i++) {
                buyers[next[products[i]]++] = c;
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int customerCount() {
        return customerIds.length;
    }

    public int productCount() {
        return productIds.length;
    }

    public long customerId(int customer) {
        return customerIds[customer];
    }

    public long productId(int product) {
        return productIds[product];
    }

    /** The dense index of a customer, or -1 for one who bought nothing. */
    public int customerIndex(long customerId) {
        return customerIndex.getOrDefault(customerId, -1);
    }

    public int productsBought(int customer) {
        return customerStart[customer + 1] - customerStart[customer];
    }

    public int firstProductOf(int customer) {
        return customerStart[customer];
    }

    /** The i-th entry of the customer rows: a product index, in ascending order within a customer. */
    public int productAt(int entry) {
        return products[entry];
    }

    public int lastDayAt(int entry) {
        return lastDay[entry];
    }

    public int buyerCount(int product) {
        return productStart[product + 1] - productStart[product];
    }

    public int firstBuyerOf(int product) {
        return productStart[product];
    }

    public int buyerAt(int entry) {
        return buyers[entry];
    }

    public long purchases() {
        return products.length;
    }

    /** Collects order lines in any order; a product bought twice by a customer counts once, at its last day. */
    public static final class Builder {

        private final Map<Long, Integer> customerIndex = new HashMap<>();
        private final Map<Long, Integer> productIndex = new HashMap<>();
        private long[] customerIds = new long[1024];
        private long[] productIds = new long[1024];
        private int[] lineCustomer = new int[1024];
        private long[] lineProductDay = new long[1024];
        private int lines;

        public void add(long customerId, long productId, int epochDay) {
            int customer = customerIndex.computeIfAbsent(customerId, id -> {
                customerIds = grow(customerIds, customerIndex.size());
                customerIds[customerIndex.size()] = id;
                return customerIndex.size();
            });
            int product = productIndex.computeIfAbsent(productId, id -> {
                productIds = grow(productIds, productIndex.size());
                productIds[productIndex.size()] = id;
                return productIndex.size();
            });
            if (lines == lineCustomer.length) {
                lineCustomer = Arrays.copyOf(lineCustomer, lines * 2);
                lineProductDay = Arrays.copyOf(lineProductDay, lines * 2);
            }
            lineCustomer[lines] = customer;
            lineProductDay[lines] = ((long) product << 32) | (epochDay & 0xffffffffL);
            lines++;
        }

        public PurchaseMatrix build() {
            int customers = customerIndex.size();
            int[] start = new int[customers + 1];
            for (int i = 0; i < lines; i++) {
                start[lineCustomer[i] + 1]++;
            }
            for (int c = 0; c < customers; c++) {
                start[c + 1] += start[c];
            }
            long[] byCustomer = new long[lines];
            int[] next = Arrays.copyOf(start, customers);
            for (int i = 0; i < lines; i++) {
                byCustomer[next[lineCustomer[i]]++] = lineProductDay[i];
            }
            lineCustomer = null;
            lineProductDay = null;
            return distinctPerCustomer(start, byCustomer);
        }

        /** Sorting a customer's (product, day) pairs puts each product's last day at the end of its run. */
        private PurchaseMatrix distinctPerCustomer(int[] start, long[] byCustomer) {
            int customers = start.length - 1;
            int[] distinctStart = new int[customers + 1];
            int[] products = new int[byCustomer.length];
            int[] days = new int[byCustomer.length];
            int kept = 0;
            for (int c = 0; c < customers; c++) {
                Arrays.sort(byCustomer, start[c], start[c + 1]);
                for (int i = start[c]; i < start[c + 1]; i++) {
                    int product = (int) (byCustomer[i] >>> 32);
                    boolean lastOfRun = i + 1 == start[c + 1] || (int) (byCustomer[i + 1] >>> 32) != product;
                    if (lastOfRun) {
                        products[kept] = product;
                        days[kept] = (int) byCustomer[i];
                        kept++;
                    }
                }
                distinctStart[c + 1] = kept;
            }
            return new PurchaseMatrix(Arrays.copyOf(customerIds, customers),
                    Arrays.copyOf(productIds, productIndex.size()), customerIndex, distinctStart,
                    Arrays.copyOf(products, kept), Arrays.copyOf(days, kept));
        }

        private static long[] grow(long[] values, int size) {
            return size < values.length ? values : Arrays.copyOf(values, values.length * 2);
        }
    }
}
