package com.ecommerce.analytics.orders.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.customers.entity.Customer;

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
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    /** The customer's id without loading the customer: listing orders must not cost a query per row. */
    @Column(name = "customer_id", insertable = false, updatable = false)
    private Long customerId;

    /** Where the order was sold: the customer's country when it was placed. */
    @Column(nullable = false, length = 2)
    private CountryCode country;

    @Column(name = "order_date", nullable = false)
    private Instant orderDate;

    @Column(nullable = false, length = 16)
    private OrderStatus status = OrderStatus.PENDING;

    @Column(name = "total_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal totalAmount = BigDecimal.ZERO.setScale(2);

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchFetch(BatchFetchType.IN)
    @OrderBy("id")
    private List<OrderItem> items = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The record's number in the merchant's earlier system, set by imports only. */
    @Column(name = "external_reference", length = 64, insertable = false, updatable = false)
    private String externalReference;

    @Version
    private long version;

    protected Order() {
    }

    public Order(Customer customer, Instant orderDate) {
        this.customer = customer;
        this.country = customer.getCountry();
        this.orderDate = orderDate;
    }

    /** Adds a line and keeps the total equal to the sum of quantity x unit price. */
    public OrderItem addItem(Product product, int quantity, BigDecimal unitPrice) {
        OrderItem item = new OrderItem(this, product, quantity, unitPrice);
        items.add(item);
        totalAmount = totalAmount.add(item.lineTotal());
        return item;
    }

    public void removeItem(OrderItem item) {
        items.remove(item);
        recalculateTotal();
    }

    /** Keeps total_amount equal to the sum of quantity x unit price after a line changed. */
    public void recalculateTotal() {
        totalAmount = items.stream().map(OrderItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    @PrePersist
    void stampCreation() {
        createdAt = StoredTime.now();
        updatedAt = createdAt;
        if (orderDate == null) {
            orderDate = createdAt;
        }
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = StoredTime.now();
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public long customerId() {
        return customerId != null ? customerId : customer.getId();
    }

    public void setOrderDate(Instant orderDate) {
        this.orderDate = orderDate;
    }

    public CountryCode getCountry() {
        return country;
    }

    public Instant getOrderDate() {
        return orderDate;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public List<OrderItem> getItems() {
        return items;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public String getExternalReference() {
        return externalReference;
    }
}
