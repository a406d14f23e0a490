package com.ecommerce.analytics.benchmark;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.benchmark.OrderTraffic.Placement;

/**
 * The fault run's clock: its phases, each from its first step to the next phase, and its events, timed from the
 * start of the clients and in UTC (to find them in the servers' logs); then each phase's figures.
 */
final class FaultTimeline {

    private final long startNanos = System.nanoTime();
    private final StringBuilder report;
    private final Map<String, long[]> phases = new LinkedHashMap<>();
    private OrderTraffic traffic;

    FaultTimeline(StringBuilder report) {
        this.report = report;
    }

    long startNanos() {
        return startNanos;
    }

    /** From now on, orders answered count to this phase. */
    void begin(String phase, OrderTraffic orders) {
        traffic = orders;
        long now = millis();
        phases.values().stream().reduce((a, b) -> b).ifPresent(previous -> previous[1] = now);
        phases.put(phase, new long[] {now, 0});
        traffic.phase(phase);
        event("phase: " + phase);
    }

    void event(String what) {
        String line = String.format("- %6.1f %s %s%n", millis() / 1000.0,
                LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), what);
        report.append(line);
        System.out.print(line);
    }

    /** Lets the phase go on for `afterwards` past its last step, and until it has lasted `atLeast` in all. */
    void settle(String phase, Duration afterwards, Duration atLeast) throws InterruptedException {
        long end = Math.max(millis() + afterwards.toMillis(), phases.get(phase)[0] + atLeast.toMillis());
        Thread.sleep(Math.max(0, end - millis()));
    }

    /** Ends the last phase and reports every phase's figures, then each against the goals. */
    void report(List<Placement> placements) {
        phases.values().stream().reduce((a, b) -> b).ifPresent(last -> last[1] = millis());
        report.append("\n").append(PhaseFigures.header());
        List<PhaseFigures> figures = new ArrayList<>();
        for (var phase : phases.entrySet()) {
            figures.add(new PhaseFigures(phase.getKey(), (phase.getValue()[1] - phase.getValue()[0]) / 1000.0,
                    placements.stream().filter(p -> p.phase().equals(phase.getKey())).toList()));
        }
        figures.forEach(f -> report.append(f.row()));
        report.append(new PhaseFigures("all", millis() / 1000.0, placements).row());
        report.append("\nGoals (reported, not asserted): under 1 % failed, every 503 with Retry-After, no 500, no answer "
                + "over 5 s.\n");
        for (PhaseFigures f : figures) {
            report.append(String.format("- %s: failed %.2f %% (%s), slowest %,d ms (%s)%n", f.phase(), f.failedShare(),
                    f.failedShare() < 1 ? "goal met" : "GOAL MISSED", f.slowest(),
                    f.slowest() <= PhaseFigures.SLOW_MILLIS ? "goal met" : "GOAL MISSED"));
            String trouble = f.troubleBySecond(phases.get(f.phase())[0]);
            if (!trouble.isEmpty()) {
                report.append("  - attempts not 201 or 409, by the second since the phase began in which they were sent: ").append(trouble)
                        .append('\n');
            }
        }
        report.append(new PhaseFigures("all", 0, placements).answersSection());
    }

    private long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
