package com.ecommerce.analytics.recommendations.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The nearest neighbours of every row of a purchase matrix, by the cosine of their 0/1 vectors:
 * shared / sqrt(size(a) x size(b)). Rows are counted against each other through the shared column, one
 * row at a time and in parallel, so memory stays one counter array per thread.
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

    static Map<Long, List<Neighbour>> of(Side side, int keep, int minShared) {
        Map<Long, List<Neighbour>> lists = new ConcurrentHashMap<>();
        ThreadLocal<int[]> counters = ThreadLocal.withInitial(() -> new int[side.rows()]);
        ThreadLocal<int[]> touchedRows = ThreadLocal.withInitial(() -> new int[side.rows()]);
        IntStream.range(0, side.rows()).parallel().forEach(row -> {
            List<Neighbour> nearest = nearest(side, row, counters.get(), touchedRows.get(), keep, minShared);
            if (!nearest.isEmpty()) {
                lists.put(side.id(row), nearest);
            }
        });
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
        private final int k;
        private final PriorityQueue<double[]> heap;

        TopK(int k) {
            this.k = k;
            this.heap = new PriorityQueue<>(k + 1, (a, b) -> a[0] != b[0]
                    ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
        }

        void offer(int row, double similarity, int shared) {
            heap.offer(new double[] {similarity, row, shared});
            if (heap.size() > k) {
                heap.poll();
            }
        }

        List<Neighbour> sorted(IntFunction<Long> ids) {
            List<Neighbour> result = new ArrayList<>(heap.size());
            while (!heap.isEmpty()) {
                double[] best = heap.poll();
                result.add(new Neighbour(ids.apply((int) best[1]), best[0], (int) best[2]));
            }
            Collections.reverse(result);
            return result;
        }
    }

    static int total(Collection<List<Neighbour>> lists) {
        return lists.stream().mapToInt(List::size).sum();
    }
}
