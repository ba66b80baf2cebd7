package io.baton.apps;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the apps module.
 *
 * @param webhookFields the page fields Baton subscribes every app to
 * @param allowPlainHttpEndpoints accept {@code http://} bot endpoints (sandbox mode only;
 * live bots must use HTTPS)
 */
@ConfigurationProperties("baton.apps")
public record AppsSettings(@DefaultValue( {
		"messages", "messaging_postbacks", "messaging_optins", "messaging_referrals", "message_deliveries",
		"message_reads", "message_echoes", "message_reactions", "messaging_handovers", "standby",
		"messaging_account_linking", "messaging_policy_enforcement" }) List<String> webhookFields,
		@DefaultValue("false") boolean allowPlainHttpEndpoints){
}
