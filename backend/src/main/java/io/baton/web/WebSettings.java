package io.baton.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the web edge treats the network in front of it.
 *
 * @param trustedProxies addresses or CIDR ranges (IPv4 or IPv6) of the reverse proxies
 * whose {@code Forwarded} and {@code X-Forwarded-*} headers Baton honours; from anyone
 * else they are dropped; empty (the default) trusts nobody
 */
@ConfigurationProperties("baton.web")
public record WebSettings(@DefaultValue List<String> trustedProxies) {

}
