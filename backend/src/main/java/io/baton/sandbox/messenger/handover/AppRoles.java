package io.baton.sandbox.messenger.handover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The handover roles of the apps on one page.
 *
 * @param roles app id to {@value #PRIMARY} or {@value #SECONDARY}
 */
public record AppRoles(Map<String, String> roles) {

	public static final String PRIMARY = "primary_receiver";

	public static final String SECONDARY = "secondary_receiver";

	public @Nullable String primary() {
		return this.roles.entrySet()
			.stream()
			.filter((role) -> PRIMARY.equals(role.getValue()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	public boolean hasRole(String appId) {
		return this.roles.containsKey(appId);
	}

	public boolean isPrimary(String appId) {
		return PRIMARY.equals(this.roles.get(appId));
	}

	public Optional<String> roleOf(String appId) {
		return Optional.ofNullable(this.roles.get(appId));
	}

	static AppRoles withPageInbox(Map<String, String> stored, String pageInboxAppId) {
		Map<String, String> roles = new LinkedHashMap<>(stored);
		roles.putIfAbsent(pageInboxAppId, SECONDARY);
		return new AppRoles(roles);
	}

}
