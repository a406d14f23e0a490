package com.ecommerce.analytics.platform.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.ecommerce.analytics.testing.Api;

/**
 * The landing page, the OpenAPI UI and ReDoc as a person sees them, in Debian's headless Chromium (which .ci/run
 * installs; without it these tests are skipped): each renders the API's document, the UI's Authorize dialog logs
 * in with a username and password, and a screenshot of each is kept in target/screenshots.
 */
class DocsInABrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String TITLE = "E-commerce analytics platform";

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theLandingPageLinksTheDocumentation() throws IOException {
        open("/");
        assertTrue(browser.getTitle().contains(TITLE), browser.getTitle());
        for (String target : new String[] {"/openapi/ui/", "/redoc/", "/health/ready"}) {
            assertTrue(!browser.findElements(By.cssSelector("a[href='" + target + "']")).isEmpty(), target);
        }
        screenshot("landing");
    }

    @Test
    void theOpenApiUiLogsInWithAUsernameAndPassword() throws IOException {
        WebDriverWait wait = open("/openapi/ui/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"), TITLE));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        screenshot("openapi-ui");

        browser.findElement(By.cssSelector("button.authorize")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_username")));
        username.sendKeys(Api.ADMIN_USERNAME);
        browser.findElement(By.id("oauth_password")).sendKeys(Api.ADMIN_PASSWORD);
        WebElement passwordLogin = username.findElement(By.xpath("ancestor::div[contains(@class,'auth-container')]"));
        passwordLogin.findElement(By.cssSelector("button.authorize")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(passwordLogin, "Authorized"));
        assertTrue(dialog.isDisplayed());
        screenshot("openapi-ui-authorized");
    }

    @Test
    void reDocRendersTheDocument() throws IOException {
        WebDriverWait wait = open("/redoc/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), TITLE));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Place an order"));
        screenshot("redoc");
    }

    /** Loads the page; the wait is for what a script renders into it. */
    private static WebDriverWait open(String path) {
        browser.get(Api.BASE_URL + path);
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Keeps the page's picture, and fails if it is blank: a page that rendered shows more than a few colours. */
    private static void screenshot(String name) throws IOException {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, name + " looks blank: " + colours.size() + " colours");
    }
}
