package com.ecommerce.analytics.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Read answers a browser or BI tool may keep for a minute and then revalidate: they carry an ETag of their body, and
 * a request whose If-None-Match names it is answered 304 without the body (RevalidatedFilter).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Revalidated {
}
