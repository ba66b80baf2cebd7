package io.baton.apps;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.baton.platform.BatonSettings;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Endpoint policies as the application builds them, from its settings. */
final class Policies {

	static final String BATON = "http://baton.lan:8080";

	private Policies() {
	}

	/** Production's: the sandbox is off. */
	static BotEndpointPolicy production(HostsTable hosts, String... properties) {
		return policy(hosts, false, properties);
	}

	/** The sandbox's: local bots and the demo bot too. */
	static BotEndpointPolicy sandbox(HostsTable hosts, String... properties) {
		return policy(hosts, true, properties);
	}

	private static BotEndpointPolicy policy(HostsTable hosts, boolean local, String... properties) {
		Map<String, String> values = new HashMap<>();
		values.put("baton.apps.local-endpoints", Boolean.toString(local));
		for (String property : properties) {
			String[] pair = property.split("=", 2);
			values.put("baton.apps." + pair[0], pair[1]);
		}
		AppsSettings settings = new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("baton.apps",
				AppsSettings.class);
		return new BotEndpointPolicy(settings, new BatonSettings(URI.create(BATON)), hosts);
	}

}
