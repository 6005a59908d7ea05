package rol.notification.channel;

import rol.notification.subscription.Subscription;

/** Hands one delivery to its channel; returns normally only when the receiver accepted it. */
public interface Sender {

    Subscription.Channel channel();

    /** @throws Exception anything that means "not delivered, try again later"; its message becomes the last error */
    void send(Delivery delivery, Subscription subscription) throws Exception;
}
