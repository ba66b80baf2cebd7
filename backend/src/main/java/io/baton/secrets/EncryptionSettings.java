package io.baton.secrets;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys that encrypt secrets at rest.
 *
 * @param key the current key: base64 of 32 random bytes
 * @param keyId the current key's id, written beside every value it seals
 * @param previousKeys earlier keys by id, still able to open what they sealed until the
 * values are re-encrypted with the current key
 * @param rotate run key rotation at start-up (re-seal every value sealed with an older
 * key), then exit
 */
@ConfigurationProperties("baton.encryption")
public record EncryptionSettings(String key, @DefaultValue("1") String keyId,
		@DefaultValue Map<String, String> previousKeys, @DefaultValue("false") boolean rotate) {

	@Override
	public String toString() {
		return "EncryptionSettings[keyId=" + this.keyId + ", previousKeyIds=" + this.previousKeys.keySet() + "]";
	}

}
