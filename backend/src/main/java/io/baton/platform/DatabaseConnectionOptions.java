package io.baton.platform;

import java.time.Duration;
import java.util.Map;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every R2DBC connection logs in as {@link DatabaseSettings#appRole()} (application.yml)
 * with Baton's schema first on the search path. The role option below is kept for an
 * operator who points the pool at another login: queries still start as the app role.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConnectionOptions {

	/** A database that does not answer a connection attempt within this is down. */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer appRoleAndSchema(DatabaseSettings settings) {
		return (builder) -> builder
			.option(PostgresqlConnectionFactoryProvider.OPTIONS,
					Map.of("role", settings.appRole(), "search_path", "baton"))
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, CONNECT_TIMEOUT)
			.option(PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, true);
	}

}
