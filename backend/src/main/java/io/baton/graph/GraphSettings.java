package io.baton.graph;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how Baton calls Graph.
 *
 * @param baseUrl Graph's root without version: {@code https://graph.facebook.com} live,
 * {@code {public-url}/sandbox/graph} with the sandbox
 * @param version the API version every call names
 * @param timeout how long one call may take
 * @param pageSize how many items a paged list asks for at a time
 */
@ConfigurationProperties("baton.graph")
public record GraphSettings(URI baseUrl, @DefaultValue("v24.0") String version, @DefaultValue("10s") Duration timeout,
		@DefaultValue("100") int pageSize) {

	String root() {
		return root(this.version);
	}

	/** Graph's root under another version than the configured one. */
	String root(String otherVersion) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + otherVersion;
	}

}
