package com.ecommerce.analytics.imports.control;

/** A row an import refused: its line in the file (the header is line 1), why, and the row as it was there. */
public record RejectedRow(long line, String reason, String row) {
}
