package com.ecommerce.analytics.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.Principal;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;

class UnexpectedErrorMapperTest {

    @RegisterExtension
    final IncidentLog incidents = new IncidentLog();
    private final UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();

    @BeforeEach
    void serveARequest() {
        mapper.uri = stub(UriInfo.class, Map.of("getRequestUri", URI.create("http://shop/api/orders/42/?x=1")));
        mapper.request = stub(Request.class, Map.of("getMethod", "PUT"));
        mapper.providers = stub(Providers.class, Map.of());
        mapper.security = stub(SecurityContext.class, Map.of("getUserPrincipal", stub(Principal.class, Map.of("getName",
                "analyst-7"))));
    }

    @Test
    void aDeadlockThatEscapedIsA503WithRetryAfterAndNoIncident() {
        Response response = mapper.toResponse(new EJBException(new PersistenceException(
                new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        ApiError body = (ApiError) response.getEntity();
        assertEquals("Service Unavailable", body.error());
        assertTrue(body.message().contains("busy"), body.message());
        assertNull(body.incident());
        assertTrue(incidents.lines().isEmpty());
    }

    @Test
    void anUnexpectedFailureIsA500WhoseIncidentIdTheLogNamesWithMethodPathAndUser() {
        IllegalStateException failure = new IllegalStateException("broken invariant");
        Response response = mapper.toResponse(failure);
        assertEquals(500, response.getStatus());
        ApiError body = (ApiError) response.getEntity();
        assertNotNull(UUID.fromString(body.incident()));
        assertEquals(body.message(), body.detail());
        assertTrue(body.message().contains(body.incident()), body.message());

        assertEquals(1, incidents.lines().size());
        LogRecord line = incidents.lines().get(0);
        assertEquals(Level.SEVERE, line.getLevel());
        assertTrue(line.getMessage().contains(body.incident()), line.getMessage());
        assertTrue(line.getMessage().contains("PUT /api/orders/42/ by user analyst-7"), line.getMessage());
        assertSame(failure, line.getThrown());
    }

    @Test
    void aDuplicateIsStillA409WithoutIncident() {
        Response response = mapper.toResponse(new EJBException(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertEquals(409, response.getStatus());
        assertNull(((ApiError) response.getEntity()).incident());
        assertTrue(incidents.lines().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.get(method.getName()));
    }
}
