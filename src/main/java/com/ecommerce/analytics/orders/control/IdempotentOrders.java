package com.ecommerce.analytics.orders.control;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import java.util.function.Function;

import com.ecommerce.analytics.orders.entity.IdempotencyRecord;
import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.platform.errors.Causes;
import com.ecommerce.analytics.platform.errors.Unprocessable;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * POST /api/orders/ with an Idempotency-Key: the first request places the order and stores its answer in
 * the same transaction; a retry with the same body gets that answer and places nothing; the same key with
 * another body is 422. When two requests race with one key, the database's unique key lets one win and
 * the other replays its answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotentOrders {

    /** The answer to send: the stored one, or the one just made. */
    public record Answer(int status, String body, boolean replayed) {
    }

    @Inject
    IdempotencyKeys keys;

    @Inject
    OrderPlacement placement;

    public Answer place(NewOrder input, IdempotencyKeys.Key key, Function<Order, String> render) {
        Optional<Answer> earlier = replay(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new Answer(201, placement.placeRemembering(input, key, render), false);
        } catch (EJBException e) {
            if (Causes.include(e, SQLIntegrityConstraintViolationException.class)) {
                return replay(key).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<Answer> replay(IdempotencyKeys.Key key) {
        Optional<IdempotencyRecord> stored = keys.find(key);
        stored.filter(record -> !record.getRequestHash().equals(key.requestHash())).ifPresent(record -> {
            throw new Unprocessable("This Idempotency-Key was already used with a different request body.");
        });
        return stored.map(record -> new Answer(record.getResponseStatus(), record.getResponseBody(), true));
    }
}
