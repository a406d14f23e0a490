package com.ecommerce.analytics.platform.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.MediaType;

class GzippedAnswersTest {

    @Test
    void gzipIsAcceptedUnlessItsQualityIsZero() {
        assertTrue(GzippedAnswers.acceptsGzip("gzip"));
        assertTrue(GzippedAnswers.acceptsGzip("deflate, GZIP;q=0.8, br"));
        assertFalse(GzippedAnswers.acceptsGzip("gzip;q=0"));
        assertFalse(GzippedAnswers.acceptsGzip("gzip; q=0.000"));
        assertFalse(GzippedAnswers.acceptsGzip("deflate, br"));
        assertFalse(GzippedAnswers.acceptsGzip("x-gzip2"));
        assertFalse(GzippedAnswers.acceptsGzip(null));
    }

    @Test
    void onlyJsonAndCsvAreCompressedHere() {
        assertTrue(GzippedAnswers.compressible(MediaType.valueOf("application/json;charset=UTF-8")));
        assertTrue(GzippedAnswers.compressible(MediaType.valueOf("text/csv")));
        assertFalse(GzippedAnswers.compressible(MediaType.valueOf(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
        assertFalse(GzippedAnswers.compressible(null));
    }
}
