package io.baton.tenancy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tenancy module.
 *
 * @param invitationValidity how long an invitation link can be accepted
 * @param maxOwnedTenants how many tenants one person may own (anyone who signs in with
 * Facebook may create tenants)
 * @param maxPendingInvitations how many invitations a tenant may have waiting
 */
@ConfigurationProperties("baton.tenancy")
public record TenancySettings(@DefaultValue("7d") Duration invitationValidity, @DefaultValue("10") int maxOwnedTenants,
		@DefaultValue("100") int maxPendingInvitations) {
}
