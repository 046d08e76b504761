package news.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local identity provider as the launcher sees it: where it keeps its signing key, the secrets of its two
 * clients (the gateway, and the minting client of {@code infra/platform token}), generated on first start into the
 * data folder and readable by their owner only, and the environment its process and the services get.
 */
public record LocalIdentity(URI issuer, Path folder, String gatewaySecret, String cliSecret) {

    public static final String GATEWAY_CLIENT = "news-gateway";
    public static final String CLI_CLIENT = "news-platform-cli";
    public static final String AUDIENCE = "news-platform";

    /** Reads the client secrets of the data folder, generating them on first use. */
    public static LocalIdentity of(Layout layout) {
        Path folder = layout.data().resolve("identity");
        Path file = folder.resolve("client-secrets.properties");
        try {
            Properties secrets = new Properties();
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file)) {
                    secrets.load(reader);
                }
            }
            if (secrets.getProperty("gateway") == null || secrets.getProperty("cli") == null) {
                secrets.setProperty("gateway", randomSecret());
                secrets.setProperty("cli", randomSecret());
                writePrivately(file, secrets);
            }
            return new LocalIdentity(URI.create("http://localhost:" + layout.identityPort()), folder,
                    secrets.getProperty("gateway"), secrets.getProperty("cli"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the identity provider's client secrets in " + file, e);
        }
    }

    public TokenMint mint() {
        return new TokenMint(issuer, CLI_CLIENT, cliSecret);
    }

    /** The provider process's environment. */
    Map<String, String> providerEnvironment(int port, URI gatewayBaseUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IDENTITY_PORT", Integer.toString(port));
        env.put("NEWS_IDENTITY_SIGNING_KEY", folder.resolve("signing-key.json").toString());
        env.put("NEWS_IDENTITY_GATEWAY_CLIENT_ID", GATEWAY_CLIENT);
        env.put("NEWS_IDENTITY_GATEWAY_CLIENT_SECRET", gatewaySecret);
        env.put("NEWS_IDENTITY_GATEWAY_BASE_URL", gatewayBaseUrl.toString());
        env.put("NEWS_IDENTITY_CLI_CLIENT_ID", CLI_CLIENT);
        env.put("NEWS_IDENTITY_CLI_CLIENT_SECRET", cliSecret);
        env.put("NEWS_IDENTITY_AUDIENCE", AUDIENCE);
        return env;
    }

    /**
     * What every service needs to trust this provider: the development switch, which only this launcher and the
     * tests turn on and which makes a service without a configured issuer trust the local provider on
     * {@code IDENTITY_PORT}. The audience is the services' default.
     */
    Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEWS_SECURITY_DEVELOPMENT", "true");
        env.put("IDENTITY_PORT", Integer.toString(issuer.getPort()));
        return env;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writePrivately(Path file, Properties secrets) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), ".client-secrets", ".tmp");
        try {
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            try (var writer = Files.newBufferedWriter(partial)) {
                secrets.store(writer, "infra/platform: secrets of the local identity provider's clients");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
