package newsdesk.deliver;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Headers;

/**
 * The webhook target's request: the result as its body, {@code X-Newsdesk-Id} and {@code X-Newsdesk-Signature:
 * sha256=<hex HMAC-SHA256 of the body with the secret>}, so the receiver can tell it comes from this Newsdesk.
 * None of the article's other headers go along (the file name stays for the log: Camel's own headers are not sent).
 * The secret never leaves this object.
 */
public class WebhookRequest {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec secret;

    public WebhookRequest(String secret) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The body as UTF-8 bytes, signed; the headers replaced by the request's own. */
    public byte[] sign(@Body String result, @Headers Map<String, Object> headers) {
        Object id = headers.get(ResultFormatter.ID_HEADER);
        byte[] body = result.getBytes(StandardCharsets.UTF_8);
        headers.keySet().removeIf(name -> !name.equals(Exchange.FILE_NAME));
        headers.put(Exchange.HTTP_METHOD, "POST");
        headers.put(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        headers.put("X-Newsdesk-Id", id);
        headers.put("X-Newsdesk-Signature", "sha256=" + signature(body));
        return body;
    }

    String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JVM has " + HMAC, e);
        }
    }
}
