package news.kit.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.SignedJWT;

/**
 * The warm-up's token: a resource server checks its signature against the issuer's keys and refuses it for that
 * signature alone, so the warm-up runs the whole token check and is answered 401 without any other effect.
 */
class UnverifiableBearerTokenTest {

    @Test
    void itIsAWellFormedRs256TokenWithoutAKeyIdThatTheSignatureCheckRefuses() throws Exception {
        String token = WarmUpRequests.unverifiableBearerToken();
        SignedJWT parsed = SignedJWT.parse(token);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(parsed.getHeader().getKeyID()).as("no key id: every key of the issuer is tried").isNull();
        assertThat(parsed.getSignature().decode()).hasSize(256);

        KeyPair issuer = rsa2048();
        JwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) issuer.getPublic()).build();
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("Invalid signature");

        // the same header and claims signed by the issuer's key pass the same check: only the signature is wrong
        SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), parsed.getJWTClaimsSet());
        signed.sign(new RSASSASigner((RSAPrivateKey) issuer.getPrivate()));
        assertThat(decoder.decode(signed.serialize()).getSubject()).isEqualTo("warm-up");
    }

    private static KeyPair rsa2048() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
