package io.baton.secrets;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the sandbox off (production), start-up stops with one line naming the setting to
 * change while the encryption key is missing or is the public demo key, or while Baton's
 * login secret is missing or is the sandbox's: anyone could open every stored secret, or
 * the login app's secret would go to Facebook.
 */
@Component
class ProductionSecretsCheck implements InitializingBean {

	/**
	 * The key {@code application.yml} ships for the sandbox demo: public, never secret.
	 */
	static final String DEMO_KEY = "ZGVtby1rZXktZm9yLWxvY2FsLXNhbmRib3gtb25seSE=";

	static final String SANDBOX_LOGIN_SECRET = "sandbox-login-secret";

	private final Environment environment;

	private final EncryptionSettings settings;

	ProductionSecretsCheck(Environment environment, EncryptionSettings settings) {
		this.environment = environment;
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.environment.getProperty("baton.sandbox.enabled", Boolean.class, true)) {
			return;
		}
		String key = this.settings.key();
		if (key == null || key.isBlank()) {
			throw new IllegalStateException("The Graph sandbox is off and no encryption key is set;"
					+ " set BATON_ENCRYPTION_KEY to the output of `openssl rand -base64 32`");
		}
		if (DEMO_KEY.equals(key.strip())) {
			throw new IllegalStateException("The Graph sandbox is off but baton.encryption.key is the public demo key;"
					+ " set BATON_ENCRYPTION_KEY to the output of `openssl rand -base64 32`");
		}
		String loginSecret = this.environment.getProperty("baton.login.client-secret", "");
		if (loginSecret.isBlank() || SANDBOX_LOGIN_SECRET.equals(loginSecret.strip())) {
			throw new IllegalStateException("The Graph sandbox is off but baton.login.client-secret is "
					+ (loginSecret.isBlank() ? "not set" : "the sandbox's")
					+ "; set BATON_LOGIN_CLIENT_SECRET to the app secret of Baton's Facebook Login app");
		}
	}

}
