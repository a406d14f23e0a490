package com.ecommerce.analytics.customers.control;

import com.ecommerce.analytics.customers.entity.Customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client may set on a customer; id and registration date belong to the server. */
public record CustomerInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB or DE")
        String country) {

    public static CustomerInput of(Customer customer) {
        return new CustomerInput(customer.getName(), customer.getEmail(), customer.getCountry().value());
    }
}
