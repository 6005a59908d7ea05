package rol.platform.inbox;

import rol.platform.event.CloudEvent;

/**
 * Applies one event inside the transaction that also records it in the inbox. Throw
 * {@link rol.platform.event.MalformedEventException} for an event that can never be applied; any other exception
 * rolls back and the event is retried.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(CloudEvent event) throws Exception;
}
