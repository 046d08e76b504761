package news.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The provider's signing key, kept as a private JWK in one file of the data folder: generated on first start, read
 * on every later one, so tokens and the gateway's sessions survive a restart of the provider. The file is readable by
 * its owner only; the key never leaves this machine and is never in git.
 */
final class SigningKey {

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException(file + " holds no private key. Delete it: a new key is generated"
                            + " at the next start (tokens signed with the old one stop being accepted).");
                }
                return key;
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("news-local-" + LocalDate.now() + "-" + UUID.randomUUID().toString().substring(0, 8))
                    .generate();
            write(file, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key at " + file
                    + " (news.identity.signing-key): make its folder writable", e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK. Delete it: a new key is generated at the next start.", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    private static void write(Path file, String json) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".signing-key", ".tmp");
        try {
            if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(partial, json, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
