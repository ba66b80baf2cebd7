package io.baton.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, never
 * a downloaded one) for tests that click through Baton as a person does, and that keep
 * screenshots for the docs (written to docs/ only when a run asks, see
 * {@link #SCREENSHOTS}).
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * Where screenshots go: {@code backend/target/screenshots}, unless a run asks for
	 * another folder with {@code -Dbaton.screenshots=docs/screenshots} or
	 * {@code BATON_SCREENSHOTS} (relative to the repository's root), as a docs update
	 * does.
	 */
	private static final Path SCREENSHOTS = screenshots();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Width width;

	/** A browser at desktop width. */
	public Browser(String baseUrl) {
		this(baseUrl, Width.DESKTOP);
	}

	public Browser(String baseUrl, Width width) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException(
					"Browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=" + width.pixels + "," + width.height, "--lang=en-US");
		options.setPageLoadStrategy(PageLoadStrategy.EAGER);
		if (width != Width.DESKTOP) {
			// A window is never narrower than 500 px; a phone's viewport is emulated.
			options.setExperimentalOption("mobileEmulation",
					Map.of("deviceMetrics", Map.of("width", width.pixels, "height", width.height, "pixelRatio", 1.0)));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		// Every call to ChromeDriver ends in time: a page that never loads fails the
		// test.
		ClientConfig calls = ClientConfig.defaultConfig()
			.connectionTimeout(Duration.ofSeconds(10))
			.readTimeout(Duration.ofSeconds(100));
		this.driver = new ChromeDriver(service, options, calls);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(45));
		this.baseUrl = baseUrl;
		this.width = width;
	}

	/**
	 * Opens the page; a renderer that stalls under load (2 cores shared with the build)
	 * gets one more try before the test fails.
	 */
	public Browser open(String path) {
		String url = path.startsWith("http") ? path : this.baseUrl + path;
		try {
			this.driver.get(url);
		}
		catch (TimeoutException ex) {
			this.driver.get(url);
		}
		return this;
	}

	public WebElement find(String css) {
		return new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	public Browser click(String css) {
		find(css).click();
		return this;
	}

	/** Clicks the button or link whose text contains {@code text}. */
	public Browser clickText(String text) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[self::button or self::a][contains(normalize-space(.), '" + text + "')]")))
			.click();
		return this;
	}

	public Browser type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	public Browser acceptConfirmations() {
		this.driver.executeScript("window.confirm = () => true;");
		return this;
	}

	/**
	 * The page's text; a document replaced while it is read (a redirect still arriving)
	 * is read again. Chromium reports that as a stale element or, when the node went
	 * between finding and reading it, as an inspector error naming the document.
	 */
	public String text() {
		return new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class).until((driver) -> {
			try {
				return driver.findElement(By.tagName("body")).getText();
			}
			catch (WebDriverException ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return null;
				}
				throw ex;
			}
		});
	}

	public String path() {
		String url = this.driver.getCurrentUrl();
		return url.startsWith(this.baseUrl) ? url.substring(this.baseUrl.length()) : url;
	}

	/** Waits until {@code condition} holds (a page that may take one of two turns). */
	public Browser waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.driver, WAIT).until((driver) -> condition.getAsBoolean());
		return this;
	}

	public Browser waitForPath(String prefix) {
		new WebDriverWait(this.driver, WAIT).until((driver) -> path().startsWith(prefix)
				&& "complete".equals(this.driver.executeScript("return document.readyState")));
		return this;
	}

	/** Scrolls the page so that the element is at the top of the window. */
	public Browser scrollTo(String css) {
		((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView(true)",
				find(css));
		return this;
	}

	/**
	 * Checks that the page fits the window's width (nothing to scroll sideways to, so no
	 * link or button out of sight), then saves a screenshot of it as {@code {name}.png}
	 * ({@code {name}-phone.png} at phone width).
	 */
	public Browser screenshot(String name) {
		assertFitsTheWidth(name);
		try {
			Files.createDirectories(SCREENSHOTS);
			String file = name + ((this.width == Width.DESKTOP) ? "" : "-" + this.width.name().toLowerCase()) + ".png";
			Files.write(SCREENSHOTS.resolve(file), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not save screenshot " + name, ex);
		}
		return this;
	}

	private void assertFitsTheWidth(String page) {
		Object overflow = this.driver.executeScript("""
				const width = document.documentElement.clientWidth;
				if (width > arguments[0]) {
				    return 'the window itself (' + width + ' px)';
				}
				if (document.documentElement.scrollWidth <= width) {
				    return '';
				}
				const past = (e) => e.getBoundingClientRect().right > width + 1;
				const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
				    + (e.getAttribute('class') ? '.' + e.getAttribute('class').split(' ').join('.') : '');
				return [...document.querySelectorAll('body *')]
				    .filter((e) => past(e) && !past(e.parentElement))
				    .slice(0, 5).map(name).join(', ') || 'the page';
				""", this.width.pixels);
		if (!"".equals(overflow)) {
			throw new AssertionError("At " + this.width.pixels + " px the page " + page + " (" + path()
					+ ") is wider than the window: " + overflow);
		}
	}

	public void deleteCookies() {
		this.driver.manage().deleteAllCookies();
	}

	private static Path screenshots() {
		String asked = System.getProperty("baton.screenshots", System.getenv("BATON_SCREENSHOTS"));
		if (asked == null || asked.isBlank()) {
			return Path.of("target", "screenshots");
		}
		// Tests run in backend/; the repository's root is its parent.
		Path root = Files.isDirectory(Path.of("..", "docs")) ? Path.of("..") : Path.of(".");
		return root.resolve(asked);
	}

	/** The widths journeys run at. */
	public enum Width {

		/** A laptop's window. */
		DESKTOP(1280, 860),

		/** A phone held upright (an iPhone 12 to 15's 390 CSS pixels). */
		PHONE(390, 844);

		final int pixels;

		final int height;

		Width(int pixels, int height) {
			this.pixels = pixels;
			this.height = height;
		}

	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
