package io.baton.graph;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the sandbox off (production), Baton must be pointed at the real Graph and Login
 * dialog: start-up stops with a clear message while either still names the sandbox,
 * instead of failing later on every call.
 */
@Component
class LiveGraphCheck implements InitializingBean {

	private final Environment environment;

	private final GraphSettings settings;

	LiveGraphCheck(Environment environment, GraphSettings settings) {
		this.environment = environment;
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.environment.getProperty("baton.sandbox.enabled", Boolean.class, true)) {
			return;
		}
		if (pointsAtSandbox(this.settings.baseUrl().toString())) {
			throw new IllegalStateException("The Graph sandbox is off but baton.graph.base-url still points at it ("
					+ this.settings.baseUrl() + "); set BATON_GRAPH_BASE_URL=https://graph.facebook.com");
		}
		String dialog = this.environment.getProperty("baton.login.dialog-url", "");
		if (pointsAtSandbox(dialog)) {
			throw new IllegalStateException("The Graph sandbox is off but baton.login.dialog-url still points at it ("
					+ dialog + "); set BATON_LOGIN_DIALOG_URL=https://www.facebook.com/v24.0/dialog/oauth");
		}
	}

	private static boolean pointsAtSandbox(String url) {
		return url.contains("/sandbox/");
	}

}
