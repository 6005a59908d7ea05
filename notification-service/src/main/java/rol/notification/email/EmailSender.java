package rol.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.notification.channel.Delivery;
import rol.notification.channel.DeliveryConfig;
import rol.notification.channel.ReceiverAnswer;
import rol.notification.channel.Sender;
import rol.notification.subscription.Subscription;

/**
 * Email over SMTP (quarkus-mailer, blocking). The notice's rendered title is the subject and its body the text. The
 * Message-ID is derived from the delivery id, so a message sent again after a crash carries the same id and a mail
 * system (or a reader) can recognise the duplicate.
 */
@ApplicationScoped
public class EmailSender implements Sender {

    @Inject
    Mailer mailer;

    @Inject
    DeliveryConfig config;

    @Override
    public Subscription.Channel channel() {
        return Subscription.Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery, Subscription subscription) throws ReceiverAnswer {
        try {
            mailer.send(Mail.withText(subscription.target, delivery.title, delivery.body)
                    .addHeader("Message-ID", messageId(delivery))
                    .addHeader("X-Duban-Delivery", delivery.id.toString()));
        } catch (RuntimeException e) {
            // the mail server answered: its reply code says refused for good (5xx) or try later (4xx)
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SMTPException smtp) {
                    throw ReceiverAnswer.smtp(smtp.getReplyCode(), smtp.getReplyMessage());
                }
            }
            throw e;
        }
    }

    public String messageId(Delivery delivery) {
        return "<" + delivery.id + "@" + config.messageIdDomain() + ">";
    }
}
