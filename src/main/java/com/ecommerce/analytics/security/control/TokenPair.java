package com.ecommerce.analytics.security.control;

/** What the token endpoints answer, as djangorestframework-simplejwt did. */
public record TokenPair(String access, String refresh) {
}
