package com.ecommerce.analytics.testing.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test-only, never part of the application: deployed beside it by the fault-injection tests (StoreDatabase), it
 * gives them the store's database through the application's own datasource, to read what was stored, to spoil a
 * row on purpose, and to make chosen writes fail (WriteFaults). Every statement commits on its own.
 */
@WebServlet(urlPatterns = {"/query", "/update", "/faults"})
public class StoreDatabaseServlet extends HttpServlet {

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, () -> {
            try (Connection db = dataSource.getConnection()) {
                return switch (request.getServletPath()) {
                    case "/query" -> query(db, request);
                    case "/update" -> update(db, request);
                    default -> {
                        String kind = request.getParameter("kind");
                        new WriteFaults(db).install(request.getParameter("table"), request.getParameter("column"),
                                request.getParameter("value"),
                                kind == null ? WriteFaults.Kind.FAIL : WriteFaults.Kind.valueOf(kind),
                                Boolean.parseBoolean(request.getParameter("inserts")));
                        yield "installed";
                    }
                };
            }
        });
    }

    /** GET /faults?table=: how many writes of its row the table's fault has met. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, () -> {
            try (Connection db = dataSource.getConnection()) {
                return String.valueOf(new WriteFaults(db).writes(request.getParameter("table")));
            }
        });
    }

    /** DELETE /faults: every fault removed, whoever installed it. */
    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response, () -> {
            try (Connection db = dataSource.getConnection()) {
                new WriteFaults(db).removeAll();
                return "removed";
            }
        });
    }

    /** The first column of the first row, as text ("" when null or no row). */
    private static String query(Connection db, HttpServletRequest request) throws SQLException {
        try (PreparedStatement query = bound(db, request); ResultSet rows = query.executeQuery()) {
            Object value = rows.next() ? rows.getObject(1) : null;
            return value == null ? "" : value.toString();
        }
    }

    private static String update(Connection db, HttpServletRequest request) throws SQLException {
        try (PreparedStatement update = bound(db, request)) {
            return String.valueOf(update.executeUpdate());
        }
    }

    private static PreparedStatement bound(Connection db, HttpServletRequest request) throws SQLException {
        PreparedStatement statement = db.prepareStatement(request.getParameter("sql"));
        String[] values = request.getParameterValues("value");
        for (int i = 0; values != null && i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
        return statement;
    }

    private interface Work {
        String run() throws SQLException;
    }

    private static void answer(HttpServletResponse response, Work work) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            String body = work.run();
            response.getWriter().write(body);
        } catch (SQLException | RuntimeException e) {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.getWriter().write(e.toString());
        }
    }
}
