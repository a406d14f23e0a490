package com.ecommerce.analytics.platform.errors;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.logging.Logger;

import com.ecommerce.analytics.platform.database.ConnectionLost;
import com.ecommerce.analytics.platform.database.LockConflict;
import com.ecommerce.analytics.platform.rest.RequestIds;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * The last line: EJB and persistence wrappers are unwrapped and sent to the mapper of their cause;
 * a concurrent edit is a 409; a deadlock or lock timeout that no write retried (a read, an import) is a
 * 503 like an exhausted retry, and so is a connection to the database refused or lost (logged as a warning, as an
 * operator wants to know of a failover); anything else is logged as an incident and answered with a bare 500.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    Providers providers;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest servletRequest;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof OptimisticLockException) {
            return ApiError.response(Status.CONFLICT,
                    "The resource was changed by someone else at the same time; read it again and retry.");
        }
        if (LockConflict.inCausesOf(failure)) {
            return ApiExceptionMapper.answer(new StoreBusy(failure));
        }
        if (ConnectionLost.inCausesOf(failure)) {
            LOG.warning(() -> "Lost or refused connection to the database; answering 503 to " + request.getMethod()
                    + " " + uri.getRequestUri().getRawPath() + ": " + failure);
            return ApiExceptionMapper.answer(new DatabaseUnreachable(failure));
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
        return ApiError.response(Incident.record(request.getMethod(), uri.getRequestUri().getRawPath(),
                security == null || security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName(),
                RequestIds.of(servletRequest), failure));
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
