package io.baton.platform;

import java.time.Duration;
import java.util.Map;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every R2DBC connection starts as {@link DatabaseSettings#appRole()} with Baton's schema
 * first on the search path, so no query of Baton's can run with the login role's
 * privileges (which may bypass row-level security).
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
