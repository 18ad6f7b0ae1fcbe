package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless chromium through chromium-driver, started with no network
 * access it could use): a person signs in, an order placed through the API appears on the page over the user
 * WebSocket, its fill and position too; a screenshot is saved as {@code target/dashboard.png}. Without chromium this
 * fails (CI installs it, .ci/run); {@code -Dordergate.skipBrowserTests=true} skips it for a local run only.
 */
class DashboardBrowserTest
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PASSWORD = "Dashboard-Watcher-2026!";

    @TempDir
    Path dataDir;

    @TempDir
    Path profile;

    @Test
    void aPersonSignsInAndSeesAnOrderPlacedThroughTheApiAppearLive() throws Exception
    {
        if (Boolean.getBoolean("ordergate.skipBrowserTests"))
        {
            Assumptions.abort("ordergate.skipBrowserTests=true: the browser test is skipped on request");
        }
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
            "the dashboard test needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does)");
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            new UserClient(gateway).userWith("watcher@example.com", "trader", PASSWORD, "paper-1");
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final WebDriver browser = browser();
            try
            {
                final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(gateway.url("/"));
                browser.findElement(By.id("login-user")).sendKeys("watcher@example.com");
                browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
                browser.findElement(By.id("signin-submit")).click();
                wait.until(ExpectedConditions.textToBe(By.id("stream-status"), "stream: live"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts-table tr[data-account-id='paper-1']")));

                final String resting = gateway.order("{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"limit\","
                    + "\"price\":1.07,\"quantity\":0.25}").text("order_id");
                final String row = "#orders-table tr[data-order-id='" + resting + "']";
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
                assertTrue(browser.findElement(By.cssSelector(row)).getText().contains("0.25"), browser.findElement(By.cssSelector(row)).getText());

                final String filled = gateway.market("paper-1", "EURUSD", "buy", "0.1").text("order_id");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fills-table tr[data-order-id='" + filled + "']")));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#positions-table tbody tr")));
                wait.until(ExpectedConditions.textMatches(By.cssSelector("#accounts-table tr[data-account-id='paper-1']"), java.util.regex.Pattern.compile(" 1$")));

                assertEquals(200, gateway.send("DELETE", "/api/v1/orders/" + resting, null, TestGateway.ADMIN).status());
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(row), 0));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#latency-table tbody tr")));
                final Path shot = Path.of("target", "dashboard.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, ((TakesScreenshot)browser).getScreenshotAs(OutputType.BYTES));
            }
            finally
            {
                browser.quit();
            }
        }
    }

    private WebDriver browser()
    {
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        final ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
