package io.baton.testing;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.baton.tenancy.SignIn;
import io.baton.tenancy.SignedInUser;

import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOAuth2Login;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * People of the dashboard in tests: a real Baton user created through sign-in, and a
 * client that acts as them, carrying the session cookie and the CSRF token a page gave
 * it, as a browser does. The OAuth2 round trip itself is proven separately, through the
 * sandbox's dialog, in the sign-in tests.
 */
public final class Staff {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private Staff() {
	}

	public static SignedInUser signedIn(ApplicationContext context, String name) {
		return context.getBean(SignIn.class).signIn("facebook", "fb-" + name.replace(' ', '-'), name).block();
	}

	public static WebTestClient clientOf(ApplicationContext context, SignedInUser user) {
		WebTestClient signedIn = WebTestClient.bindToApplicationContext(context)
			.apply(springSecurity())
			.configureClient()
			.responseTimeout(TestHttp.ANSWER)
			.build()
			.mutateWith(mockOAuth2Login().authorities(new SimpleGrantedAuthority("OAUTH2_USER"))
				.attributes((attributes) -> attributes.putAll(
						Map.of("id", "fb-" + user.id(), "name", user.name(), "baton_user_id", user.id().toString()))));
		EntityExchangeResult<String> page = signedIn.get()
			.uri("/tenants/new")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		ResponseCookie session = page.getResponseCookies().getFirst("SESSION");
		Matcher csrf = CSRF_FIELD.matcher(page.getResponseBody());
		assertThat(session).as("the page started a session").isNotNull();
		assertThat(csrf.find()).as("the page's forms carry a CSRF token").isTrue();
		return signedIn.mutate()
			.defaultCookie("SESSION", session.getValue())
			.defaultHeader("X-CSRF-TOKEN", csrf.group(1))
			.build();
	}

}
