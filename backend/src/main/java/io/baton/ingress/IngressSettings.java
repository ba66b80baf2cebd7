package io.baton.ingress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of webhook ingress.
 *
 * @param maxBodySize the largest webhook body accepted (413 beyond)
 * @param acceptSha1Signature accept a request signed only with {@code X-Hub-Signature}
 * (SHA-1) when {@code X-Hub-Signature-256} is absent
 */
@ConfigurationProperties("baton.ingress")
record IngressSettings(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("false") boolean acceptSha1Signature) {
}
