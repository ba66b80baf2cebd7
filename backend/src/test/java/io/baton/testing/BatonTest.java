package io.baton.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a real port against a PostgreSQL database of its own, with the
 * settings of {@code baton-test.properties}. Spring caches the context, so every class
 * with the same settings shares one running application and one database: each test makes
 * its own tenant, apps, pages and sandbox people, and asserts on those, never on the
 * whole database.
 * <p>
 * {@link #properties()} adds settings, which makes another context (and database). Where
 * several classes need the same ones, a flavour annotation names them once
 * ({@link BatonDemoTest}, {@link BatonChecksTest}); a class alone with its settings adds
 * {@code @DirtiesContext}, so that its context is closed after it. A class that needs a
 * database nobody else has touched does the same with a {@code baton.test.label} of its
 * own ({@code @DirtiesContext} on a shared context would close it for everyone).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@TestPropertySource(locations = "classpath:baton-test.properties")
@ContextConfiguration(initializers = BatonTestContext.class)
public @interface BatonTest {

	/** Settings beyond {@code baton-test.properties}, {@code key=value}. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
