package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.platform.money.InStoreCurrency;

/**
 * A product's gross margin over a range: net revenue less the cost of the units sold net of refunds at the product's
 * cost price now (no history of cost prices is kept). Null, not 0, without a cost price.
 */
@Schema(name = "ProductMargin", description = "cost_of_goods_sold = units_sold x cost_price; gross_margin = "
        + "net_revenue - cost_of_goods_sold; both null without a cost price")
public record ProductMargin(long product, String sku, String name, long category, String categoryName,
                            @Schema(description = "Units sold in the range, net of units refunded in it") long unitsSold,
                            @Schema(description = "Gross sales less refunds in the range") BigDecimal netRevenue,
                            BigDecimal costPrice, BigDecimal costOfGoodsSold, BigDecimal grossMargin,
                            @Schema(description = "gross_margin / net_revenue; null without revenue or cost price")
                            Double grossMarginRate) implements InStoreCurrency {

    static ProductMargin of(ProductStock product, Measures sold) {
        long units = sold.units() - sold.refundedUnits();
        BigDecimal revenue = sold.net().setScale(2, RoundingMode.HALF_UP);
        BigDecimal cost = product.costPrice() == null ? null
                : product.costPrice().multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal margin = cost == null ? null : revenue.subtract(cost);
        return new ProductMargin(product.product(), product.sku(), product.name(), product.category(),
                product.categoryName(), units, revenue, product.costPrice(), cost, margin, rate(margin, revenue));
    }

    static Double rate(BigDecimal margin, BigDecimal revenue) {
        return margin == null || revenue.signum() == 0 ? null
                : margin.divide(revenue, 4, RoundingMode.HALF_UP).doubleValue();
    }
}
