package harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Test-only launcher for an in-process Neo4j Community server (neo4j-harness).
 *
 * <p>Prints exactly one line on stdout, {@code NEO4J_URI=bolt://127.0.0.1:<port>}, once Bolt accepts
 * connections. Everything else (Neo4j logs, diagnostics) goes to stderr. Runs until SIGTERM/SIGINT,
 * until stdin reaches EOF (unless {@code --no-stdin-watch}), or until the process given with
 * {@code --watch-pid <pid>} exits. The data directory is a fresh temp dir, deleted on shutdown.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code --port <n>}: Bolt port (default 0 = let the OS pick a free port, no race)</li>
 *   <li>{@code --no-stdin-watch}: do not treat stdin EOF as a shutdown request (for background use
 *       with stdin at /dev/null)</li>
 *   <li>{@code --watch-pid <pid>}: shut down when that process exits (orphan protection)</li>
 *   <li>{@code --pagecache <MiB>}: page cache size (default 128)</li>
 *   <li>{@code --auth}: enable authentication, user {@code neo4j} with password {@code --password}
 *       (default {@code password}). Without it auth is disabled and any credentials are accepted.</li>
 *   <li>{@code --data-dir <path>}: keep the databases and transaction logs in this folder (created if
 *       missing) and leave it in place on shutdown, so a later launch with the same folder (and the
 *       same {@code --port}) is the same server restarted. Default: inside the temp dir, deleted.</li>
 * </ul>
 */
public final class Launcher {

    private static final PrintStream STDOUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        int port = 0;
        boolean watchStdin = true;
        long watchPid = -1;
        long pagecacheMiB = 128;
        boolean auth = false;
        String password = "password";
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--no-stdin-watch" -> watchStdin = false;
                case "--watch-pid" -> watchPid = Long.parseLong(args[++i]);
                case "--pagecache" -> pagecacheMiB = Long.parseLong(args[++i]);
                case "--auth" -> auth = true;
                case "--password" -> password = args[++i];
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("neo4j-launcher: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }

        // Keep stdout clean: anything that prints to System.out (Neo4j, log4j, etc.) goes to stderr.
        // Only the URI line is written to the real stdout (STDOUT above).
        System.setOut(System.err);

        Path workDir = Files.createTempDirectory("neo4j-test-");
        log("working directory " + workDir);

        // Registered before startup so SIGTERM during a slow start still cleans up.
        // SIGTERM / SIGINT / System.exit all run shutdown hooks.
        AtomicReference<Neo4j> server = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                log("shutting down");
                try {
                    Neo4j n = server.get();
                    if (n != null) {
                        n.close();
                    }
                } catch (Throwable e) {
                    log("error during shutdown: " + e);
                } finally {
                    deleteRecursively(workDir);
                    log("stopped");
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-launcher-shutdown"));

        long t0 = System.nanoTime();
        Neo4j neo4j;
        try {
            Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir)
                    .withConfig(BoltConnector.enabled, true)
                    .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .withConfig(HttpConnector.enabled, false)
                    .withConfig(HttpsConnector.enabled, false)
                    .withConfig(GraphDatabaseSettings.auth_enabled, auth)
                    .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMiB))
                    // dbms.usage_report.enabled: no phoning home from tests
                    .withConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Defaults are a 5 s quiet period per Netty event loop group (boss + workers), which
                    // makes every shutdown take ~10-12 s. Nothing to drain in tests.
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
            if (dataDir != null) {
                // Outside the temp dir, so neither the harness nor the shutdown hook deletes it.
                Files.createDirectories(dataDir);
                builder = builder.withConfig(GraphDatabaseSettings.data_directory, dataDir);
                log("data directory " + dataDir + " (kept on shutdown)");
            }
            neo4j = builder.build();
            server.set(neo4j);
            if (auth) {
                // Embedded access to the system database bypasses auth; replace the initial neo4j/neo4j
                // (change-required) credentials with the test password.
                neo4j.databaseManagementService()
                        .database("system")
                        .executeTransactionally(
                                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            }
        } catch (Throwable e) {
            log("failed to start: " + e);
            e.printStackTrace(System.err);
            dumpLogTails(workDir);
            System.exit(1); // shutdown hook closes whatever started and deletes workDir
            return;
        }

        CountDownLatch stop = new CountDownLatch(1);

        URI bolt = neo4j.boltURI();
        if (bolt.getPort() <= 0) {
            log("could not determine bound Bolt port from " + bolt);
            System.exit(1);
        }
        String version = "unknown";
        String edition = "unknown";
        try (Transaction tx = neo4j.defaultDatabaseService().beginTx();
                Result r = tx.execute("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e")) {
            if (r.hasNext()) {
                var row = r.next();
                version = String.valueOf(row.get("v"));
                edition = String.valueOf(row.get("e"));
            }
        } catch (Throwable e) {
            log("could not query dbms.components(): " + e);
        }
        log(String.format(
                "Neo4j %s %s ready in %d ms (auth %s)",
                version, edition, (System.nanoTime() - t0) / 1_000_000, auth ? "enabled" : "disabled"));

        STDOUT.println("NEO4J_URI=bolt://127.0.0.1:" + bolt.getPort());
        STDOUT.flush();

        if (watchStdin) {
            Thread t = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // ignore input, wait for EOF
                    }
                    log("stdin closed");
                } catch (IOException e) {
                    log("stdin error: " + e);
                }
                stop.countDown();
            }, "neo4j-launcher-stdin");
            t.setDaemon(true);
            t.start();
        }
        if (watchPid > 0) {
            Optional<ProcessHandle> ph = ProcessHandle.of(watchPid);
            if (ph.isEmpty()) {
                log("watched pid " + watchPid + " not running");
                stop.countDown();
            } else {
                final long pid = watchPid;
                ph.get().onExit().thenRun(() -> {
                    log("watched pid " + pid + " exited");
                    stop.countDown();
                });
            }
        }

        stop.await();
        shutdown.run();
        System.exit(0);
    }

    private static void log(String msg) {
        System.err.println("[neo4j-launcher] " + msg);
        System.err.flush();
    }

    /** Print the end of Neo4j's own log files (kept in the temp dir) to stderr, for failed starts. */
    private static void dumpLogTails(Path workDir) {
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                if (lines.isEmpty()) {
                    continue;
                }
                System.err.println("----- last lines of " + f.getFileName() + " -----");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
            }
        } catch (Throwable e) {
            log("could not read Neo4j logs: " + e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("[neo4j-launcher] could not delete " + dir + ": " + e);
        }
    }
}
