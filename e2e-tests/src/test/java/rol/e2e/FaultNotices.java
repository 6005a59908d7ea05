package rol.e2e;

import io.restassured.http.ContentType;
import rol.testsupport.TestStack;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;

/**
 * The notices the fault load causes, each sent once: every task the load dispatches to {@link Tasks#OTHER} gets one
 * DISPATCHED notice in the department's inbox and one email to a mailbox of this run, subscribed before the load. A
 * notice held by the quiet hours is due at the next working morning, so {@link #check} first moves
 * notification-service's clock there and puts it back afterwards. Inbox and deliveries are read with read-only SQL;
 * the emails from GreenMail, each carrying its delivery's id as Message-ID.
 */
final class FaultNotices implements AutoCloseable {

    private final TestStack stack;
    private final FaultLedger ledger;
    private final String mailbox = "faults-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private final String subscription;

    FaultNotices(TestStack stack, FaultLedger ledger, String district) {
        this.stack = stack;
        this.ledger = ledger;
        this.subscription = as(notification(), "office1").contentType(ContentType.JSON).body(Map.of(
                        "district", district, "recipientType", "DEPARTMENT", "recipientId", Tasks.OTHER,
                        "channel", "EMAIL", "target", mailbox, "kinds", List.of("DISPATCHED")))
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    /** Adds the rows: one DISPATCHED notice per dispatched task in the inbox, one delivered email each. */
    void check(Collection<String> dispatched) {
        NotificationClock.move(NotificationClock.nextMorning());
        try {
            ledger.recovery("all", "every dispatch notice delivered by email", Instant.now(),
                    () -> delivered(dispatched));
            Map<String, Long> notices = noticesPerTask(dispatched);
            List<String> wrong = dispatched.stream().filter(t -> notices.getOrDefault(t, 0L) != 1)
                    .map(t -> t + "=" + notices.getOrDefault(t, 0L)).toList();
            ledger.add("all", "inbox: one DISPATCHED notice per dispatched task", wrong.isEmpty() && !dispatched.isEmpty(),
                    dispatched.size() + " tasks" + (wrong.isEmpty() ? "" : ", wrong: " + wrong));
            emailsOnce(dispatched);
        } catch (SQLException e) {
            ledger.add("all", "inbox and email", false, "notification database unreadable: " + e.getMessage());
        } finally {
            NotificationClock.reset();
        }
    }

    /**
     * Each dispatched task has exactly one delivery to the mailbox, and every delivery of the subscription was emailed
     * exactly once. Other suites' notices to the department that quiet hours held come due at the same clock move and
     * are delivered to this mailbox too: they count as deliveries like any other, while an email that no delivery
     * accounts for is a fault.
     */
    private void emailsOnce(Collection<String> dispatched) throws SQLException {
        Map<String, List<String>> deliveries = deliveriesPerTask(null);
        Map<String, Integer> messages = new TreeMap<>();
        for (Map<String, Object> m : new Mailbox(mailbox).messages()) {
            String id = String.valueOf(m.get("Message-ID")).replaceAll("^<|@.*$", "");
            messages.merge(id, 1, Integer::sum);
        }
        List<String> wrong = new ArrayList<>();
        for (String task : dispatched) {
            int n = deliveries.getOrDefault(task, List.of()).size();
            if (n != 1) {
                wrong.add(task + " has " + n + " deliveries");
            }
        }
        int sent = 0;
        int others = 0;
        for (Map.Entry<String, List<String>> task : deliveries.entrySet()) {
            for (String delivery : task.getValue()) {
                int copies = messages.getOrDefault(delivery, 0);
                sent += copies;
                if (!dispatched.contains(task.getKey())) {
                    others++;
                }
                if (copies != 1) {
                    wrong.add(task.getKey() + " emailed " + copies + " times");
                }
            }
        }
        int strangers = messages.values().stream().mapToInt(Integer::intValue).sum() - sent;
        if (strangers != 0) {
            wrong.add(strangers + " emails of no delivery");
        }
        ledger.add("all", "email: one message per dispatch notice", wrong.isEmpty() && !dispatched.isEmpty(),
                sent + " emails for " + dispatched.size() + " tasks" + (others == 0 ? "" : " and " + others
                        + " earlier notices quiet hours held") + (wrong.isEmpty() ? "" : ", wrong: " + wrong));
    }

    private boolean delivered(Collection<String> dispatched) throws SQLException {
        Map<String, List<String>> deliveries = deliveriesPerTask(dispatched);
        if (!deliveries.keySet().containsAll(dispatched)) {
            return false;
        }
        return ledger.count("notification", "select count(*) from delivery"
                + " where subscription_id = ?::uuid and state <> 'DELIVERED'", subscription) == 0;
    }

    private Map<String, Long> noticesPerTask(Collection<String> tasks) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = Wire.connect(stack, "notification"); PreparedStatement q = c.prepareStatement(
                "select task_id::text, count(*) from notice where kind = 'DISPATCHED' and recipient_type = 'DEPARTMENT'"
                        + " and recipient_id = ? and task_id = any (?::uuid[]) group by task_id")) {
            q.setString(1, Tasks.OTHER);
            q.setArray(2, c.createArrayOf("text", tasks.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** The subscription's deliveries by task: of the given tasks, or of all when {@code tasks} is null. */
    private Map<String, List<String>> deliveriesPerTask(Collection<String> tasks) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (Connection c = Wire.connect(stack, "notification"); PreparedStatement q = c.prepareStatement(
                "select task_id, id::text from delivery where subscription_id = ?::uuid"
                        + " and (?::text[] is null or task_id = any (?::text[]))")) {
            q.setString(1, subscription);
            Array wanted = tasks == null ? null : c.createArrayOf("text", tasks.toArray());
            q.setArray(2, wanted);
            q.setArray(3, wanted);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The subscription goes, and its deliveries with it (the table cascades). */
    @Override
    public void close() {
        as(notification(), "office1").delete("/api/subscriptions/" + subscription).then().statusCode(204);
    }
}
