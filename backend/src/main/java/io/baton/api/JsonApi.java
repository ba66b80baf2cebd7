package io.baton.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of Baton's JSON API under {@code /api/v1}, in whichever feature module it
 * lives: its failures are answered as problem details. {@link #KEY} and {@link #SESSION}
 * name the two ways in for {@link SecurityRequirement}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface JsonApi {

	/** An app's API key as a bearer token: acts for that app only. */
	String KEY = "bearerAuth";

	/** A signed-in dashboard session. */
	String SESSION = "session";

}
