package rol.notification.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import rol.platform.problem.Messages;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Problems;
import rol.platform.security.Caller;
import rol.platform.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Email addresses and webhooks that receive notices. The office manages them; department staff may read their own
 * department's (to check where their reminders go); leaders and auditors have no business with delivery addresses.
 */
@Path("/api/subscriptions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SubscriptionResource {

    public record Page(List<SubscriptionView> items, long total) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT})
    public Page list(@QueryParam("district") String district) {
        List<Subscription> found;
        if (caller.is(Roles.OFFICE)) {
            found = district == null
                    ? Subscription.list("order by district, recipientType, recipientId, createdAt")
                    : Subscription.list("district = ?1 order by recipientType, recipientId, createdAt", district);
        } else {
            String department = caller.department().orElseThrow(() -> ProblemException.of(403, "no-department"));
            found = Subscription.list("recipientType = ?1 and recipientId = ?2 order by district, createdAt",
                    Subscription.RecipientType.DEPARTMENT, department);
        }
        return new Page(found.stream().map(SubscriptionView::of).toList(), found.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    public Response create(SubscriptionInput input) {
        reject(SubscriptionRules.check(input, false));
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.createdAt = OffsetDateTime.now(clock);
        apply(s, input);
        s.persist();
        return Response.created(URI.create("/api/subscriptions/" + s.id)).entity(SubscriptionView.of(s)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    public SubscriptionView update(@PathParam("id") UUID id, SubscriptionInput input) {
        Subscription s = find(id);
        boolean keepsSecret = s.secret != null && input != null
                && Subscription.Channel.WEBHOOK.name().equals(SubscriptionRules.upper(input.channel()));
        reject(SubscriptionRules.check(input, keepsSecret));
        apply(s, input);
        return SubscriptionView.of(s);
    }

    /** Removes the subscription with its pending deliveries and dead letters (they have nowhere to go any more). */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    public Response delete(@PathParam("id") UUID id) {
        find(id).delete();
        return Response.noContent().build();
    }

    static Subscription find(UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null) {
            throw ProblemException.notFound("subscription", id);
        }
        return s;
    }

    private void apply(Subscription s, SubscriptionInput in) {
        s.district = in.district();
        s.recipientType = Subscription.RecipientType.valueOf(SubscriptionRules.upper(in.recipientType()));
        s.recipientId = s.recipientType == Subscription.RecipientType.DEPARTMENT ? in.recipientId() : null;
        s.channel = Subscription.Channel.valueOf(SubscriptionRules.upper(in.channel()));
        s.target = in.target().trim();
        if (s.channel == Subscription.Channel.EMAIL) {
            s.secret = null;
        } else if (in.secret() != null) {
            s.secret = in.secret();
        }
        s.enabled = in.enabled() == null || in.enabled();
        s.kinds = in.kinds() == null ? new String[0] : in.kinds().stream().distinct().toArray(String[]::new);
        s.updatedAt = OffsetDateTime.now(clock);
    }

    private static void reject(List<SubscriptionRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(Problems.problem(400, "validation", null, violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), Messages.text(v.key(), v.args())))
                    .toList(), Map.of()));
        }
    }
}
