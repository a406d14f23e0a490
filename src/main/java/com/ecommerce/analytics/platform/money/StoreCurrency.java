package com.ecommerce.analytics.platform.money;

import java.util.Currency;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * The one currency the store keeps its amounts in: STORE_CURRENCY, an ISO 4217 code (default EUR). The store converts
 * nothing; the code tells a client, a spreadsheet or a BI tool what the amounts are.
 */
@ApplicationScoped
public class StoreCurrency {

    public static final String SETTING = "STORE_CURRENCY";
    public static final String DEFAULT = "EUR";

    private static volatile Currency currency;

    /** A wrong code stops the start instead of the first answer with an amount. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        currency();
    }

    public static String code() {
        return currency().getCurrencyCode();
    }

    public static Currency currency() {
        Currency known = currency;
        if (known == null) {
            known = parse(ConfigProvider.getConfig().getOptionalValue(SETTING, String.class).orElse(DEFAULT));
            currency = known;
        }
        return known;
    }

    static Currency parse(String code) {
        try {
            return Currency.getInstance(code.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + " '" + code + "' is not an ISO 4217 currency code such as EUR", e);
        }
    }
}
