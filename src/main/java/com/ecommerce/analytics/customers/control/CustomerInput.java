package com.ecommerce.analytics.customers.control;

import com.ecommerce.analytics.customers.entity.Customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client may set on a customer; id and registration date belong to the server. The country may be an ISO code,
 * an English name or an alias ("USA", "UK"); the customer keeps its ISO code.
 */
public record CustomerInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 60) String country) {

    public static CustomerInput of(Customer customer) {
        return new CustomerInput(customer.getName(), customer.getEmail(), customer.getCountry().value());
    }
}
