package io.baton.sandbox.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.SandboxSchema;
import io.baton.sandbox.SandboxSettings;
import io.baton.sandbox.SandboxSettings.LoginApp;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Upserts Baton's login app at start-up, right after the sandbox's migrations (on the
 * main thread, before the server takes requests), so staff sign-in works at once.
 */
@Component
@ConditionalOnSandbox
class LoginAppSeeding implements InitializingBean {

	private final SandboxSchema schema;

	private final LoginApp app;

	LoginAppSeeding(SandboxSchema schema, SandboxSettings settings) {
		this.schema = schema;
		this.app = settings.loginApp();
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		List<String> redirectUris = this.app.redirectUris()
			.stream()
			.map(String::strip)
			.filter((uri) -> !uri.isEmpty())
			.toList();
		try (Connection connection = this.schema.startupConnection();
				PreparedStatement upsert = connection.prepareStatement(AccountRows.SEED_LOGIN_APP)) {
			upsert.setString(1, this.app.id());
			upsert.setString(2, this.app.secret());
			upsert.setString(3, this.app.name());
			upsert.setArray(4, connection.createArrayOf("text", redirectUris.toArray()));
			upsert.executeUpdate();
		}
	}

}
