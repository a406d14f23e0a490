package com.ecommerce.analytics.security.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** admin may do everything; analyst may read, run analytics and export. */
public enum Role {
    ADMIN, ANALYST;

    public static final String ADMIN_NAME = "admin";
    public static final String ANALYST_NAME = "analyst";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equalsIgnoreCase(code)).findFirst();
    }
}
