package io.baton.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.baton.platform.BatonSettings;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The Graph sandbox lets anyone sign in, read its apps' secrets and join the demo tenant
 * as an admin. That is fine on a laptop; at a public URL (anything but loopback) Baton
 * logs a loud warning at start and every page shows a banner, so nobody mistakes such a
 * deployment for a production one.
 */
@ControllerAdvice
class PublicSandboxWarning {

	private static final Logger logger = LoggerFactory.getLogger(PublicSandboxWarning.class);

	private final boolean shown;

	PublicSandboxWarning(Environment environment, BatonSettings settings) {
		boolean sandbox = environment.getProperty("baton.sandbox.enabled", Boolean.class, true);
		this.shown = sandbox && !loopback(settings.publicUrl().getHost());
		if (this.shown) {
			logger.warn("!!! The Graph sandbox is ON at the public URL {}: anyone who reaches it can sign in,"
					+ " read the sandbox apps' secrets and administer the demo tenant. A public deployment sets"
					+ " BATON_SANDBOX_ENABLED=false (see docs/operations.md). !!!", settings.publicUrl());
		}
	}

	boolean shown() {
		return this.shown;
	}

	@ModelAttribute("publicSandbox")
	boolean publicSandbox() {
		return this.shown;
	}

	/** Only names and literals that are loopback by definition; nothing is resolved. */
	private static boolean loopback(String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		boolean literal = name.startsWith("[") || name.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
		if (!literal) {
			return false;
		}
		try {
			return InetAddress.getByName(name.replace("[", "").replace("]", "")).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
