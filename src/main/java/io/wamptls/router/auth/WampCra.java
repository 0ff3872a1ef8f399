package io.wamptls.router.auth;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** The WAMP-CRA computations (wamp-notes §9), as Autobahn's {@code derive_key} and {@code compute_wcs} do them. */
public final class WampCra {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WampCra() {
    }

    /** The salted secret: Base64 of PBKDF2-HMAC-SHA256(secret, salt, iterations, keylen bytes). */
    public static String deriveKey(String secret, String salt, int iterations, int keylen) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                    iterations, keylen * 8);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    /** Base64 of HMAC-SHA256 over the challenge text, keyed with the UTF-8 bytes of {@code key}. */
    public static String sign(String key, String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The challenge text as Crossbar builds it: Python's {@code json.dumps} of authid, authrole, authmethod,
     * authprovider, session, nonce (64 Base64 characters) and timestamp (UTC, milliseconds), in that order.
     */
    static String challenge(String authid, String authrole, String authprovider, long session, Instant now) {
        byte[] nonce = new byte[48];
        RANDOM.nextBytes(nonce);
        return "{" + member("authid", authid) + ", " + member("authrole", authrole) + ", "
                + member("authmethod", "wampcra") + ", " + member("authprovider", authprovider) + ", "
                + quote("session") + ": " + session + ", "
                + member("nonce", Base64.getEncoder().encodeToString(nonce)) + ", "
                + member("timestamp", TIMESTAMP.format(now)) + "}";
    }

    private static String member(String name, String value) {
        return quote(name) + ": " + quote(value);
    }

    /** A JSON string literal; non-ASCII stays as is ({@code ensure_ascii=False}, as Crossbar). */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
