package rol.testsupport;

import io.quarkus.arc.Arc;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestAuthController;
import io.quarkus.test.security.TestIdentityAssociation;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Switches the identity of the following requests inside one test, the way {@code @TestSecurity} with
 * {@code @OidcSecurity} does for a whole method: a lifecycle passes through several hands (office, lead department,
 * co-department), and a test of it must too.
 */
public final class As {

    private As() {
    }

    public static void office() {
        user("office1", "office", null);
    }

    public static void judicial() {
        user("judicial1", "department", "judicial-bureau");
    }

    public static void market() {
        user("market1", "department", "market-regulation");
    }

    public static void street() {
        user("street1", "department", "kaiyuan-subdistrict");
    }

    public static void leader() {
        user("leader1", "leader", null);
    }

    public static void auditor() {
        user("auditor1", "auditor", null);
    }

    public static void user(String name, String role, String department) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", name);
        claims.put("sub", name);
        if (department != null) {
            claims.put("department", department);
        }
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
        Arc.container().instance(TestAuthController.class).get().setEnabled(true);
        Arc.container().instance(TestIdentityAssociation.class).get()
                .setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build());
    }

    /** No token at all: the real OIDC mechanism answers. */
    public static void nobody() {
        Arc.container().instance(TestIdentityAssociation.class).get().setTestIdentity(null);
        // enabled is the controller's normal state between tests (the @TestSecurity extension leaves it so)
        Arc.container().instance(TestAuthController.class).get().setEnabled(true);
    }
}
