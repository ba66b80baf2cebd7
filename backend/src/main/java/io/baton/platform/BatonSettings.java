package io.baton.platform;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every module shares.
 *
 * @param publicUrl where people and Facebook reach Baton; links and callback URLs are
 * built from it
 */
@ConfigurationProperties("baton")
public record BatonSettings(URI publicUrl) {

	/** An absolute link to a path of Baton's. */
	public String link(String path) {
		String base = this.publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
