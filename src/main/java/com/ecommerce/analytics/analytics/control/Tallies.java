package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sales summed by product (or by category) as rows of a range's parts are added (sign 1) or subtracted (sign -1):
 * one mutable tally per id with amounts in cents, so that a row costs its parsing and a few additions rather than
 * new objects. Frozen into arrays, they are kept by SettledSales.
 */
final class Tallies {

    /** Tallies as six columns, the form kept in memory: about 48 bytes an id. */
    record Frozen(long[] ids, long[] units, long[] gross, long[] orders, long[] refundedUnits, long[] refunds) {
        int size() {
            return ids.length;
        }
    }

    private final Map<Long, Tally> byId = new HashMap<>();

    /** A row of sign, id, units, gross, orders, refunded units and refunds. */
    void add(ResultSet row) throws SQLException {
        int sign = row.getInt(1);
        tally(row.getLong(2)).add(sign * row.getLong(3), sign * cents(row.getBigDecimal(4)), sign * row.getLong(5),
                sign * row.getLong(6), sign * cents(row.getBigDecimal(7)));
    }

    void addAll(Tallies other) {
        other.byId.forEach((id, tally) -> tally(id).add(tally.units, tally.gross, tally.orders, tally.refundedUnits,
                tally.refunds));
    }

    void addAll(Frozen frozen) {
        for (int i = 0; i < frozen.size(); i++) {
            tally(frozen.ids()[i]).add(frozen.units()[i], frozen.gross()[i], frozen.orders()[i],
                    frozen.refundedUnits()[i], frozen.refunds()[i]);
        }
    }

    Frozen freeze() {
        int size = byId.size();
        Frozen frozen = new Frozen(new long[size], new long[size], new long[size], new long[size], new long[size],
                new long[size]);
        int i = 0;
        for (Map.Entry<Long, Tally> entry : byId.entrySet()) {
            Tally tally = entry.getValue();
            frozen.ids()[i] = entry.getKey();
            frozen.units()[i] = tally.units;
            frozen.gross()[i] = tally.gross;
            frozen.orders()[i] = tally.orders;
            frozen.refundedUnits()[i] = tally.refundedUnits;
            frozen.refunds()[i] = tally.refunds;
            i++;
        }
        return frozen;
    }

    /** Each id's measures, those summing to nothing left out. */
    Map<Long, Measures> measures() {
        Map<Long, Measures> measures = new HashMap<>(byId.size() * 2);
        byId.forEach((id, tally) -> {
            if (!tally.isZero()) {
                measures.put(id, tally.measures());
            }
        });
        return measures;
    }

    private Tally tally(long id) {
        return byId.computeIfAbsent(id, key -> new Tally());
    }

    /** The aggregates keep amounts to the cent (DECIMAL(16,2)). */
    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    private static final class Tally {
        private long units;
        private long gross;
        private long orders;
        private long refundedUnits;
        private long refunds;

        void add(long units, long gross, long orders, long refundedUnits, long refunds) {
            this.units += units;
            this.gross += gross;
            this.orders += orders;
            this.refundedUnits += refundedUnits;
            this.refunds += refunds;
        }

        boolean isZero() {
            return units == 0 && gross == 0 && orders == 0 && refundedUnits == 0 && refunds == 0;
        }

        Measures measures() {
            return new Measures(units, BigDecimal.valueOf(gross, 2), orders, refundedUnits, BigDecimal.valueOf(refunds, 2));
        }
    }
}
