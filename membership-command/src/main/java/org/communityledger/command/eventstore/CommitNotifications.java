package org.communityledger.command.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL notifications on {@value #CHANNEL} wake the store's readers of every command instance when another
 * instance, or any writer outside the service, committed events; see {@link StoreEventSource}.
 *
 * <p>Listening costs no statement while nothing happens: the listening session waits on its socket. A commit does
 * not notify inside its own transaction, because PostgreSQL serialises the commits of notifying transactions
 * under one lock, which would end group commit; an instance instead {@linkplain #announce() announces} after it
 * committed, one notification for all the commits made while the previous one was being sent.
 */
@Component
public class CommitNotifications implements SmartLifecycle {

    /** The channel; a writer outside the service runs {@code NOTIFY ledger_events} after it committed events. */
    public static final String CHANNEL = "ledger_events";

    private static final Logger log = LoggerFactory.getLogger(CommitNotifications.class);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DataSourceProperties dataSource;
    private final JdbcTemplate jdbc;
    private final StoreEventSource source;
    private final AtomicBoolean announcementPending = new AtomicBoolean();
    private final ThreadPoolTaskExecutorBuilder executors;
    /** Made at each start: a context paused and started again (as tests' context cache does) gets new ones. */
    private volatile ThreadPoolTaskExecutor announcer;
    private volatile ThreadPoolTaskExecutor listener;
    private volatile boolean running;
    private volatile Connection listening;

    CommitNotifications(DataSourceProperties dataSource, JdbcTemplate jdbc, StoreEventSource source,
                        ThreadPoolTaskExecutorBuilder executors) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.source = source;
        this.executors = executors;
    }

    /** Tells every listening instance that events were committed; returns at once. */
    public void announce() {
        ThreadPoolTaskExecutor sender = announcer;
        if (sender == null || !announcementPending.compareAndSet(false, true)) {
            return;
        }
        try {
            sender.execute(() -> {
                announcementPending.set(false);
                try {
                    jdbc.execute("notify " + CHANNEL);
                } catch (DataAccessException e) {
                    // The others find the events at their next fallback look.
                    log.debug("Could not announce committed events: {}", e.getMessage());
                }
            });
        } catch (TaskRejectedException stopping) {
            // The service is stopping: the command is stored, and the others find it at their next look.
            announcementPending.set(false);
        }
    }

    @Override
    public synchronized void start() {
        announcer = oneThread(executors, "commit-announcer-");
        listener = oneThread(executors, "commit-listener-");
        running = true;
        listener.execute(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeListening();
        listener.shutdown();
        announcer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try {
                Connection session = listening;
                if (session == null) {
                    session = openListening();
                    listening = session;
                    // Whatever was committed while nobody listened is looked for now.
                    source.eventsCommittedElsewhere();
                }
                var arrived = session.unwrap(PGConnection.class).getNotifications((int) WAIT.toMillis());
                if (arrived != null && arrived.length > 0) {
                    source.eventsCommittedElsewhere();
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for committed events failed ({}); readers fall back to looking now and "
                            + "then until it listens again", e.getMessage());
                }
                closeListening();
                pause();
            }
        }
        // Stopped while a session was being opened: it is not left behind.
        closeListening();
    }

    private Connection openListening() throws SQLException {
        Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                dataSource.determineUsername(), dataSource.determinePassword());
        try (Statement listen = connection.createStatement()) {
            listen.execute("listen " + CHANNEL);
        }
        return connection;
    }

    private void closeListening() {
        Connection connection = listening;
        listening = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                // nothing left to release
            }
        }
    }

    private static ThreadPoolTaskExecutor oneThread(ThreadPoolTaskExecutorBuilder executors, String prefix) {
        ThreadPoolTaskExecutor executor = executors.corePoolSize(1).maxPoolSize(1).threadNamePrefix(prefix).build();
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
