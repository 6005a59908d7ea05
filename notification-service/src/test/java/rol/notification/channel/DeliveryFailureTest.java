package rol.notification.channel;

import org.junit.jupiter.api.Test;
import rol.notification.channel.DeliveryFailure.Reason;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryFailureTest {

    private static DeliveryFailure of(Throwable t) {
        return DeliveryFailure.of(t);
    }

    @Test
    void aReceiverThatAnsweredIsToldByItsStatus() {
        assertEquals(new DeliveryFailure(Reason.REFUSED, 403), of(ReceiverAnswer.http(403, "bad signature")));
        assertEquals(new DeliveryFailure(Reason.RECEIVER_ERROR, 503), of(ReceiverAnswer.http(503, "")));
        assertEquals(new DeliveryFailure(Reason.ANSWERED, 302), of(ReceiverAnswer.http(302, "")));
        assertEquals(new DeliveryFailure(Reason.MAIL_REFUSED, 550), of(ReceiverAnswer.smtp(550, "mailbox unavailable")));
        assertEquals(new DeliveryFailure(Reason.MAIL_UNAVAILABLE, 421), of(ReceiverAnswer.smtp(421, null)));
        // wrapped as a blocking client wraps it
        assertEquals(Reason.REFUSED, of(new CompletionException(ReceiverAnswer.http(401, ""))).reason());
    }

    @Test
    void aReceiverThatNeverAnsweredIsToldByTheKindOfFailure() {
        // what java.net.http throws for a port nobody listens on
        ConnectException refused = new ConnectException();
        refused.initCause(new ConnectException());
        refused.getCause().initCause(new ClosedChannelException());
        assertEquals(new DeliveryFailure(Reason.UNREACHABLE, null), of(refused));
        assertEquals(Reason.TIMEOUT, of(new HttpConnectTimeoutException("HTTP connect timed out")).reason());
        assertEquals(Reason.TIMEOUT, of(new UncheckedIOException(new SocketTimeoutException("Read timed out"))).reason());
        assertEquals(Reason.TIMEOUT, of(new NettyLikeConnectTimeoutException()).reason());
    }

    @Test
    void theMostTellingCauseWinsOverTheConnectErrorAroundIt() {
        ConnectException unknown = new ConnectException();
        unknown.initCause(new UnknownHostException("hooks.example.invalid"));
        assertEquals(Reason.UNKNOWN_HOST, of(unknown).reason());
        assertEquals(Reason.TLS, of(new IOException(new SSLHandshakeException("PKIX path building failed"))).reason());
    }

    @Test
    void anythingElseIsOtherWithoutAStatus() {
        assertEquals(new DeliveryFailure(Reason.OTHER, null), of(new IllegalStateException("no sender for channel SMS")));
    }

    /** Netty's connect timeout is a ConnectException whose name says timeout. */
    private static final class NettyLikeConnectTimeoutException extends ConnectException {
    }
}
