package com.ecommerce.analytics.recommendations.control;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Item-to-item and customer-to-customer similarity over a purchase matrix (cosine of 0/1 vectors, as in
 * Linden, Smith and York 2003, "Amazon.com recommendations: item-to-item collaborative filtering").
 */
public final class Similarities {

    /** Customers who bought more than this many products say little about any pair; like Amazon, skip them. */
    static final int MAX_PRODUCTS_PER_CUSTOMER = 1_000;
    /** Customers who bought more than this are nobody's neighbour: they share a few products with everyone. */
    static final int MAX_NEIGHBOUR_PRODUCTS = 150;
    /** Overlap found through a product is sampled from at most this many of its buyers, which bounds the cost of best sellers. */
    static final int MAX_BUYERS_SAMPLED = 200;

    private Similarities() {
    }

    /** Each product's most similar products, bought by at least minCoBuyers of the same customers. */
    public static Map<Long, List<Neighbour>> products(PurchaseMatrix matrix, int keep, int minCoBuyers, int threads) {
        int[] buyers = new int[matrix.productCount()];
        for (int c = 0; c < matrix.customerCount(); c++) {
            if (counted(matrix, c)) {
                for (int e = matrix.firstProductOf(c); e < matrix.firstProductOf(c) + matrix.productsBought(c); e++) {
                    buyers[matrix.productAt(e)]++;
                }
            }
        }
        return NeighbourLists.of(new NeighbourLists.Side() {
            public int rows() {
                return matrix.productCount();
            }

            public int size(int product) {
                return buyers[product];
            }

            public void forEachCoOccurrence(int product, IntConsumer other) {
                int first = matrix.firstBuyerOf(product);
                for (int b = first; b < first + matrix.buyerCount(product); b++) {
                    int customer = matrix.buyerAt(b);
                    if (counted(matrix, customer)) {
                        int start = matrix.firstProductOf(customer);
                        for (int e = start; e < start + matrix.productsBought(customer); e++) {
                            other.accept(matrix.productAt(e));
                        }
                    }
                }
            }

            public long id(int product) {
                return matrix.productId(product);
            }
        }, keep, minCoBuyers, threads);
    }

    /** Each customer's nearest customers, sharing at least minShared products. */
    public static Map<Long, List<Neighbour>> customers(PurchaseMatrix matrix, int keep, int minShared, int threads) {
        return NeighbourLists.of(new NeighbourLists.Side() {
            public int rows() {
                return matrix.customerCount();
            }

            public int size(int customer) {
                return matrix.productsBought(customer);
            }

            public void forEachCoOccurrence(int customer, IntConsumer other) {
                int start = matrix.firstProductOf(customer);
                for (int e = start; e < start + matrix.productsBought(customer); e++) {
                    int product = matrix.productAt(e);
                    int count = matrix.buyerCount(product);
                    int stride = (count + MAX_BUYERS_SAMPLED - 1) / MAX_BUYERS_SAMPLED;
                    int first = matrix.firstBuyerOf(product);
                    for (int b = first + product % stride; b < first + count; b += stride) {
                        int buyer = matrix.buyerAt(b);
                        if (matrix.productsBought(buyer) <= MAX_NEIGHBOUR_PRODUCTS) {
                            other.accept(buyer);
                        }
                    }
                }
            }

            public long id(int customer) {
                return matrix.customerId(customer);
            }
        }, keep, minShared, threads);
    }

    private static boolean counted(PurchaseMatrix matrix, int customer) {
        return matrix.productsBought(customer) <= MAX_PRODUCTS_PER_CUSTOMER;
    }
}
