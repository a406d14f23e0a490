package com.ecommerce.analytics.recommendations.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;

/**
 * The nearest neighbours of every row of a purchase matrix, by the cosine of their 0/1 vectors:
 * shared / sqrt(size(a) x size(b)). Rows are counted against each other through the shared column, one
 * row at a time (in parallel when allowed), so memory stays one counter array per thread.
 */
final class NeighbourLists {

    /** The rows of one side of the matrix (customers or products) and the columns that link them. */
    interface Side {
        int rows();

        int size(int row);

        /** Calls the consumer with every other row sharing a column with this one, once per shared column. */
        void forEachCoOccurrence(int row, IntConsumer other);

        long id(int row);
    }

    private NeighbourLists() {
    }

    /** On as many threads as given: a build in the background takes no more cores than it is allowed. */
    static Map<Long, List<Neighbour>> of(Side side, int keep, int minShared, int threads) {
        Map<Long, List<Neighbour>> lists = new ConcurrentHashMap<>();
        ThreadLocal<int[]> counters = ThreadLocal.withInitial(() -> new int[side.rows()]);
        ThreadLocal<int[]> touchedRows = ThreadLocal.withInitial(() -> new int[side.rows()]);
        IntConsumer listRow = row -> {
            BackgroundWork.giveWayToRequests();
            List<Neighbour> nearest = nearest(side, row, counters.get(), touchedRows.get(), keep, minShared);
            if (!nearest.isEmpty()) {
                lists.put(side.id(row), nearest);
            }
        };
        if (threads <= 1) {
            IntStream.range(0, side.rows()).forEach(listRow);
            return lists;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, side.rows()).parallel().forEach(listRow)).join();
        } finally {
            pool.shutdown();
        }
        return lists;
    }

    private static List<Neighbour> nearest(Side side, int row, int[] shared, int[] touched, int keep, int minShared) {
        int[] count = {0};
        side.forEachCoOccurrence(row, other -> {
            if (other != row && shared[other]++ == 0) {
                touched[count[0]++] = other;
            }
        });
        TopK top = new TopK(keep);
        double size = side.size(row);
        for (int i = 0; i < count[0]; i++) {
            int other = touched[i];
            if (shared[other] >= minShared) {
                top.offer(other, shared[other] / Math.sqrt(size * side.size(other)), shared[other]);
            }
            shared[other] = 0;
        }
        return top.sorted(side::id);
    }

    /** The k best by similarity, ties to the lower index so that results do not depend on thread timing. */
    private static final class TopK {
        private final int[] rows;
        private final double[] similarities;
        private final int[] shared;
        private int size;
        private int weakest;

        TopK(int k) {
            rows = new int[k];
            similarities = new double[k];
            shared = new int[k];
        }

        /** Most candidates lose to the weakest kept one at the first comparison, and cost no allocation. */
        void offer(int row, double similarity, int sharedCount) {
            int slot;
            if (size < rows.length) {
                slot = size++;
            } else if (better(similarity, row, similarities[weakest], rows[weakest])) {
                slot = weakest;
            } else {
                return;
            }
            rows[slot] = row;
            similarities[slot] = similarity;
            shared[slot] = sharedCount;
            if (size == rows.length) {
                weakest = 0;
                for (int i = 1; i < size; i++) {
                    if (better(similarities[weakest], rows[weakest], similarities[i], rows[i])) {
                        weakest = i;
                    }
                }
            }
        }

        List<Neighbour> sorted(IntFunction<Long> ids) {
            List<Integer> order = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                order.add(i);
            }
            order.sort((a, b) -> a.equals(b) ? 0 : better(similarities[a], rows[a], similarities[b], rows[b]) ? -1 : 1);
            List<Neighbour> result = new ArrayList<>(size);
            for (int i : order) {
                result.add(new Neighbour(ids.apply(rows[i]), similarities[i], shared[i]));
            }
            return result;
        }

        private static boolean better(double similarity, int row, double other, int otherRow) {
            return similarity > other || (similarity == other && row < otherRow);
        }
    }
}
