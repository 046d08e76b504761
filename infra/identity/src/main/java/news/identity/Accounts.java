package news.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The people who can sign in, with the display name and roles their tokens carry. */
final class Accounts {

    private final Map<String, IdentityProperties.Account> byUsername;

    Accounts(List<IdentityProperties.Account> accounts) {
        this.byUsername = accounts.stream()
                .collect(Collectors.toUnmodifiableMap(IdentityProperties.Account::username, Function.identity()));
    }

    Optional<IdentityProperties.Account> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    /** Passwords are hashed once at start-up: the configuration holds the demo password in the clear. */
    UserDetailsService userDetailsService(PasswordEncoder encoder) {
        Map<String, String> hashes = byUsername.values().stream().collect(Collectors.toUnmodifiableMap(
                IdentityProperties.Account::username, account -> encoder.encode(account.password())));
        return username -> find(username)
                .map(account -> User.withUsername(account.username()).password(hashes.get(account.username()))
                        .roles(account.roles().toArray(String[]::new)).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
