package com.ecommerce.analytics.customers.control;

import java.time.Instant;

import com.ecommerce.analytics.customers.entity.Customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client may set on a customer; the id belongs to the server. The country may be an ISO code, an English name
 * or an alias ("USA", "UK"); the customer keeps its ISO code. The registration date, as the earlier service let its
 * clients set it, is now when left out on create, and kept when left out on a change.
 */
public record CustomerInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 60) String country,
        Instant registrationDate) {

    public static CustomerInput of(Customer customer) {
        return new CustomerInput(customer.getName(), customer.getEmail(), customer.getCountry().value(),
                customer.getRegistrationDate());
    }
}
