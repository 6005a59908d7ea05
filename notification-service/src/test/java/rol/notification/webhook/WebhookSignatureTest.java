package rol.notification.webhook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    private static final String SECRET = "a-secret-of-32-characters-long!!";
    private static final String BODY = "{\"id\":\"a\",\"title\":\"督办\"}";

    @Test
    void signsTimestampDotBodyInUtf8() {
        // printf '%s' '1751243400.{"id":"a","title":"督办"}' | openssl dgst -sha256 -hmac 'a-secret-of-32-characters-long!!'
        assertEquals("sha256=950c4f09c033400fbd206d8ca5a514b1fbcded9fd583e5da62734fc3551c4757",
                WebhookSignature.sign(SECRET, "1751243400", BODY));
    }

    @Test
    void verificationFailsForAnotherTimestampBodyOrSecret() {
        String signature = WebhookSignature.sign(SECRET, "1751243400", BODY);
        assertTrue(WebhookSignature.verify(SECRET, "1751243400", BODY, signature));
        assertFalse(WebhookSignature.verify(SECRET, "1751243401", BODY, signature));
        assertFalse(WebhookSignature.verify(SECRET, "1751243400", BODY.replace("督办", "督查"), signature));
        assertFalse(WebhookSignature.verify(SECRET + "x", "1751243400", BODY, signature));
        assertFalse(WebhookSignature.verify(SECRET, "1751243400", BODY, null));
    }
}
