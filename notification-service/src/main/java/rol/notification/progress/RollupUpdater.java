package rol.notification.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import rol.notification.policy.TaskSnapshot;
import rol.notification.readmodel.TaskChanged;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a task's contribution in the rollups when the read model applies a newer snapshot, in that same transaction:
 * the old snapshot's unit (with the light it was counted with) out, the new one's (with today's light) in.
 */
@ApplicationScoped
public class RollupUpdater {

    @Inject
    LightRules rules;

    @Inject
    RollupStore store;

    void onTaskChanged(@Observes TaskChanged change) {
        LocalDate today = rules.today();
        TaskSnapshot now = rules.snapshot(change.current());
        Optional<RollupStore.StoredLight> counted = store.light(now.taskId());
        // a task the read model held before rollups existed is not counted yet: reconciliation counts it
        TaskSnapshot old = counted.isPresent() && change.previous() != null ? rules.snapshot(change.previous()) : null;
        LightRules.Evaluation evaluation = rules.evaluate(now, today);
        store.add(LightRules.delta(old, counted.map(RollupStore.StoredLight::light).orElse(null), now,
                evaluation.light()));
        store.saveLights(Map.of(now.taskId(), evaluation), today);
    }
}
