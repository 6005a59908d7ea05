package rol.notification.channel;

import java.io.IOException;

/**
 * The receiver answered and refused: a webhook's HTTP status other than 2xx, or a mail server's SMTP reply code.
 * Kept apart from failures to reach the receiver at all, because the office's next step differs.
 */
public class ReceiverAnswer extends IOException {

    private final int status;
    private final boolean mail;

    private ReceiverAnswer(String message, int status, boolean mail) {
        super(message);
        this.status = status;
        this.mail = mail;
    }

    public static ReceiverAnswer http(int status, String answer) {
        return new ReceiverAnswer("HTTP " + status + (answer.isEmpty() ? "" : ": " + answer), status, false);
    }

    public static ReceiverAnswer smtp(int replyCode, String reply) {
        return new ReceiverAnswer("SMTP " + replyCode + (reply == null || reply.isBlank() ? "" : ": " + reply.strip()),
                replyCode, true);
    }

    public int status() {
        return status;
    }

    public boolean mail() {
        return mail;
    }
}
