package com.ecommerce.analytics.orders.control;

import java.util.List;
import java.util.stream.Collectors;

import com.ecommerce.analytics.inventory.control.StockReservation.Shortage;
import com.ecommerce.analytics.platform.errors.ApiException;

import jakarta.ws.rs.core.Response.Status;

/** 409 naming every product that is short and what is left of it; nothing of the order was written. */
public class OutOfStock extends ApiException {

    private final List<Shortage> shortages;

    public OutOfStock(List<Shortage> shortages) {
        super(Status.CONFLICT, "Not enough stock: " + shortages.stream()
                .map(s -> "product " + s.product() + " (requested " + s.requested() + ", available " + s.available() + ")")
                .collect(Collectors.joining(", ")) + ". Nothing was changed.");
        this.shortages = List.copyOf(shortages);
    }

    @Override
    public List<?> shortages() {
        return shortages;
    }
}
