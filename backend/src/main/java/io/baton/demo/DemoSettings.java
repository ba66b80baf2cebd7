package io.baton.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode.
 *
 * @param enabled create the demo tenant and make each new user a member of it
 */
@ConfigurationProperties("baton.demo")
record DemoSettings(@DefaultValue("false") boolean enabled) {
}
