package com.ecommerce.analytics.imports.control;

/** A line of the file refused while its invoice was written: its line number and why. */
public record Rejection(long line, String reason) {
}
