package com.ecommerce.analytics.recommendations.boundary;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.QueryValues;
import com.ecommerce.analytics.recommendations.control.OfflineEvaluation;
import com.ecommerce.analytics.recommendations.control.RecommendationEngine.RecommendedProduct;
import com.ecommerce.analytics.recommendations.control.RecommendationEngine;
import com.ecommerce.analytics.recommendations.control.RecommendationModelBuild;
import com.ecommerce.analytics.recommendations.control.RecommendationType;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("api/recommendations")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "What to offer a customer, from a model of the store's orders")
public class RecommendationsResource {

    static final int MAX_LIMIT = 100;

    @Inject
    RecommendationEngine engine;

    @Inject
    RecommendationModelBuild build;

    @Inject
    OfflineEvaluation evaluation;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Path("{customer_id}")
    @Operation(operationId = "getRecommendations",
            summary = "Products to recommend to a customer", description = "history: products often bought with "
            + "what the customer bought (item-to-item collaborative filtering, recent purchases weigh more); "
            + "similar_customers (or similar_customer): what the customer's nearest customers bought; inventory: "
            + "products in healthy stock ranked by the customer's category affinity and popularity in their country; "
            + "no type: a blend of the three. Never a product the customer bought, an inactive product or one out of "
            + "stock. A type that finds too few, or a customer with no orders, is filled with the best sellers of "
            + "the customer's country. Each item has a score (1 = the best match) and a reason.")
    @APIResponse(responseCode = "400", description = "Unknown type or a limit outside 1-100")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponseSchema(value = RecommendedProduct[].class, responseCode = "200",
            responseDescription = "Up to limit products, best first")
    public List<RecommendedProduct> recommend(@PathParam("customer_id") long customerId,
                                              @QueryParam("type") @Parameter(description = "history, similar_customers, "
                                                      + "inventory, or none for a blend") String type,
                                              @QueryParam("limit") @Parameter(description = "1-100, default 10")
                                              String limit) {
        RecommendationType kind = RecommendationType.fromCode(type).orElseThrow(() -> InvalidRequest.field("type",
                "'" + type + "' is not one of history, similar_customers, inventory (or none, for a blend)"));
        return engine.recommend(customerId, kind, limit(limit));
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Rebuild the recommendation model now", description = "Learns product and customer "
            + "similarities and best sellers from every order, then puts the new model in use for every instance "
            + "before answering. The server also rebuilds every RECOMMENDATIONS_REBUILD_HOURS (default 24).")
    @APIResponse(responseCode = "409", description = "Another rebuild is running")
    @APIResponseSchema(value = RecommendationModelBuild.Result.class, responseCode = "200",
            responseDescription = "The model now in use, with its size and build time")
    public RecommendationModelBuild.Result rebuild() {
        return build.rebuild();
    }

    @GET
    @APIResponse(responseCode = "403", description = "Only admins")
    @Path("evaluation")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Offline evaluation of the recommendations", description = "Temporal hold-out: a model "
            + "trained in memory on the orders before cut_off ranks 10 products for a sample of the customers who "
            + "bought before and after it; precision@10, recall@10, hit rate@10 and NDCG@10 against the products "
            + "each then bought for the first time, for every type and for a best-sellers baseline.")
    @APIResponse(responseCode = "400", description = "A bad cut_off or customers value, or a store without orders")
    @APIResponseSchema(value = OfflineEvaluation.Report.class, responseCode = "200", responseDescription = "Found")
    public OfflineEvaluation.Report evaluate(@QueryParam("cut_off") @Parameter(description = "YYYY-MM-DD; default 90 "
                                                     + "days before the last order") String cutOff,
                                             @QueryParam("customers") @Parameter(description = "Customers to sample, "
                                                     + "1-100000, default 2000") String customers) {
        Integer sample = QueryValues.whole("customers", customers);
        if (sample != null && (sample < 1 || sample > 100_000)) {
            throw InvalidRequest.field("customers", "must be between 1 and 100000");
        }
        return evaluation.evaluate(QueryValues.date("cut_off", cutOff), sample == null ? 2_000 : sample);
    }

    private static int limit(String raw) {
        Integer limit = QueryValues.whole("limit", raw);
        if (limit == null) {
            return 10;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequest.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
