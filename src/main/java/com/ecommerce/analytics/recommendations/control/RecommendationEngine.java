package com.ecommerce.analytics.recommendations.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.money.InStoreCurrency;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Recommendations for one customer from the model in use and the live catalogue: a few indexed reads. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RecommendationEngine {

    public record RecommendedProduct(long id, String name, BigDecimal price, long category, String categoryName,
                                     double score, String reason) implements InStoreCurrency {
    }

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    ModelCache cache;

    /** One connection and plain indexed reads: a request is a few milliseconds of SQL. */
    public List<RecommendedProduct> recommend(long customerId, RecommendationType type, int limit) {
        try (Connection db = dataSource.getConnection()) {
            String country = countryOf(db, customerId);
            StoredModel model = StoredModel.active(db, cache);
            StockedCatalog catalog = new StockedCatalog(db);
            List<Recommender.Bought> bought = model.purchasesOf(customerId);
            Recommender.Shopper shopper = new Recommender.Shopper(customerId, country, bought,
                    RecommendationModelBuild.epochDay(StoredTime.now()));
            List<Recommender.Recommendation> ranked = new Recommender(model, catalog).recommend(shopper, type, limit);
            Set<Long> named = new HashSet<>();
            ranked.forEach(r -> {
                named.add(r.product());
                named.add(r.reason().product());
            });
            Map<Long, StockedCatalog.Details> details = catalog.details(named);
            Map<Long, String> names = new HashMap<>();
            details.forEach((id, d) -> names.put(id, d.name()));
            return ranked.stream().map(r -> {
                StockedCatalog.Details product = details.get(r.product());
                return new RecommendedProduct(product.id(), product.name(), product.price(), product.category(),
                        product.categoryName(), Math.round(r.score() * 10_000) / 10_000.0, r.reason().text(names));
            }).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the recommendations", e);
        }
    }

    private static String countryOf(Connection db, long customerId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT country FROM customer WHERE id = ?")) {
            query.setLong(1, customerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw NotFound.of("Customer", customerId);
                }
                return row.getString(1);
            }
        }
    }
}
