package com.ecommerce.analytics.platform.errors;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * The last line: EJB and persistence wrappers are unwrapped and sent to the mapper of their cause;
 * a concurrent edit is a 409; anything else is logged here and answered with a bare 500.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof OptimisticLockException) {
            return ApiError.response(Status.CONFLICT,
                    "The resource was changed by someone else at the same time; read it again and retry.");
        }
        if (Causes.include(failure, SQLIntegrityConstraintViolationException.class)) {
            return ApiError.response(Status.CONFLICT, "The change conflicts with existing data (a duplicate or a "
                    + "record still in use); read the current state and retry.");
        }
        if (cause != failure) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            if (mapper != null && mapper.getClass() != getClass()) {
                return mapper.toResponse(cause);
            }
        }
        LOG.log(Level.SEVERE, "Unhandled failure while serving a request", failure);
        return ApiError.response(Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
    }


    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof EJBException || current instanceof PersistenceException
                && !(current instanceof OptimisticLockException)) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
