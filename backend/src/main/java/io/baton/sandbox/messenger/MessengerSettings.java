package io.baton.sandbox.messenger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messenger's rules in the sandbox ({@code baton.sandbox.messenger.*}).
 *
 * @param window the standard messaging window opened by the person (24 hours)
 * @param humanAgentWindow how long after the person's last message {@code HUMAN_AGENT}
 * may be used (7 days)
 * @param threadControlIdle a secondary receiver's thread control lapses back to the
 * primary after this long without activity (24 hours)
 * @param otnValidity how long a one-time notification token is good (1 year)
 * @param pageInboxAppId the Page Inbox app, a secondary receiver of every page
 */
@ConfigurationProperties("baton.sandbox.messenger")
public record MessengerSettings(@DefaultValue("24h") Duration window, @DefaultValue("7d") Duration humanAgentWindow,
		@DefaultValue("24h") Duration threadControlIdle, @DefaultValue("365d") Duration otnValidity,
		@DefaultValue("263902037430900") String pageInboxAppId) {

}
