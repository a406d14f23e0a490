package com.ecommerce.analytics.imports.control;

/** A row of the file that was not imported: its line number (the header is line 1) and why. */
public record Rejection(long line, String reason) {
}
