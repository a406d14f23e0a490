package com.ecommerce.analytics.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.ecommerce.analytics.benchmark.OrderTraffic.Placement;
import com.ecommerce.analytics.testing.Directories;
import com.ecommerce.analytics.testing.PackagedServer;

import jakarta.json.JsonObject;

/**
 * Faults, measured (mvn -Pbenchmark verify -Dbenchmark.only=cluster -Dit.test=ClusterFaultBenchmark; root, minutes):
 * a three-node Galera cluster behind HAProxy (galera.sh), two packaged instances behind an HTTP balancer, and
 * clients placing orders with Idempotency-Keys throughout while a database node, then an instance, is killed and
 * started again, and then every instance is restarted in turn. Asserts what must never happen (a lost or doubled
 * order, oversold stock, aggregates that disagree with the orders, a 500) and reports the rest, the share of
 * failed orders and the slowest answers among them, to target/cluster-benchmark-results.md.
 */
@EnabledIfSystemProperty(named = "benchmark.only", matches = "cluster")
class ClusterFaultBenchmark {

    private static final Path HOME = Path.of("target", "cluster-benchmark");
    private static final Path RESULTS = Path.of("target", "cluster-benchmark-results.md");
    private static final int BALANCER_PORT = 9500;
    private static final int STATS_PORT = 9509;
    private static final List<Integer> INSTANCE_PORTS = List.of(9501, 9502);
    private static final int CLIENTS = 20;
    private static final int CONTENTION_CLIENTS = 8;
    private static final Duration CONTENTION = Duration.ofSeconds(30);
    private static final Duration BASELINE = Duration.ofSeconds(20);
    private static final Duration FAULT_LASTS = Duration.ofSeconds(20);
    private static final Duration AFTERWARDS = Duration.ofSeconds(20);
    private static final Duration PHASE_AT_LEAST = Duration.ofSeconds(60);
    /**
     * Galera waits this long for a silent node before the others go on without it, and writes stall meanwhile (5 s by
     * default). Session 15: with 3 s the slowest answer took 5.3 s; with 2 s (keepalives then every 0.5 s) the stall
     * fell to 2.7 s, yet three orders took 10-11 s, at the kill and at the rejoin, for a cause not yet found.
     */
    private static final String GALERA_PROVIDER_OPTIONS = System.getProperty("benchmark.galera.options",
            "evs.suspect_timeout=PT3S");
    private static final Duration WARM_UP_BEFORE_NEXT = Duration.ofSeconds(30);

    private final String database = env("DATABASE_NAME", "ecommerce_cluster");
    private final String user = env("DATABASE_USER", "ecommerce");
    private final String password = env("DATABASE_PASSWORD", "cluster-secret");
    private final String admin = env("ADMIN_USERNAME", "cluster-admin");
    private final String adminPassword = env("ADMIN_PASSWORD", "cluster-admin-Secret-2026");

    private final StringBuilder report = new StringBuilder();
    private final List<PackagedServer> instances = new ArrayList<>();
    private final ShopClient shop = new ShopClient(balancerAddress(), admin, adminPassword);
    private ClusterStore store;
    private volatile String token;
    private long tokenTakenNanos;
    private final List<Placement> contentionPlacements = new ArrayList<>();

    static {
        // Two instances, three database nodes and 20 clients on a small machine: a start can take minutes.
        System.setProperty("it.packaged.start.minutes", System.getProperty("it.packaged.start.minutes", "10"));
    }

    @Test
    void everyOrderIsPlacedExactlyOnceThroughANodeKillAnInstanceKillAndARollingRestart() throws Exception {
        Directories.deleteTree(HOME);
        Files.createDirectories(HOME);
        Map<String, String> clusterSettings = Map.of("DATABASE_NAME", database, "DATABASE_USER", user,
                "DATABASE_PASSWORD", password, "GALERA_BASE_DIR", "/tmp/cluster-benchmark-galera",
                "GALERA_PROVIDER_OPTIONS", GALERA_PROVIDER_OPTIONS);
        GaleraCluster galera = new GaleraCluster(clusterSettings, HOME.resolve("galera.log").toAbsolutePath());
        ShopBalancer balancer = null;
        report.append("# Faults, measured (ClusterFaultBenchmark)\n\n");
        try {
            long started = System.nanoTime();
            galera.up();
            note("Galera cluster of 3 up (galera.sh up, %s) in %.0f s", GALERA_PROVIDER_OPTIONS, since(started));
            TokenKeyPair keys = TokenKeyPair.createIn(HOME.resolve("keys"));
            for (int i = 0; i < INSTANCE_PORTS.size(); i++) {
                started = System.nanoTime();
                instances.add(PackagedServer.start(INSTANCE_PORTS.get(i), HOME.resolve("instance-" + (i + 1)),
                        settings(keys)));
                note("instance %d (port %d) ready in %.0f s", i + 1, INSTANCE_PORTS.get(i), since(started));
            }
            balancer = ShopBalancer.start(HOME.resolve("haproxy"), BALANCER_PORT, STATS_PORT, INSTANCE_PORTS);
            for (int i = 1; i <= INSTANCE_PORTS.size(); i++) {
                balancer.awaitUp("instance" + i, Duration.ofSeconds(30));
            }
            freshToken();
            store = ClusterStore.build(shop, token);
            note("store: %s", store);
            contention(balancer);
            List<Placement> placements = faults(galera, balancer);
            audit(galera, placements);
        } finally {
            Files.writeString(RESULTS, report);
            if (balancer != null) {
                balancer.close();
            }
            instances.forEach(PackagedServer::close);
            galera.close();
        }
    }

    private Map<String, String> settings(TokenKeyPair keys) {
        return Map.ofEntries(Map.entry("DATABASE_ENGINE", "mysql"), Map.entry("DATABASE_HOST", "127.0.0.1"),
                Map.entry("DATABASE_PORT", String.valueOf(GaleraCluster.PROXY_PORT)),
                Map.entry("DATABASE_NAME", database), Map.entry("DATABASE_USER", user),
                Map.entry("DATABASE_PASSWORD", password), Map.entry("ADMIN_USERNAME", admin),
                Map.entry("ADMIN_PASSWORD", adminPassword), Map.entry("STORE_TIMEZONE", "UTC"),
                Map.entry("DEMO_DATA", "false"), Map.entry("JWT_PRIVATE_KEY_PATH", keys.privateKey().toString()),
                Map.entry("JWT_PUBLIC_KEY_PATH", keys.publicKey().toString()));
    }

    /**
     * The 21 %: clients ordering one product while two writers change its stock row. Now both instances
     * write it through node 1, so a conflict is a row lock wait, not a failed certification.
     */
    private void contention(ShopBalancer balancer) throws Exception {
        OrderTraffic traffic = new OrderTraffic(balancerAddress(), () -> token, store::hotOrder, System.nanoTime());
        traffic.start(CONTENTION_CLIENTS, "contention");
        Thread.sleep(CONTENTION.toMillis());
        contentionPlacements.addAll(traffic.stop());
        PhaseFigures figures = new PhaseFigures("contention: " + CONTENTION_CLIENTS + " clients, one product",
                CONTENTION.toSeconds(), contentionPlacements);
        long attempts = figures.attempts().size();
        long busy = figures.count(a -> a.status() == 503);
        report.append("\n## Contention: ").append(CONTENTION_CLIENTS).append(" clients order the same product for ")
                .append(CONTENTION.toSeconds()).append(" s through the balancer (both instances, all writes on node 1)\n\n")
                .append(PhaseFigures.header()).append(figures.row())
                .append(String.format("%n503 share of all attempts: %.2f %% (%d of %,d); before, through two nodes: 21 %%.%n",
                        attempts == 0 ? 0 : 100.0 * busy / attempts, busy, attempts))
                .append("Balancer: ").append(balancer.served()).append('\n');
        report.append(figures.answersSection());
        System.out.print(report);
    }

    private List<Placement> faults(GaleraCluster galera, ShopBalancer balancer) throws Exception {
        report.append("\n## Faults: ").append(CLIENTS).append(" clients throughout\n\nTimeline (s since the clients "
                + "started, UTC):\n\n");
        FaultTimeline timeline = new FaultTimeline(report);
        OrderTraffic traffic = new OrderTraffic(balancerAddress(), () -> token, store::mixedOrder, timeline.startNanos());
        timeline.begin("baseline", traffic);
        traffic.start(CLIENTS, "baseline");
        List<Placement> placements;
        try {
            Thread.sleep(BASELINE.toMillis());
            killAndStartNode1(timeline, traffic, galera);
            killAndStartInstance1(timeline, traffic, balancer);
            restartEveryInstance(timeline, traffic, balancer);
        } finally {
            // Whatever failed, what the clients saw so far is reported.
            placements = traffic.stop();
            report.append("\nBalancer: ").append(balancer.served()).append('\n');
            timeline.report(placements);
            System.out.print(report);
        }
        return placements;
    }

    private void killAndStartNode1(FaultTimeline timeline, OrderTraffic traffic, GaleraCluster galera)
            throws InterruptedException {
        String phase = "database node 1 killed and started";
        begin(timeline, phase, traffic);
        timeline.event("galera.sh kill 1 begins");
        timeline.event("galera.sh kill 1 done: " + lastLines(galera.kill(1), 3));
        Thread.sleep(FAULT_LASTS.toMillis());
        timeline.event("galera.sh start 1 begins");
        GaleraCluster.Rejoin rejoin = galera.start(1);
        timeline.event("node 1 rejoined by " + rejoin.transfer() + ": Synced after " + rejoin.syncedAfter()
                + ", in HAProxy after " + rejoin.upInProxyAfter());
        timeline.settle(phase, AFTERWARDS, PHASE_AT_LEAST);
    }

    private void killAndStartInstance1(FaultTimeline timeline, OrderTraffic traffic, ShopBalancer balancer)
            throws Exception {
        String phase = "instance 1 killed and started";
        begin(timeline, phase, traffic);
        instances.get(0).kill();
        timeline.event("instance 1 killed (SIGKILL)");
        instances.set(0, instances.get(0).restart());
        timeline.event("instance 1 ready again");
        balancer.awaitUp("instance1", Duration.ofSeconds(30));
        timeline.event("instance 1 back in the balancer");
        timeline.settle(phase, AFTERWARDS, PHASE_AT_LEAST);
    }

    private void restartEveryInstance(FaultTimeline timeline, OrderTraffic traffic, ShopBalancer balancer)
            throws Exception {
        String phase = "rolling restart";
        begin(timeline, phase, traffic);
        for (int i = 0; i < instances.size(); i++) {
            timeline.event("instance " + (i + 1) + " SIGTERM");
            instances.get(i).close();
            timeline.event("instance " + (i + 1) + " stopped, exit " + instances.get(i).exitValue());
            instances.set(i, instances.get(i).restart());
            timeline.event("instance " + (i + 1) + " ready again");
            balancer.awaitUp("instance" + (i + 1), Duration.ofSeconds(30));
            timeline.event("instance " + (i + 1) + " back in the balancer");
            if (i + 1 < instances.size()) {
                // as README's rolling out says: a new instance takes its share of the traffic for a while before the
                // next one stops, or one cold instance would carry every client alone
                Thread.sleep(WARM_UP_BEFORE_NEXT.toMillis());
                timeline.event("instance " + (i + 1) + " warmed up");
            }
        }
        timeline.settle(phase, AFTERWARDS, PHASE_AT_LEAST);
    }

    /** A phase begins with a token good for its whole length: a login costs 600,000 PBKDF2 rounds, so not more often. */
    private void begin(FaultTimeline timeline, String phase, OrderTraffic traffic) throws InterruptedException {
        if (System.nanoTime() - tokenTakenNanos > Duration.ofMinutes(5).toNanos()) {
            freshToken();
        }
        timeline.begin(phase, traffic);
    }

    private void audit(GaleraCluster galera, List<Placement> placements) throws Exception {
        report.append("\n## Checks\n\n");
        StoreAudit audit;
        try (Connection node2 = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + (GaleraCluster.PROXY_PORT + 2)
                + "/" + database + "?connectionTimeZone=UTC", user, password)) {
            List<Placement> all = new ArrayList<>(contentionPlacements);
            all.addAll(placements);
            audit = new StoreAudit(node2, all, store.stockAtStart());
        }
        audit.findings().forEach(f -> report.append("- ").append(f).append(" (read on node 2)\n"));
        List<String> counts = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            counts.add(galera.sql(node, "SET SESSION wsrep_sync_wait = 1; SELECT (SELECT COUNT(*) FROM " + database
                    + ".orders), (SELECT COUNT(*) FROM " + database + ".order_item)").replace('\t', '/'));
        }
        report.append("- orders/order lines on nodes 1, 2, 3: ").append(String.join(", ", counts)).append('\n');
        freshToken();
        long started = System.nanoTime();
        JsonObject rebuild = shop.rebuild(token);
        report.append(String.format("- POST /api/analytics/rebuild/: %s in %.1f s%n", rebuild, since(started)));
        report.append("\n## Server logs\n\n");
        for (int i = 1; i <= instances.size(); i++) {
            report.append("instance ").append(i).append(":\n").append(ServerLogs.summary(HOME.resolve("instance-" + i)));
        }
        System.out.print(report.substring(report.indexOf("\n## Checks")));
        long fiveHundreds = Stream.concat(contentionPlacements.stream(), placements.stream())
                .flatMap(p -> p.attempts().stream()).filter(a -> a.status() == 500).count();

        assertTrue(audit.problems().isEmpty(), "exactly once and no oversell: " + audit.problems());
        assertEquals(1, counts.stream().distinct().count(), "every node holds the same orders: " + counts);
        assertEquals(0, rebuild.getJsonNumber("differences").longValue(), "the aggregates agree with the orders");
        assertEquals(0, fiveHundreds, "no order answered 500");
    }

    private void freshToken() throws InterruptedException {
        token = shop.adminToken();
        tokenTakenNanos = System.nanoTime();
    }

    private void note(String format, Object... values) {
        String line = String.format(format, values);
        report.append("- ").append(line).append('\n');
        System.out.println(line);
    }

    private static URI balancerAddress() {
        return URI.create("http://127.0.0.1:" + BALANCER_PORT + "/");
    }

    private static double since(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String lastLines(String output, int count) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static String env(String name, String absent) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? absent : value;
    }
}
