package io.baton.apps;

import reactor.core.publisher.Mono;

import io.baton.secrets.Resealable;
import io.baton.tenancy.TenantId;

import org.springframework.stereotype.Component;

/** Key rotation for the app secrets the apps module keeps. */
@Component
class AppSecretSeals implements Resealable {

	private final Apps apps;

	AppSecretSeals(Apps apps) {
		this.apps = apps;
	}

	@Override
	public String what() {
		return "app secrets";
	}

	@Override
	public Mono<Long> reseal(TenantId tenant) {
		return this.apps.resealSecrets(tenant);
	}

}
