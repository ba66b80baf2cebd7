package io.baton.sandbox.pages;

import java.util.ArrayList;
import java.util.List;

import com.restfb.Connection;
import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.DefaultWebRequestor;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookOAuthException;
import com.restfb.types.DebugTokenInfo;
import com.restfb.types.GraphResponse;
import com.restfb.types.Page;
import io.baton.sandbox.SandboxConsole;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static io.baton.sandbox.SandboxWorld.LOGIN_APP;
import static io.baton.sandbox.SandboxWorld.LOGIN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** RestFB, unchanged but for its endpoint, works against the sandbox. */
@BatonTest
class RestFbTests {

	static final List<String> PERMISSIONS = List.of("pages_show_list", "pages_messaging", "pages_manage_metadata");

	@Autowired
	Environment environment;

	SandboxWorld world;

	SandboxConsole console;

	String ada;

	List<String> pages = new ArrayList<>();

	String userToken;

	@BeforeEach
	void aPersonWithTwelvePages() {
		this.world = new SandboxWorld(this.environment);
		this.console = new SandboxConsole(this.world);
		this.ada = this.console.person("Ada");
		for (int i = 1; i <= 12; i++) {
			this.pages.add(this.console.page("Page " + i, this.ada));
		}
		this.userToken = this.console.userToken(this.ada, LOGIN_APP, LOGIN_SECRET, this.world.loginRedirectUri(),
				PERMISSIONS, null);
	}

	// RestFB's Connection iterator forces https:// on paging.next
	// (Connection.fixProtocol),
	// so against the plain-http sandbox it pages with the after cursor instead.
	@Test
	void fetchesMeAccountsAsAConnectionPagedWithItsCursors() {
		FacebookClient client = client(this.userToken);

		List<Page> all = new ArrayList<>();
		int batches = 0;
		Connection<Page> accounts = client.fetchConnection("me/accounts", Page.class, Parameter.with("limit", 5));
		while (true) {
			all.addAll(accounts.getData());
			batches++;
			if (!accounts.hasNext()) {
				break;
			}
			accounts = client.fetchConnection("me/accounts", Page.class, Parameter.with("limit", 5),
					Parameter.with("after", accounts.getAfterCursor()));
		}

		assertThat(batches).isEqualTo(3);
		assertThat(all).extracting(Page::getId).containsExactlyElementsOf(this.pages);
		assertThat(all.get(0).getName()).isEqualTo("Page 1");
		assertThat(all.get(0).getCategory()).isEqualTo("Software");
		assertThat(all.get(0).getCategoryList()).singleElement().satisfies((category) -> {
			assertThat(category.getName()).isEqualTo("Software");
			assertThat(category.getId()).isNotBlank();
		});
		assertThat(all.get(0).getAccessToken()).startsWith("EAA");
	}

	@Test
	void debugsUserAndPageTokens() {
		String pageToken = this.console.pageToken(this.userToken, this.pages.get(0));
		FacebookClient app = client(LOGIN_APP + "|" + LOGIN_SECRET);

		DebugTokenInfo user = app.debugToken(this.userToken);
		DebugTokenInfo page = app.debugToken(pageToken);
		this.console.api("POST", "/sandbox/api/tokens/expire", "{\"token\": \"" + this.userToken + "\"}");
		DebugTokenInfo expired = app.debugToken(this.userToken);

		assertThat(user.isValid()).isTrue();
		assertThat(user.getType()).isEqualTo("USER");
		assertThat(user.getAppId()).isEqualTo(LOGIN_APP);
		assertThat(user.getScopes()).contains("pages_show_list", "pages_messaging");
		assertThat(user.getExpiresAt()).isAfter(user.getIssuedAt());
		assertThat(user.getGranularScopes()).anySatisfy((scope) -> {
			assertThat(scope.getScope()).isEqualTo("pages_messaging");
			assertThat(scope.getTargetIds()).containsExactlyElementsOf(this.pages);
		});
		assertThat(page.getType()).isEqualTo("PAGE");
		assertThat(page.getProfileId()).isEqualTo(this.pages.get(0));
		assertThat(expired.isValid()).isFalse();
		assertThat(expired.getDebugTokenError().getCode()).isEqualTo(190);
		assertThat(expired.getDebugTokenError().getSubcode()).isEqualTo(463);
	}

	@Test
	void publishesSubscribedAppsWithAPageToken() {
		String pageToken = this.console.pageToken(this.userToken, this.pages.get(0));

		GraphResponse response = client(pageToken).publish(this.pages.get(0) + "/subscribed_apps", GraphResponse.class,
				Parameter.with("subscribed_fields", "messages,messaging_postbacks"));
		FacebookOAuthException badField = catchThrowableOfType(FacebookOAuthException.class,
				() -> client(pageToken).publish(this.pages.get(0) + "/subscribed_apps", GraphResponse.class,
						Parameter.with("subscribed_fields", "nonsense")));

		assertThat(response.isSuccess()).isTrue();
		assertThat(badField.getErrorCode()).isEqualTo(100);
		assertThat(badField.getHttpStatusCode()).isEqualTo(400);
	}

	@Test
	void throwsFacebookOAuthExceptionWithCodeAndSubcode() {
		this.console.api("POST", "/sandbox/api/users/" + this.ada + "/password-change", null);

		FacebookOAuthException invalidated = catchThrowableOfType(FacebookOAuthException.class,
				() -> client(this.userToken).fetchConnection("me/accounts", Page.class));

		assertThat(invalidated.getErrorCode()).isEqualTo(190);
		assertThat(invalidated.getErrorSubcode()).isEqualTo(460);
		assertThat(invalidated.getErrorType()).isEqualTo("OAuthException");
		assertThat(invalidated.getErrorMessage())
			.startsWith("Error validating access token: The session has been invalidated");
		assertThat(invalidated.getFbtraceId()).isNotBlank();
	}

	private FacebookClient client(String accessToken) {
		DefaultFacebookClient client = new DefaultFacebookClient(accessToken, new DefaultWebRequestor(),
				new DefaultJsonMapper(), Version.VERSION_23_0);
		String sandbox = "http://localhost:" + this.world.port + "/sandbox/graph";
		client.setFacebookEndpointUrls(new FacebookEndpoints() {
			@Override
			public String getGraphEndpoint() {
				return sandbox;
			}

			@Override
			public String getFacebookEndpoint() {
				return sandbox;
			}
		});
		return client;
	}

}
