package io.baton.apps;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.baton.testing.WebhookReceiver;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The policy at connect time: a real WebClient whose Reactor Netty client resolves
 * through {@link BotEndpointPolicy#connections()}, POSTing to a real HTTP server on
 * loopback.
 */
class BotEndpointConnectionsTests {

	final WebhookReceiver bot = new WebhookReceiver();

	final HostsTable hosts = new HostsTable();

	BotEndpointPolicy policy;

	WebClient client;

	/** One connection: a second POST waits for it, and reuses it unless it was closed. */
	final ConnectionProvider pool = ConnectionProvider.create("one-connection", 1);

	@AfterEach
	void closeEverything() {
		this.bot.close();
		this.pool.dispose();
		if (this.policy != null) {
			this.policy.destroy();
		}
	}

	@Test
	void productionRefusesToConnectToALoopbackAddress() {
		this.policy = Policies.production(this.hosts);

		assertThatExceptionOfType(WebClientRequestException.class).isThrownBy(() -> post(this.bot.url()))
			.havingCause()
			.isInstanceOf(EndpointRefused.class)
			.withMessage("Refused: the address is not public");
		assertThat(this.bot.arrived()).isZero();
	}

	@Test
	void aNameThatWasPublicWhenSavedAndIsLoopbackWhenConnectingIsRefused() {
		int port = this.bot.port();
		this.policy = Policies.production(this.hosts.with("rebind.example.com", "93.184.215.14"),
				"endpoint-ports=" + port);
		String saved = "https://rebind.example.com:" + port + "/webhook";
		assertThat(this.policy.check(saved).block()).contains(saved);

		this.hosts.with("rebind.example.com", "127.0.0.1");

		// Plain http: whatever the scheme, the connection is refused before it is made.
		assertThatExceptionOfType(WebClientRequestException.class)
			.isThrownBy(() -> post("http://rebind.example.com:" + port + "/webhook"))
			.havingCause()
			.isInstanceOf(EndpointRefused.class);
		assertThat(this.bot.arrived()).isZero();
	}

	@Test
	void inSandboxModeTheSameNameReachesTheLoopbackBotOverOneKeptAliveConnection() {
		this.policy = Policies.sandbox(this.hosts.with("rebind.example.com", "127.0.0.1"));
		String url = "http://rebind.example.com:" + this.bot.port() + "/webhook";

		post(url);
		post(url);

		assertThat(this.bot.deliveries()).hasSize(2);
		assertThat(this.bot.deliveries().get(1).clientPort()).as("the second POST reuses the first one's connection")
			.isEqualTo(this.bot.deliveries().get(0).clientPort());
	}

	@Test
	void evenInSandboxModeTheMetadataAddressIsRefused() {
		this.policy = Policies.sandbox(this.hosts.with("metadata.example.com", "169.254.169.254"));

		assertThatExceptionOfType(WebClientRequestException.class)
			.isThrownBy(() -> post("http://metadata.example.com/latest/meta-data/"))
			.havingCause()
			.isInstanceOf(EndpointRefused.class);
	}

	/** POSTs with one client per test, resolving as the bot poster's client resolves. */
	private void post(String url) {
		if (this.client == null) {
			this.client = WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(
						HttpClient.create(this.pool).resolver(this.policy.connections())))
				.build();
		}
		this.client.post().uri(url).bodyValue("{}").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
	}

}
