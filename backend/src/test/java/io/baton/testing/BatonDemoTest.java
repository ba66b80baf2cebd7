package io.baton.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application in demo mode, as it runs for someone trying Baton out: the Demo
 * Shop with its apps and pages, every new user an admin of it. One context, shared by the
 * classes that look at demo mode; the others run without it ({@link BatonTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BatonTest(properties = "baton.demo.enabled=true")
public @interface BatonDemoTest {

}
