package com.ecommerce.analytics.tax.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.ecommerce.analytics.customers.control.CountryNames;
import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.tax.entity.TaxRate;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@Stateless
public class TaxRates {

    @PersistenceContext
    EntityManager em;

    public List<TaxRate> all() {
        return em.createQuery("SELECT t FROM TaxRate t ORDER BY t.country", TaxRate.class).getResultList();
    }

    public TaxRate find(String country) {
        return Lookup.byId(em, TaxRate.class, key(country), "Tax rate for");
    }

    /** The rate for sales to a country: its own, or the DEFAULT one. */
    public TaxRate forCountry(CountryCode country) {
        List<TaxRate> candidates = em.createQuery("SELECT t FROM TaxRate t WHERE t.country IN (:country, :fallback) "
                        + "ORDER BY t.country", TaxRate.class)
                .setParameter("country", country.value()).setParameter("fallback", TaxRate.DEFAULT).getResultList();
        return candidates.stream().filter(rate -> rate.getCountry().equals(country.value())).findFirst()
                .orElseGet(() -> candidates.get(0));
    }

    /** Sets a country's rate, creating it if it has none yet. */
    public TaxRate set(String country, BigDecimal rate) {
        TaxRate existing = em.find(TaxRate.class, key(country));
        if (existing != null) {
            existing.setRate(rate);
            return existing;
        }
        TaxRate created = new TaxRate(key(country), rate);
        em.persist(created);
        return created;
    }

    public void delete(String country) {
        TaxRate rate = find(country);
        if (TaxRate.DEFAULT.equals(rate.getCountry())) {
            throw new Conflict("The DEFAULT rate serves every country without its own rate; change it instead.");
        }
        em.remove(rate);
    }

    /** DEFAULT, or the ISO code of a country given by its code, English name or common alias ("Germany", "UK"). */
    private static String key(String country) {
        String upper = country.trim().toUpperCase(Locale.ROOT);
        if (upper.equals(TaxRate.DEFAULT)) {
            return upper;
        }
        return CountryNames.resolve(country).map(CountryCode::value).orElseThrow(() -> InvalidRequest.field("country",
                "'" + country + "' is neither a country (an ISO 3166-1 alpha-2 code such as DE, or a name such as "
                        + "Germany) nor DEFAULT"));
    }
}
