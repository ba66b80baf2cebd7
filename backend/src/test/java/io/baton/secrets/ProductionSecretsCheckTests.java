package io.baton.secrets;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the sandbox off, Baton refuses to start with the public demo key, the sandbox's
 * login secret or no key at all, and names the one setting to change.
 */
class ProductionSecretsCheckTests {

	private static final String DEMO_KEY = "ZGVtby1rZXktZm9yLWxvY2FsLXNhbmRib3gtb25seSE=";

	private static final String REAL_KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@Test
	void refusesTheDemoEncryptionKeyWithTheSandboxOff() {
		assertThatThrownBy(() -> check(production(), DEMO_KEY).afterPropertiesSet())
			.hasMessageContaining("BATON_ENCRYPTION_KEY")
			.hasMessageContaining("demo")
			.hasMessageNotContaining("\n");
	}

	@Test
	void refusesAMissingEncryptionKeyWithTheSandboxOff() {
		assertThatThrownBy(() -> check(production(), null).afterPropertiesSet())
			.hasMessageContaining("BATON_ENCRYPTION_KEY")
			.hasMessageNotContaining("\n");
		assertThatThrownBy(() -> check(production(), " ").afterPropertiesSet())
			.hasMessageContaining("BATON_ENCRYPTION_KEY");
	}

	@Test
	void refusesTheSandboxLoginSecretWithTheSandboxOff() {
		MockEnvironment production = production().withProperty("baton.login.client-secret", "sandbox-login-secret");

		assertThatThrownBy(() -> check(production, REAL_KEY).afterPropertiesSet())
			.hasMessageContaining("BATON_LOGIN_CLIENT_SECRET")
			.hasMessageNotContaining("\n");
	}

	@Test
	void refusesNoLoginSecretWithTheSandboxOff() {
		MockEnvironment production = new MockEnvironment().withProperty("baton.sandbox.enabled", "false");

		assertThatThrownBy(() -> check(production, REAL_KEY).afterPropertiesSet())
			.hasMessageContaining("BATON_LOGIN_CLIENT_SECRET");
	}

	@Test
	void startsWithRealSecretsLiveAndWithTheDemoOnesInTheSandbox() {
		MockEnvironment sandbox = new MockEnvironment().withProperty("baton.sandbox.enabled", "true")
			.withProperty("baton.login.client-secret", "sandbox-login-secret");
		MockEnvironment sandboxByDefault = new MockEnvironment();

		assertThatNoException().isThrownBy(() -> check(production(), REAL_KEY).afterPropertiesSet());
		assertThatNoException().isThrownBy(() -> check(sandbox, DEMO_KEY).afterPropertiesSet());
		assertThatNoException().isThrownBy(() -> check(sandboxByDefault, DEMO_KEY).afterPropertiesSet());
	}

	private static MockEnvironment production() {
		return new MockEnvironment().withProperty("baton.sandbox.enabled", "false")
			.withProperty("baton.login.client-secret", "a-real-facebook-app-secret");
	}

	private static ProductionSecretsCheck check(MockEnvironment environment, String key) {
		return new ProductionSecretsCheck(environment, new EncryptionSettings(key, "1", Map.of(), false));
	}

}
