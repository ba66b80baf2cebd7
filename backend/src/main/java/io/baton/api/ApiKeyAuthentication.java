package io.baton.api;

import java.util.List;

import io.baton.apps.ApiKeyHolder;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an app's API key, on the JSON API or the bot API; it lives
 * for that request only.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	public static final String AUTHORITY = "API_KEY";

	private final ApiKeyHolder holder;

	public ApiKeyAuthentication(ApiKeyHolder holder) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.holder = holder;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public ApiKeyHolder getPrincipal() {
		return this.holder;
	}

	@Override
	public String getName() {
		return this.holder.prefix();
	}

}
