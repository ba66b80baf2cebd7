package io.baton.onboarding;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of page onboarding.
 *
 * @param dialogUrl Facebook Login's dialog (the sandbox's by default)
 * @param scopes the permissions asked for
 * @param requiredScopes the permissions without which a page cannot be connected
 * @param validity how long a started connection may take to come back
 */
@ConfigurationProperties("baton.onboarding")
public record OnboardingSettings(String dialogUrl, @DefaultValue( {
		"pages_messaging", "pages_show_list", "pages_manage_metadata" }) List<String> scopes,
		@DefaultValue({ "pages_messaging", "pages_show_list", "pages_manage_metadata" }) List<String> requiredScopes,
		@DefaultValue("15m") Duration validity){
}
