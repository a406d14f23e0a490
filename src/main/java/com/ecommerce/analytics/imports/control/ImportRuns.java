package com.ecommerce.analytics.imports.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The import records (import_run) and their rejections, and the lease that lets one import run at a time
 * across instances: claimed and renewed in short transactions of their own, never held as a lock, lapsing
 * when its holder dies (its record then reads as interrupted).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportRuns {

    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int RETRY_AFTER_SECONDS = 30;
    /** The lease for a new import: free, or lapsed (its holder died); the condition is the time now. */
    private static final String TAKE_LEASE = "UPDATE import_lease SET import_id = ?, lease_until = ? WHERE id = 1 "
            + "AND (import_id IS NULL OR lease_until < ?)";
    /** Another term for the import that holds it; the condition is the import's id. */
    private static final String RENEW_LEASE = "UPDATE import_lease SET import_id = ?, lease_until = ? WHERE id = 1 "
            + "AND import_id = ?";
    private static final String RECORD = "SELECT r.id, r.status, r.started_by, r.started_at, r.finished_at, r.file_name, "
            + "r.file_bytes, r.time_zone, r.rows_read, r.invoices_staged, r.invoices_done, r.writing_since, r.orders_created, "
            + "r.items_created, r.refunds_created, r.customers_created, r.products_created, r.invoices_already_imported, "
            + "r.rows_already_imported, r.rows_rejected, r.error, l.lease_until FROM import_run r "
            + "LEFT JOIN import_lease l ON l.import_id = r.id ";

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** A new record for an import about to read its file, holding the lease; 409 while another import runs. */
    public long begin(String user, String fileName, ZoneId zone) {
        try (Connection db = dataSource.getConnection()) {
            long run;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO import_run (started_by, started_at, file_name, "
                    + "time_zone, status) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, user);
                insert.setObject(2, UtcInstantConverter.toColumn(StoredTime.now()));
                insert.setString(3, fileName == null || fileName.length() <= 255 ? fileName : fileName.substring(0, 255));
                insert.setString(4, zone.getId());
                insert.setString(5, ImportRecord.RECEIVING);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    run = key.getLong(1);
                }
            }
            if (!claim(db, TAKE_LEASE, run, System.currentTimeMillis())) {
                throw new Conflict("Another import is running; this one would race it for the same invoices. Send the "
                        + "file again when it has finished (GET /api/imports/ shows it).", RETRY_AFTER_SECONDS);
            }
            return run;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start an import", e);
        }
    }

    /** Extends the run's lease; false when it lapsed and another import took it. */
    public boolean renew(long run) {
        try (Connection db = dataSource.getConnection()) {
            return claim(db, RENEW_LEASE, run, run);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot renew the lease of import " + run, e);
        }
    }

    /** The whole file is read and its invoices sorted: they are written next, from now on. */
    public void writing(long run, long invoices, long fileBytes) {
        update("UPDATE import_run SET status = ?, invoices_staged = ?, file_bytes = ?, writing_since = ? WHERE id = ?",
                ImportRecord.WRITING, invoices, fileBytes, UtcInstantConverter.toColumn(StoredTime.now()), run);
    }

    /** Ends the run with its outcome and frees the lease. */
    public void finish(long run, String status, String error) {
        update("UPDATE import_run SET status = ?, finished_at = ?, error = ? WHERE id = ?", status,
                UtcInstantConverter.toColumn(StoredTime.now()), error == null || error.length() <= 1000 ? error
                        : error.substring(0, 997) + "...", run);
        update("UPDATE import_lease SET import_id = NULL, lease_until = 0 WHERE id = 1 AND import_id = ?", run);
    }

    /** Adds a staged slice's rows to the run's counts, in the slice's transaction. */
    static void staged(Connection db, long run, long rowsRead, long rejected) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE import_run SET rows_read = rows_read + ?, "
                + "rows_rejected = rows_rejected + ? WHERE id = ?")) {
            update.setLong(1, rowsRead);
            update.setLong(2, rejected);
            update.setLong(3, run);
            update.executeUpdate();
        }
    }

    /** Adds what a batch wrote to the run's counts, in the batch's transaction. */
    static void count(Connection db, long run, long invoices, ImportTally batch) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE import_run SET invoices_done = invoices_done + ?, "
                + "orders_created = orders_created + ?, items_created = items_created + ?, "
                + "refunds_created = refunds_created + ?, customers_created = customers_created + ?, "
                + "invoices_already_imported = invoices_already_imported + ?, "
                + "rows_already_imported = rows_already_imported + ?, rows_rejected = rows_rejected + ? WHERE id = ?")) {
            long[] values = {invoices, batch.ordersCreated, batch.itemsCreated, batch.refundsCreated, batch.customersCreated,
                batch.invoicesAlreadyImported, batch.rowsAlreadyImported, batch.rejections.size(), run};
            for (int i = 0; i < values.length; i++) {
                update.setLong(i + 1, values[i]);
            }
            update.executeUpdate();
        }
    }

    /** Adds the products created before the invoices are written, in the transaction that created them. */
    static void productsCreated(Connection db, long run, long created) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE import_run SET products_created = products_created + ? "
                + "WHERE id = ?")) {
            update.setLong(1, created);
            update.setLong(2, run);
            update.executeUpdate();
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ImportRecord find(long run) {
        return records(RECORD + "WHERE r.id = ?", run).stream().findFirst()
                .orElseThrow(() -> new NotFound("Import " + run + " not found."));
    }

    /** Newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<ImportRecord> list(PageRequest page) {
        long total = count("SELECT COUNT(*) FROM import_run");
        return new Page<>(records(RECORD + "ORDER BY r.id DESC LIMIT " + page.limit() + " OFFSET " + page.offset()),
                total, page);
    }

    /** Keeps the header row of the run's file, to write its rejected rows under it. */
    public void header(long run, String header) {
        update("UPDATE import_run SET header = ? WHERE id = ?", header.length() <= 4000 ? header : header.substring(0, 4000),
                run);
    }

    /** Gives the lease to the run for another term if the statement's condition (its third parameter) holds. */
    private static boolean claim(Connection db, String sql, long run, long condition) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            update.setLong(1, run);
            update.setLong(2, System.currentTimeMillis() + LEASE.toMillis());
            update.setLong(3, condition);
            return update.executeUpdate() == 1;
        }
    }

    private List<ImportRecord> records(String sql, Object... parameters) {
        List<ImportRecord> records = new ArrayList<>();
        Instant now = StoredTime.now();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.add(record(rows, now));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the imports", e);
        }
        return records;
    }

    private static ImportRecord record(ResultSet rows, Instant now) throws SQLException {
        String status = rows.getString(2);
        long leaseUntil = rows.getLong(22);
        boolean holdsLease = !rows.wasNull() && leaseUntil > now.toEpochMilli();
        if ((ImportRecord.RECEIVING.equals(status) || ImportRecord.WRITING.equals(status)) && !holdsLease) {
            status = ImportRecord.INTERRUPTED;
        }
        Instant started = instant(rows, 4);
        Instant finished = instant(rows, 5);
        Instant end = finished != null ? finished : now;
        return new ImportRecord(rows.getLong(1), status, rows.getString(3), started, finished,
                Duration.between(started, end).toMillis() / 1000.0, rows.getString(6), rows.getLong(7), rows.getString(8),
                ImportRecord.Progress.of(status, rows.getLong(9), rows.getLong(10), rows.getLong(11), instant(rows, 12), now),
                rows.getLong(9), rows.getLong(13), rows.getLong(14), rows.getLong(15), rows.getLong(16), rows.getLong(17),
                rows.getLong(18), rows.getLong(19), rows.getLong(20), rows.getString(21));
    }

    private void update(String sql, Object... parameters) {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the import record", e);
        }
    }

    private long count(String sql) {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the imports", e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
