package com.ecommerce.analytics.imports.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Every row an import refused, with its line number, its reason and the row as it was in the file. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ImportRejections {

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    ImportRuns runs;

    /** Keeps rows the run refused, in the caller's transaction. */
    static void insert(Connection db, long run, List<RejectedRow> rows) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO import_rejection (import_id, line, reason, raw) "
                + "VALUES (?, ?, ?, ?)")) {
            for (RejectedRow row : rows) {
                insert.setLong(1, run);
                insert.setLong(2, row.line());
                insert.setString(3, row.reason().length() > 1000 ? row.reason().substring(0, 997) + "..." : row.reason());
                insert.setString(4, row.row());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The run's rejections by line number. */
    public Page<RejectedRow> of(long run, PageRequest page) {
        runs.find(run);
        long total = count(run);
        return new Page<>(rejectionsAfter(run, -1, page.offset(), page.limit()), total, page);
    }

    /** The rejected rows as they were in the file, under its header, with their line number and reason added. */
    public void writeCsv(long run, OutputStream out) {
        String header = header(run);
        try {
            out.write((header + ",line,reason\r\n").getBytes(StandardCharsets.UTF_8));
            long after = -1;
            for (List<RejectedRow> rows = rejectionsAfter(run, after, 0, 1000); !rows.isEmpty();
                 rows = rejectionsAfter(run, after, 0, 1000)) {
                StringBuilder text = new StringBuilder();
                for (RejectedRow row : rows) {
                    text.append(row.row()).append(',').append(SalesFileReader.asWritten(new String[] {String.valueOf(row.line()),
                            row.reason()}))
                            .append("\r\n");
                    after = row.line();
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String header(long run) {
        runs.find(run);
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT header FROM import_run WHERE id = ?")) {
            query.setLong(1, run);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return Optional.ofNullable(rows.getString(1)).orElse(SalesLineFormat.HEADER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read import " + run, e);
        }
    }

    private List<RejectedRow> rejectionsAfter(long run, long after, long offset, int limit) {
        List<RejectedRow> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT line, reason, raw FROM import_rejection "
                     + "WHERE import_id = ? AND line > ? ORDER BY line LIMIT " + limit + " OFFSET " + offset)) {
            query.setLong(1, run);
            query.setLong(2, after);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new RejectedRow(result.getLong(1), result.getString(2), result.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rejections of import " + run, e);
        }
        return rows;
    }

    private long count(long run) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM import_rejection WHERE import_id = ?")) {
            query.setLong(1, run);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rejections of import " + run, e);
        }
    }
}
