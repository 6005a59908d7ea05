package rol.platform.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens already verified by Quarkus OIDC, with the identity it built, until the token's {@code exp}
 * ({@link VerifiedTokens}). {@link Lookup} answers a known token before OIDC is asked and stands aside for any other;
 * {@link Remember} keeps what OIDC verified. docs/security.md says what this does and does not change.
 */
@Singleton
public class TokenCache {

    /** {@code security.token-cache.*}: the cache can be turned off, and its size bounded. */
    @ConfigMapping(prefix = "security.token-cache")
    public interface Settings {
        @WithDefault("true")
        boolean enabled();

        /** More than the district's concurrently active users; beyond it the cache starts again. */
        @WithDefault("10000")
        int capacity();
    }

    /** Identity attributes that belong to the request that was verified, not to the token. */
    private static final Set<String> REQUEST_BOUND = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());
    private static final String FROM_CACHE = TokenCache.class.getName();

    private final boolean enabled;
    private final VerifiedTokens<SecurityIdentity> tokens;

    TokenCache(Settings settings) {
        enabled = settings.enabled();
        tokens = new VerifiedTokens<>(settings.capacity());
    }

    // real time, as OIDC checks exp, never the movable clock of the business rules
    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    Optional<SecurityIdentity> find(String token) {
        return enabled ? tokens.get(token, now()) : Optional.empty();
    }

    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || !jwt.getRawToken().equals(credential.getToken())) {
            return;
        }
        tokens.put(credential.getToken(), detached(identity), jwt.getExpirationTime(), now());
    }

    /**
     * The identity without what ties it to the request that was verified. Permission checkers are not carried over:
     * the services authorize by role ({@link Roles}).
     */
    private static SecurityIdentity detached(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttribute(FROM_CACHE, Boolean.TRUE);
        identity.getAttributes().forEach((name, value) -> {
            if (!REQUEST_BOUND.contains(name)) {
                b.addAttribute(name, value);
            }
        });
        return b.build();
    }

    /** Asked before OIDC's provider: a known, unexpired token's identity, or nothing (OIDC then verifies it). */
    @ApplicationScoped
    public static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {

        @Inject
        TokenCache cache;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return Uni.createFrom().item(cache.find(request.getToken().getToken()).orElse(null));
        }

        @Override
        public int priority() {
            return IdentityProvider.super.priority() + 1; // ahead of OIDC's provider, which keeps the default
        }
    }

    /** First of the augmentors, so it keeps the identity as OIDC built it. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        @Inject
        TokenCache cache;

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            cache.remember(identity);
            return Uni.createFrom().item(identity);
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }
    }
}
