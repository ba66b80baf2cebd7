package io.baton.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application with every page token and every app due for its scheduled check
 * at each run ({@code TokenChecks.runOnce()}, {@code SubscriptionReconciler.runOnce()}),
 * which only the tests start. A run takes a bounded batch of what is due across tenants,
 * so these tests share a context and a database of their own, where their few tokens and
 * apps always fit in one run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BatonTest(properties = { "baton.tokens.check-every=0s", "baton.reconciler.every=0s" })
public @interface BatonChecksTest {

}
