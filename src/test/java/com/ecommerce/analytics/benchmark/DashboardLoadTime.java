package com.ecommerce.analytics.benchmark;

import java.time.Duration;
import java.util.Arrays;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Browser;

/**
 * How long the dashboard's overview takes to show its tiles and charts after a login, by the browser's own clock
 * (performance marks the pages set): from the login's submit (the password check included) and from the tokens'
 * arrival. Each run is a fresh page in headless Chromium, logged in as the admin, on the default period (the last
 * 30 days against the previous period).
 */
final class DashboardLoadTime {

    private static final int WARM_UP = 3;
    private static final int RUNS = 15;

    private final StringBuilder report;

    DashboardLoadTime(StringBuilder report) {
        this.report = report;
    }

    void run() throws Exception {
        double[] fromSubmit = new double[RUNS];
        double[] fromTokens = new double[RUNS];
        try (Browser browser = Browser.start(1400, 1000)) {
            for (int run = -WARM_UP; run < RUNS; run++) {
                double[] times = logInAndDraw(browser);
                if (run >= 0) {
                    fromSubmit[run] = times[0];
                    fromTokens[run] = times[1];
                }
            }
        }
        Arrays.sort(fromSubmit);
        Arrays.sort(fromTokens);
        report.append(String.format("Dashboard overview drawn after a login (browser timing, %d runs): from the submit "
                        + "p50 %.0f ms, p95 %.0f ms; from the tokens' arrival p50 %.0f ms, p95 %.0f ms%n%n", RUNS,
                fromSubmit[RUNS / 2], fromSubmit[(int) Math.ceil(RUNS * 0.95) - 1],
                fromTokens[RUNS / 2], fromTokens[(int) Math.ceil(RUNS * 0.95) - 1]));
    }

    private static double[] logInAndDraw(Browser browser) {
        browser.open("/dashboard/");
        browser.script("sessionStorage.clear();");
        browser.driver().navigate().refresh();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(Api.ADMIN_USERNAME);
        browser.driver().findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        browser.driver().findElement(By.cssSelector("#login-form button[type='submit']")).click();
        browser.waiting(Duration.ofSeconds(60)).until(driver -> "ready".equals(
                driver.findElement(By.id("overview")).getDomAttribute("data-state")));
        Object submit = browser.script("return performance.measure('submit', 'dashboard:login-submitted', "
                + "'dashboard:overview-drawn').duration;");
        Object tokens = browser.script("return performance.measure('tokens', 'dashboard:logged-in', "
                + "'dashboard:overview-drawn').duration;");
        return new double[] {((Number) submit).doubleValue(), ((Number) tokens).doubleValue()};
    }
}
