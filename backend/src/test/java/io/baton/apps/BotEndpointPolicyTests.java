package io.baton.apps;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.baton.platform.Rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which bot endpoints are saved, and which are refused with which reason, in production
 * (the sandbox off) and in sandbox mode. Names resolve through Netty's DNS resolver, with
 * the test's names answered first as a hosts file would answer them.
 */
class BotEndpointPolicyTests {

	static final HostsTable hosts = new HostsTable().with("bot.example.com", "93.184.215.14")
		.with("v6.example.com", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
		.with("private.example.com", "10.1.2.3")
		.with("loopback.example.com", "127.0.0.1")
		.with("metadata.example.com", "169.254.169.254")
		.with("cgnat.example.com", "100.100.100.200")
		.with("ula.example.com", "fd00:ec2::254")
		.with("baton.lan", "192.168.1.20");

	static final BotEndpointPolicy production = Policies.production(hosts);

	static final BotEndpointPolicy productionWithPort8443 = Policies.production(hosts, "endpoint-ports=8443");

	static final BotEndpointPolicy sandbox = Policies.sandbox(hosts);

	@AfterAll
	static void closeResolvers() {
		production.destroy();
		productionWithPort8443.destroy();
		sandbox.destroy();
	}

	@Nested
	class InProduction {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "https://bot.example.com/webhook", "https://bot.example.com:443/webhook?app=1",
				"HTTPS://BOT.EXAMPLE.COM/webhook", "https://bot.example.com./webhook", "https://v6.example.com/bot",
				"https://93.184.215.14/bot", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/bot" })
		void savesHttpsAtAPublicAddressOnPort443(String url) {
			assertThat(production.check(url).block()).contains(url);
		}

		@Test
		void savesNothingForBlankText() {
			assertThat(production.check("  ").block()).isEqualTo(Optional.empty());
			assertThat(production.check(null).block()).isEqualTo(Optional.empty());
		}

		@Test
		void savesAnotherPortOnlyWhenItIsAllowListed() {
			assertThat(productionWithPort8443.check("https://bot.example.com:8443/bot").block()).isPresent();
			assertRefused(production, "https://bot.example.com:8443/bot", "must use port 443.");
		}

		@ParameterizedTest(name = "{0}: {1}")
		@CsvSource(delimiter = '|', textBlock = """
				http://bot.example.com/webhook                     | must be an https:// URL
				ftp://bot.example.com/webhook                      | must be an https:// URL
				https:///webhook                                   | must be an https:// URL
				not a url                                          | is not a URL
				https://user:password@bot.example.com/webhook      | must not contain a user name or password
				https://bot.example.com:8443/webhook               | must use port 443
				https://127.0.0.1/                                 | public address
				https://127.8.9.10/                                | public address
				https://[::1]/                                     | public address
				https://0.0.0.0/                                   | public address
				https://[::]/                                      | public address
				https://10.0.0.5/                                  | public address
				https://172.16.0.1/                                | public address
				https://172.31.255.254/                            | public address
				https://192.168.1.1/                               | public address
				https://100.64.0.1/                                | public address
				https://169.254.169.254/latest/meta-data/          | public address
				https://169.254.1.1/                               | public address
				https://[fe80::1]/                                 | public address
				https://[fd00::1]/                                 | public address
				https://[fc00::1]/                                 | public address
				https://[fec0::1]/                                 | public address
				https://224.0.0.1/                                 | public address
				https://[ff02::1]/                                 | public address
				https://255.255.255.255/                           | public address
				https://240.0.0.1/                                 | public address
				https://[::ffff:127.0.0.1]/                        | public address
				https://[::ffff:a9fe:a9fe]/                        | public address
				https://[::ffff:10.0.0.5]/                         | public address
				https://[::127.0.0.1]/                             | public address
				https://[64:ff9b::a9fe:a9fe]/                      | public address
				https://[2002:a00:5::]/                            | public address
				https://localhost/                                 | public address
				https://intranet/                                  | public address
				https://2130706433/                                | public address
				https://kubernetes.default.svc/api/v1/secrets      | public address
				https://db.default.svc.cluster.local/              | public address
				https://metadata.google.internal/computeMetadata/  | public address
				https://printer.local/                             | public address
				https://private.example.com/                       | public address
				https://loopback.example.com/                      | public address
				https://metadata.example.com/                      | public address
				https://cgnat.example.com/                         | public address
				https://ula.example.com/                           | public address
				https://baton.lan:8080/sandbox/demo-bot/1          | public address
				""")
		void refuses(String url, String reason) {
			assertRefused(production, url, reason);
		}

	}

	@Nested
	class InSandboxMode {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "http://127.0.0.1:8099/bot", "http://localhost:8080/sandbox/demo-bot/1",
				"http://[::1]:9000/bot", "http://loopback.example.com:7000/bot", "https://bot.example.com/webhook",
				"http://bot.example.com/webhook", "http://baton.lan:8080/sandbox/demo-bot/1" })
		void alsoSavesPlainHttpLoopbackOnAnyPortAndBatonsOwnUrl(String url) {
			assertThat(sandbox.check(url).block()).contains(url);
		}

		@ParameterizedTest(name = "{0}: {1}")
		@CsvSource(delimiter = '|', textBlock = """
				ftp://bot.example.com/webhook                      | must be an http(s) URL
				http://169.254.169.254/latest/meta-data/           | public address
				http://[fe80::1]/                                  | public address
				http://[::ffff:169.254.169.254]/                   | public address
				http://metadata.example.com/                       | public address
				http://metadata.google.internal/computeMetadata/   | public address
				http://10.0.0.5/                                   | public address
				http://private.example.com/                        | public address
				http://kubernetes.default.svc/                     | public address
				http://baton.lan:9999/                             | public address
				http://bot.example.com:8443/                       | must use port 443
				""")
		void stillRefusesMetadataPrivateAndClusterAddresses(String url, String reason) {
			assertRefused(sandbox, url, reason);
		}

	}

	private static void assertRefused(BotEndpointPolicy policy, String url, String reason) {
		assertThatExceptionOfType(Rejected.class).isThrownBy(() -> policy.check(url).block())
			.withMessageStartingWith("The bot endpoint")
			.withMessageContaining(reason);
	}

}
