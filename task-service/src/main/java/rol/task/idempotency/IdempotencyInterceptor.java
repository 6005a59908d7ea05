package rol.task.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import rol.platform.problem.DatabaseFaults;
import rol.platform.problem.ProblemException;
import rol.platform.security.Caller;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on an {@link Idempotent} endpoint. Without the header the request runs as before. With it,
 * one transaction (which the action's own {@code @Transactional} joins) claims the key, runs the action and stores its
 * answer, so the answer is kept exactly when the change commits; a retry with the same key and request gets that
 * answer back, one with a different request 422. A refused request (4xx) rolls back and stores nothing: its retry
 * is judged afresh. Runs before the transaction interceptor so that the transaction is its own.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    /** The headers a client acts on after a write: the new version and where a created thing lives. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION);

    @Inject
    HttpHeaders headers;

    @Inject
    Caller caller;

    @Inject
    IdempotencyStore store;

    @Inject
    TransactionManager transactions;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object around(InvocationContext call) throws Exception {
        String key = headers.getHeaderString(IdempotencyKeys.HEADER);
        if (key == null) {
            return call.proceed();
        }
        if (!IdempotencyKeys.valid(key)) {
            throw ProblemException.invalid(IdempotencyKeys.HEADER, "idempotency-key-invalid", IdempotencyKeys.MAX_LENGTH);
        }
        String fingerprint = IdempotencyKeys.fingerprint(
                call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName(),
                canonical(call.getParameters()));
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return once(call, key, fingerprint);
        }
        transactions.begin();
        Object answer;
        try {
            answer = once(call, key, fingerprint);
        } catch (Exception | Error e) {
            rollBack();
            throw e;
        }
        commit();
        return answer;
    }

    private Object once(InvocationContext call, String key, String fingerprint) throws Exception {
        Optional<IdempotencyKeys.Stored> earlier = store.claim(caller.name(), key, fingerprint);
        IdempotencyKeys.Outcome outcome = IdempotencyKeys.decide(earlier, fingerprint);
        if (outcome instanceof IdempotencyKeys.Reused) {
            throw ProblemException.of(422, "idempotency-key-reused");
        }
        if (outcome instanceof IdempotencyKeys.Replay replay) {
            return replay(replay.first());
        }
        Object answer = call.proceed();
        if (answer instanceof Response response) {
            store.complete(caller.name(), key, response.getStatus(),
                    response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null, kept(response));
        }
        return answer;
    }

    private static Response replay(IdempotencyKeys.Stored first) {
        Response.ResponseBuilder answer = Response.status(first.status()).header(IdempotencyKeys.REPLAYED_HEADER, "true");
        first.headers().forEach(answer::header);
        if (first.body() != null) {
            answer.entity(first.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private static Map<String, String> kept(Response response) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    /**
     * The arguments as JSON: path ids, If-Match and the body; the request context (UriInfo) left out, and an uploaded
     * file by name and content, not by the temporary path each upload gets.
     */
    private String canonical(Object[] arguments) throws Exception {
        List<Object> values = new ArrayList<>();
        for (Object a : arguments) {
            if (a instanceof UriInfo) {
                values.add(null);
            } else if (a instanceof FileUpload file && file.uploadedFile() != null) {
                values.add(List.of(String.valueOf(file.fileName()), sha256(file.uploadedFile())));
            } else {
                values.add(a);
            }
        }
        return json.writeValueAsString(values);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A commit that fails on a broken connection may have been applied by PostgreSQL before the connection broke:
     * the client is told the outcome is unknown and to retry with the same key, which answers either way.
     */
    private void commit() throws SystemException, HeuristicRollbackException {
        try {
            transactions.commit();
        } catch (RollbackException | HeuristicMixedException | SystemException e) {
            if (DatabaseFaults.kind(e).isPresent()) {
                throw DatabaseFaults.problem(DatabaseFaults.COMMIT_UNKNOWN);
            }
            if (e instanceof SystemException s) {
                throw s;
            }
            // e.g. a version conflict found at the final flush: answered as the mappers answer it (412)
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the transaction did not commit", e);
        }
    }

    private void rollBack() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            // the connection may be gone with the database: the transaction dies with it, nothing to undo here
        }
    }
}
