package com.ecommerce.analytics.customers.control;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.errors.InvalidRequest;

/**
 * Reads a country the ways the earlier service's clients and merchants' spreadsheets write it: an ISO
 * code ("GB"), an English name ("Germany"), or a common alias ("UK", "USA", "EIRE", "RSA").
 */
public final class CountryNames {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            BY_NAME.put(normalise(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        Map.ofEntries(
                Map.entry("UK", "GB"), Map.entry("U.K.", "GB"), Map.entry("Great Britain", "GB"),
                Map.entry("Britain", "GB"), Map.entry("England", "GB"), Map.entry("Scotland", "GB"),
                Map.entry("Wales", "GB"), Map.entry("Northern Ireland", "GB"),
                Map.entry("USA", "US"), Map.entry("U.S.A.", "US"), Map.entry("U.S.", "US"),
                Map.entry("United States of America", "US"), Map.entry("America", "US"),
                Map.entry("EIRE", "IE"), Map.entry("Republic of Ireland", "IE"),
                Map.entry("RSA", "ZA"), Map.entry("Holland", "NL"), Map.entry("The Netherlands", "NL"),
                Map.entry("Deutschland", "DE"), Map.entry("Czech Republic", "CZ"), Map.entry("Korea", "KR"),
                Map.entry("South Korea", "KR"), Map.entry("Russia", "RU"), Map.entry("UAE", "AE"),
                Map.entry("Hong Kong", "HK"), Map.entry("Macau", "MO"), Map.entry("Vietnam", "VN"),
                Map.entry("Channel Islands", "JE"), Map.entry("European Community", "EU"))
                .forEach((alias, code) -> BY_NAME.put(normalise(alias), code));
    }

    private CountryNames() {
    }

    public static Optional<CountryCode> resolve(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String trimmed = country.trim();
        if (trimmed.length() == 2 && CountryCode.isValid(trimmed)) {
            return Optional.of(new CountryCode(trimmed));
        }
        return Optional.ofNullable(BY_NAME.get(normalise(trimmed)))
                .filter(CountryCode::isValid)
                .map(CountryCode::new);
    }

    /** The country a request field names, or a 400 naming the field and what it may be. */
    public static CountryCode required(String country) {
        return resolve(country).orElseThrow(() -> InvalidRequest.field("country", "'" + country
                + "' is not a country: send an ISO 3166-1 alpha-2 code such as GB, or a name such as United Kingdom"));
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z]", "");
    }
}
