package com.ecommerce.analytics.platform.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Browser;

/**
 * The landing page, the OpenAPI UI and ReDoc as a person sees them, in Debian's headless Chromium (which .ci/run
 * installs; without it these tests are skipped): each renders the API's document, the UI's Authorize dialog logs
 * in with a username and password, and a screenshot of each is kept in target/screenshots.
 */
class DocsInABrowserIT {

    private static final String TITLE = "E-commerce analytics platform";

    private static Browser browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theLandingPageLinksTheDocumentation() throws IOException {
        browser.open("/");
        assertTrue(browser.driver().getTitle().contains(TITLE), browser.driver().getTitle());
        for (String target : new String[] {"/openapi/ui/", "/redoc/", "/health/ready", "/dashboard/"}) {
            assertTrue(!browser.driver().findElements(By.cssSelector("a[href='" + target + "']")).isEmpty(), target);
        }
        browser.screenshot("landing");
    }

    @Test
    void theOpenApiUiLogsInWithAUsernameAndPassword() throws IOException {
        WebDriverWait wait = browser.open("/openapi/ui/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"), TITLE));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        browser.screenshot("openapi-ui");

        WebDriver driver = browser.driver();
        driver.findElement(By.cssSelector("button.authorize")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_username")));
        username.sendKeys(Api.ADMIN_USERNAME);
        driver.findElement(By.id("oauth_password")).sendKeys(Api.ADMIN_PASSWORD);
        WebElement passwordLogin = username.findElement(By.xpath("ancestor::div[contains(@class,'auth-container')]"));
        passwordLogin.findElement(By.cssSelector("button.authorize")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(passwordLogin, "Authorized"));
        assertTrue(dialog.isDisplayed());
        browser.screenshot("openapi-ui-authorized");
    }

    @Test
    void reDocRendersTheDocument() throws IOException {
        WebDriverWait wait = browser.open("/redoc/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), TITLE));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Place an order"));
        browser.screenshot("redoc");
    }
}
