package com.ecommerce.analytics.imports.control;

/** A staged line of the file refused while its invoice was written: its line number, invoice and why. */
public record Rejection(long line, String invoice, String reason) {
}
