package rol.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling, read from the verified token: name, roles and, for department staff, their department. */
@RequestScoped
public class Caller {

    /** The token claim that names a department user's department (a directory id such as {@code judicial-bureau}). */
    public static final String DEPARTMENT_CLAIM = "department";

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> department() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(DEPARTMENT_CLAIM);
            if (claim != null && !claim.toString().isBlank()) {
                return Optional.of(claim.toString().replace("\"", ""));
            }
        }
        return Optional.empty();
    }
}
