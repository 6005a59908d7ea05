package rol.console.session;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** Who is signed in, for the SPA's navigation and top bar; never a token. */
@Path("/api/me")
@Authenticated
public class MeResource {

    /** The roles the console knows, in the order it names them. */
    static final List<String> ROLES = List.of("office", "department", "leader", "auditor");

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    /** The district's name for the top bar. */
    @ConfigProperty(name = "console.district-name")
    String districtName;

    public record Me(String username, String name, List<String> roles, String department, String district) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        String username = idToken.getClaim("preferred_username");
        String family = idToken.getClaim("family_name");
        String given = idToken.getClaim("given_name");
        // Chinese names read family name first (黄伟), not as Keycloak's "name" joins them (伟 黄)
        String name = family != null && given != null ? family + given : idToken.getClaim("name");
        List<String> roles = ROLES.stream().filter(identity::hasRole).toList();
        return new Me(username == null ? identity.getPrincipal().getName() : username,
                name == null ? username : name, roles, idToken.getClaim("department"), districtName);
    }
}
