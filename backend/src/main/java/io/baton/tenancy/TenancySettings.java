package io.baton.tenancy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tenancy module.
 *
 * @param invitationValidity how long an invitation link can be accepted
 */
@ConfigurationProperties("baton.tenancy")
public record TenancySettings(@DefaultValue("7d") Duration invitationValidity) {
}
