package io.baton.web;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.baton.platform.BatonSettings;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox lets anyone sign in and read its apps' secrets: on a public address Baton
 * warns at start and shows a banner on every page.
 */
class PublicSandboxWarningTests {

	@Test
	void warnsWhenTheSandboxIsOnAtAPublicAddress() {
		assertThat(warning(true, "https://baton.example.com").shown()).isTrue();
		assertThat(warning(true, "http://10.0.0.5:8080").shown()).isTrue();
	}

	@Test
	void staysQuietOnLoopbackOrWithTheSandboxOff() {
		assertThat(warning(true, "http://localhost:8080").shown()).isFalse();
		assertThat(warning(true, "http://127.0.0.1:8080").shown()).isFalse();
		assertThat(warning(true, "http://[::1]:8080").shown()).isFalse();
		assertThat(warning(false, "https://baton.example.com").shown()).isFalse();
	}

	@Test
	void putsTheBannerInTheModelOfEveryPage() {
		assertThat(warning(true, "https://baton.example.com").publicSandbox()).isTrue();
		assertThat(warning(true, "http://localhost:8080").publicSandbox()).isFalse();
	}

	private static PublicSandboxWarning warning(boolean sandbox, String publicUrl) {
		return new PublicSandboxWarning(
				new MockEnvironment().withProperty("baton.sandbox.enabled", Boolean.toString(sandbox)),
				new BatonSettings(URI.create(publicUrl)));
	}

}
