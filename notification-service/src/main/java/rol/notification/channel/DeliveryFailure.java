package rol.notification.channel;

import javax.net.ssl.SSLException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Why a delivery failed, as the office acts on it: the receiver refused (4xx: check the address and secret), failed
 * (5xx: the receiver's people must look), did not answer in time, could not be reached, has a name that does not
 * resolve, or the encrypted connection failed; for email the mail server's permanent (5xx) or transient (4xx) reply.
 * Read from the exception's types along its causes, not from its words, which change with libraries.
 *
 * @param status the HTTP status or SMTP reply code when the receiver answered, else null
 */
public record DeliveryFailure(Reason reason, Integer status) {

    public enum Reason { REFUSED, RECEIVER_ERROR, ANSWERED, TIMEOUT, UNREACHABLE, UNKNOWN_HOST, TLS, MAIL_REFUSED,
        MAIL_UNAVAILABLE, OTHER }

    public static DeliveryFailure of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            if (t instanceof ReceiverAnswer a) {
                return new DeliveryFailure(answered(a), a.status());
            }
        }
        // the most telling first: an unknown host and a failed handshake also surface as connect errors
        if (any(chain, t -> t instanceof UnknownHostException)) {
            return new DeliveryFailure(Reason.UNKNOWN_HOST, null);
        }
        if (any(chain, t -> t instanceof SSLException || t instanceof CertificateException)) {
            return new DeliveryFailure(Reason.TLS, null);
        }
        // Mutiny's and Netty's timeouts are not java.util.concurrent's: their names say it
        if (any(chain, t -> t instanceof HttpTimeoutException || t instanceof TimeoutException
                || t instanceof InterruptedIOException || t.getClass().getSimpleName().endsWith("TimeoutException"))) {
            return new DeliveryFailure(Reason.TIMEOUT, null);
        }
        if (any(chain, t -> t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof PortUnreachableException || t instanceof ClosedChannelException)) {
            return new DeliveryFailure(Reason.UNREACHABLE, null);
        }
        return new DeliveryFailure(Reason.OTHER, null);
    }

    private static Reason answered(ReceiverAnswer a) {
        if (a.mail()) {
            return a.status() >= 500 ? Reason.MAIL_REFUSED : Reason.MAIL_UNAVAILABLE;
        }
        return a.status() >= 500 ? Reason.RECEIVER_ERROR : a.status() >= 400 ? Reason.REFUSED : Reason.ANSWERED;
    }

    private static boolean any(List<Throwable> chain, Predicate<Throwable> test) {
        return chain.stream().anyMatch(test);
    }
}
