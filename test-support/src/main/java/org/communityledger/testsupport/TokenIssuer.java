package org.communityledger.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * An OAuth2 issuer for tests: an RSA key whose public half a real HTTP server on 127.0.0.1 serves as a JWK set,
 * and tokens signed with it, carrying roles as Keycloak puts them ({@code realm_access.roles}) and the user in
 * {@code preferred_username}.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String ISSUER = "https://login.example.edu.cn/realms/ledger";
    public static final String AUDIENCE = "community-ledger";

    private final RSAKey key = rsaKey("issuer-key");
    private final HttpServer keySet = serve(new JWKSet(key.toPublicJWK()).toString());

    /** The settings that make a service accept this issuer's tokens, for a DynamicPropertyRegistry's add. */
    public void configure(BiConsumer<String, Supplier<Object>> settings) {
        settings.accept("ledger.security.jwt.issuer-uri", () -> ISSUER);
        settings.accept("ledger.security.jwt.jwk-set-uri", this::keySetUri);
        settings.accept("ledger.security.jwt.audience", () -> AUDIENCE);
        settings.accept("ledger.security.jwt.roles-claim", () -> "realm_access.roles");
        settings.accept("ledger.security.jwt.principal-claim", () -> "preferred_username");
    }

    public String keySetUri() {
        return "http://127.0.0.1:" + keySet.getAddress().getPort() + "/keys";
    }

    /** A token for {@code user} with {@code roles}, valid for five minutes. */
    public String token(String user, List<String> roles) {
        return sign(key, claims(user, roles));
    }

    /** Claims as this issuer writes them, to change before signing with {@link #sign}. */
    public static JWTClaimsSet.Builder claims(String user, List<String> roles) {
        return new JWTClaimsSet.Builder()
                .subject("user-" + user.hashCode())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    /** Signs with this issuer's key. */
    public String sign(JWTClaimsSet.Builder claims) {
        return sign(key, claims);
    }

    /** Signs with another key of the same id: what a forger would send. */
    public static String forge(JWTClaimsSet.Builder claims) {
        return sign(rsaKey("issuer-key"), claims);
    }

    private static String sign(RSAKey signer, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        keySet.stop(0);
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(String keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/keys", exchange -> {
                byte[] body = keys.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
