package com.ecommerce.analytics.platform.database;

import java.util.function.Function;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test-only: runs a piece of work in a transaction of its own with the application's persistence unit. */
@Stateless
public class Transactions {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T run(Function<EntityManager, T> work) {
        T result = work.apply(em);
        em.flush();
        return result;
    }
}
