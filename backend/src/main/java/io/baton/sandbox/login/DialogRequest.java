package io.baton.sandbox.login;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The parameters the dialog was opened with; carried through its forms as hidden fields
 * and checked again on every step.
 */
record DialogRequest(String clientId, String redirectUri, String state, String scope, String responseType,
		String authType) {

	static final String PUBLIC_PROFILE = "public_profile";

	static DialogRequest from(MultiValueMap<String, String> parameters) {
		return new DialogRequest(value(parameters, "client_id"), value(parameters, "redirect_uri"),
				value(parameters, "state"), value(parameters, "scope"), value(parameters, "response_type"),
				value(parameters, "auth_type"));
	}

	/** {@code public_profile} first, then what {@code scope} asks for, once each. */
	List<String> permissions() {
		Set<String> permissions = new LinkedHashSet<>();
		permissions.add(PUBLIC_PROFILE);
		Arrays.stream(this.scope.split("[,\\s]+"))
			.map(String::strip)
			.filter((permission) -> permission.matches("[a-z_]+"))
			.forEach(permissions::add);
		return new ArrayList<>(permissions);
	}

	boolean rerequest() {
		return "rerequest".equals(this.authType);
	}

	/** Only the authorization-code flow is emulated; Facebook's default is code too. */
	boolean codeFlow() {
		return this.responseType.isEmpty() || "code".equals(this.responseType);
	}

	String dialogUrl() {
		return UriComponentsBuilder.fromPath("/sandbox/dialog/oauth")
			.queryParam("client_id", "{clientId}")
			.queryParam("redirect_uri", "{redirectUri}")
			.queryParam("state", "{state}")
			.queryParam("scope", "{scope}")
			.queryParam("response_type", "{responseType}")
			.queryParam("auth_type", "{authType}")
			.encode()
			.buildAndExpand(this.clientId, this.redirectUri, this.state, this.scope, this.responseType, this.authType)
			.toUriString();
	}

	private static String value(MultiValueMap<String, String> parameters, String name) {
		@Nullable String value = parameters.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

}
