package com.ecommerce.analytics.customers.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.customers.entity.Customer;
import com.ecommerce.analytics.platform.database.Listing;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.database.SaneDates;
import com.ecommerce.analytics.platform.database.Uniqueness;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;

@Stateless
public class Customers {

    public static final Map<String, String> ORDERING = Map.of("id", "id", "name", "name", "email", "email",
            "country", "country", "registration_date", "registrationDate");
    /** No two customers share an e-mail address. */
    public static final Set<String> UNIQUE = Set.of("email");

    public record Filter(String country, String email, String search) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CustomerRegistered> registered;

    /** Without a transaction, which would add three round trips to the listing's statements. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<Customer> list(Filter filter, SortOrder sort, PageRequest page) {
        CountryCode country = filter.country() == null || filter.country().isBlank() ? null
                : CountryNames.required(filter.country());
        return Listing.of(em, Customer.class).where(filter, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (country != null) {
                where.add(cb.equal(root.get("country"), country));
            }
            if (filter.email() != null && !filter.email().isBlank()) {
                where.add(cb.equal(cb.lower(root.get("email")), filter.email().trim().toLowerCase(Locale.ROOT)));
            }
            if (filter.search() != null && !filter.search().isBlank()) {
                String pattern = "%" + filter.search().trim().toLowerCase(Locale.ROOT) + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("name")), pattern), cb.like(cb.lower(root.get("email")), pattern)));
            }
            return where;
        }).page(sort, page);
    }

    /** A read by id, without a transaction: one statement where a transaction adds three round trips. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Customer find(long id) {
        return Lookup.byId(em, Customer.class, id, "Customer");
    }

    public Customer create(CustomerInput input) {
        String email = input.email().trim().toLowerCase(Locale.ROOT);
        Uniqueness.require(em, Customer.class, "email", "email", email, null);
        Customer customer = new Customer(input.name(), email, CountryNames.required(input.country()));
        if (input.registrationDate() != null) {
            customer.setRegistrationDate(SaneDates.registrationDate(input.registrationDate()));
        }
        em.persist(customer);
        em.flush();
        registered.fire(new CustomerRegistered(customer.getId()));
        return customer;
    }

    public Customer update(long id, CustomerInput input) {
        Customer customer = find(id);
        String email = input.email().trim().toLowerCase(Locale.ROOT);
        Uniqueness.require(em, Customer.class, "email", "email", email, id);
        customer.setName(input.name());
        customer.setEmail(email);
        customer.setCountry(CountryNames.required(input.country()));
        if (input.registrationDate() != null) {
            customer.setRegistrationDate(SaneDates.registrationDate(input.registrationDate()));
        }
        return customer;
    }

    /** A customer with orders is part of the sales history and stays. */
    public void delete(long id) {
        Customer customer = find(id);
        long orders = em.createQuery("SELECT COUNT(o) FROM Order o WHERE o.customer = :customer", Long.class)
                .setParameter("customer", customer).getSingleResult();
        if (orders > 0) {
            throw new Conflict("Customer " + id + " has " + orders + " orders and is kept for the sales history.");
        }
        em.remove(customer);
    }

}
