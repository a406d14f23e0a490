package com.ecommerce.analytics.orders.control;

import com.ecommerce.analytics.orders.entity.Refund;

/** A refund starts (+1) or stops (-1) counting: it was issued, or its order was canceled or reopened. */
public record RefundCounted(Refund refund, int sign) {
}
