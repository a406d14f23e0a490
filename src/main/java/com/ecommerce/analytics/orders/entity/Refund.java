package com.ecommerce.analytics.orders.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

/** Money given back for some units of an order, on its own date; the order itself stays as it was. */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "refund_date", nullable = false)
    private Instant refundDate;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount = BigDecimal.ZERO.setScale(2);

    @Column(nullable = false)
    private boolean restocked;

    @Column(length = 500)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "refund", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<RefundItem> items = new ArrayList<>();

    protected Refund() {
    }

    public Refund(Order order, Instant refundDate, boolean restocked, String reason) {
        this.order = order;
        this.refundDate = refundDate;
        this.restocked = restocked;
        this.reason = reason;
    }

    public void add(OrderItem line, int quantity) {
        RefundItem item = new RefundItem(this, line, quantity);
        items.add(item);
        amount = amount.add(item.getAmount());
    }

    @PrePersist
    void stampCreation() {
        createdAt = StoredTime.now();
    }

    public Long getId() {
        return id;
    }

    public Order getOrder() {
        return order;
    }

    public Instant getRefundDate() {
        return refundDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public boolean isRestocked() {
        return restocked;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<RefundItem> getItems() {
        return items;
    }
}
