package io.baton.apps;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the apps module.
 *
 * @param webhookFields the page fields Baton subscribes every app to
 * @param localEndpoints also accept what a local sandbox needs: {@code http://} bot
 * endpoints, loopback addresses on any port and Baton's own public URL (the sandbox's
 * demo bot); on with the sandbox, off in production. Link-local (metadata) addresses are
 * refused either way
 * @param endpointPorts ports a bot endpoint may use besides its scheme's default (443, or
 * 80 for {@code http://})
 * @param directoryCacheFor how long an answer of the app directory (an app's tenant and
 * secret, or that an id is unknown) is kept in memory; another process's change to an app
 * (a new secret, say) reaches this one within it
 * @param directoryCacheSize answers kept beyond which ids found unknown are no longer
 * remembered (registered apps always are)
 */
@ConfigurationProperties("baton.apps")
public record AppsSettings(@DefaultValue( {
		"messages", "messaging_postbacks", "messaging_optins", "messaging_referrals", "message_deliveries",
		"message_reads", "message_echoes", "message_reactions", "messaging_handovers", "standby",
		"messaging_account_linking", "messaging_policy_enforcement" }) List<String> webhookFields,
		@DefaultValue("false") boolean localEndpoints, @DefaultValue List<Integer> endpointPorts,
		@DefaultValue("30s") Duration directoryCacheFor, @DefaultValue("10000") int directoryCacheSize){
}
