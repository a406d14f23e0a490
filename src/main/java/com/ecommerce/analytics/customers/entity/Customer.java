package com.ecommerce.analytics.customers.entity;

import java.time.Instant;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(nullable = false, length = 2)
    private CountryCode country;

    @Column(name = "registration_date", nullable = false)
    private Instant registrationDate;

    /** The record's number in the merchant's earlier system, set by imports only. */
    @Column(name = "external_reference", length = 64, insertable = false, updatable = false)
    private String externalReference;

    /** Null in rows stored before V17: see createdAt(). */
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {
    }

    public Customer(String name, String email, CountryCode country) {
        this.name = name;
        this.email = email;
        this.country = country;
    }

    @PrePersist
    void stampCreation() {
        createdAt = StoredTime.now();
        updatedAt = createdAt;
        if (registrationDate == null) {
            registrationDate = createdAt;
        }
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = StoredTime.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public CountryCode getCountry() {
        return country;
    }

    public void setCountry(CountryCode country) {
        this.country = country;
    }

    public Instant getRegistrationDate() {
        return registrationDate;
    }

    public void setRegistrationDate(Instant registrationDate) {
        this.registrationDate = registrationDate;
    }

    /** When the row was stored; for a customer stored before the column existed, the registration date. */
    public Instant createdAt() {
        return createdAt != null ? createdAt : registrationDate;
    }

    public Instant updatedAt() {
        return updatedAt != null ? updatedAt : createdAt();
    }

    public long getVersion() {
        return version;
    }

    public String getExternalReference() {
        return externalReference;
    }
}
