package jp.renkei.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.renkei.dashboard.mart.ContractFixture;
import jp.renkei.dashboard.mart.MartFixture;
import jp.renkei.dashboard.security.TestUsers;
import jp.renkei.marts.Mart;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven through chromedriver against the app on a real
 * port, over published test marts and the shared test users. Each role logs in through the form, sees its pages and
 * cannot reach another scope's page, export, chart or API by URL; sorting and filters work; the CSV download holds
 * the page's numbers. A screenshot of every page visited is kept in {@code target/browser-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestUsers.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    static final String RUN_ID = "20261203T000000Z-brow";
    static final Path HOME = publish();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @LocalServerPort
    int port;

    private WebDriver browser;
    private Path downloads;

    @BeforeAll
    void startTheBrowser() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (bin/setup installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (bin/setup installs it)").isExecutable();
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("renkei-browser-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1800", "--lang=ja");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "ja"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopTheBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(downloads);
    }

    @BeforeEach
    void signedOut() {
        open("/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void theMinistryLogsInToTheNationalRankingAndAnyPrefecture() {
        logIn("analyst");

        assertThat(browser.getCurrentUrl()).endsWith("/ranking");
        assertThat(text()).contains("analyst（全国（厚生労働省））", "米子市", "テスト市35");
        screenshot("ministry-ranking");
        open("/prefecture/31");
        assertThat(text()).contains("鳥取県 のケアプランデータ連携", "東部モデル地域");
        screenshot("ministry-prefecture-31");
    }

    @Test
    void aPrefectureSeesItsOwnAndIsRefusedAnotherByUrl() {
        logIn("tottori");

        assertThat(rankingColumn("都道府県")).isNotEmpty().containsOnly("鳥取県");
        screenshot("prefecture-ranking");
        open("/prefecture");
        assertThat(browser.getCurrentUrl()).endsWith("/prefecture/31");
        screenshot("prefecture-page");
        for (String url : List.of("/prefecture/13", "/ranking?prefecture=13", "/ranking.csv?month=2026-10&prefecture=13",
                "/ranking/chart.png?month=2026-10&prefecture=13", "/api/v1/municipal-adoption?month=2026-10&prefecture=13",
                "/office/1310000001")) {
            open(url);
            assertThat(browser.getPageSource()).as(url).contains("DASH-SCOPE-001");
        }
        screenshot("prefecture-refused");
    }

    @Test
    void aMunicipalitySeesOnlyItsRow() {
        logIn("yonago");

        assertThat(rankingColumn("市区町村")).containsExactly("米子市");
        screenshot("municipality-ranking");
        open("/api/v1/marts/plan_actual_agreement");
        assertThat(browser.getPageSource()).contains("DASH-SCOPE-003");
    }

    @Test
    void anOfficeLandsOnItsOwnPageAndReachesNothingElse() {
        logIn("office");

        assertThat(browser.getCurrentUrl()).endsWith("/office/3110000001");
        assertThat(text()).contains("事業所 3110000001 の連携と削減効果", "¥12,346", "連携先があと 2 事業所");
        screenshot("office-page");
        for (String url : List.of("/ranking", "/ranking.xlsx?month=2026-10", "/ranking/chart.png?month=2026-10",
                "/prefecture/31", "/api/v1/municipal-adoption?month=2026-10")) {
            open(url);
            assertThat(browser.getPageSource()).as(url).contains("DASH-SCOPE-003");
        }
        open("/office/3110000002");
        assertThat(browser.getPageSource()).contains("DASH-SCOPE-001");
    }

    @Test
    void sortingAndTheFilterChangeTheTable() {
        logIn("analyst");
        open("/ranking?month=2026-10");

        browser.findElement(By.linkText("申請率")).click();
        awaitUrl("sorted by rate, descending", url -> url.contains("sort=rate") && url.contains("dir=desc"));
        List<Double> descending = percentages(rankingColumn("申請率"));
        assertThat(descending).hasSizeGreaterThan(30).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        browser.findElement(By.linkText("申請率▼")).click();
        awaitUrl("sorted by rate, ascending", url -> url.contains("sort=rate") && url.contains("dir=asc"));
        List<Double> ascending = percentages(rankingColumn("申請率"));
        assertThat(ascending).isSorted().containsExactlyInAnyOrderElementsOf(descending);
        screenshot("ministry-ranking-sorted");

        browser.findElement(By.xpath("//select[@name='prefecture']/option[normalize-space()='鳥取県']")).click();
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        awaitUrl("filtered to 鳥取県", url -> url.contains("prefecture=31"));
        assertThat(rankingColumn("都道府県")).hasSize(4).containsOnly("鳥取県");
        screenshot("ministry-ranking-filtered");

        WebElement search = browser.findElement(By.name("q"));
        search.sendKeys("米子");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        awaitUrl("searched for 米子", url -> url.contains("q=%E7%B1%B3%E5%AD%90"));
        assertThat(rankingColumn("市区町村")).containsExactly("米子市");
        browser.findElement(By.name("q")).clear();
        browser.findElement(By.xpath("//select[@name='prefecture']/option[@value='']")).click();
        browser.findElement(By.xpath("//select[@name='size']/option[@value='M']")).click();
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        awaitUrl("filtered to size class M", url -> url.contains("size=M"));
        assertThat(rankingColumn("規模区分")).hasSize(35).containsOnly("M（10〜49）");

        // The filter survives a sort by the Wilson rank, which orders the column it names.
        browser.findElement(By.linkText("小規模補正順位")).click();
        awaitUrl("sorted by the Wilson rank", url -> url.contains("sort=wilson_rank") && url.contains("size=M"));
        List<Integer> wilsonRanks = rankingColumn("小規模補正順位").stream().map(Integer::parseInt).toList();
        assertThat(wilsonRanks).hasSize(35).isSorted();
        screenshot("ministry-ranking-size-class-by-wilson-rank");
    }

    @Test
    void theMunicipalityAndCardCheckPagesShowTheirFigures() {
        logIn("analyst");

        open("/municipality/312029?month=2026-10");
        assertThat(text()).contains("米子市", "居宅介護支援");
        assertThat(browser.findElement(By.cssSelector("img.chart")).getAttribute("naturalWidth")).isNotEqualTo("0");
        screenshot("ministry-municipality-312029");
        open("/ranking/chart.svg?month=2026-10");
        assertThat(browser.findElement(By.tagName("svg")).getAttribute("aria-label")).isEqualTo("申請率 上位30市区町村の横棒グラフ");
        screenshot("ministry-ranking-chart-svg");

        open("/card-checks?month=2026-11");
        assertThat(text()).contains("鳥取市", "30");
        screenshot("ministry-card-checks");

        open("/definitions");
        assertThat(text()).contains("指標ごとの分子・分母・出典・基準日", "データの鮮度");
        screenshot("ministry-definitions");
        open("/effects");
        screenshot("ministry-effects");
    }

    @Test
    void theApiAnswersWithThePagesFigures() {
        logIn("tottori");
        open("/ranking?month=2026-10");
        List<String> names = rankingColumn("市区町村");
        List<String> offices = rankingColumn("申請事業所数 / 対象事業所数");

        open("/api/v1/municipal-adoption?month=2026-10");
        tools.jackson.databind.JsonNode api = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(browser.findElement(By.tagName("pre")).getText());
        List<String> apiNames = new ArrayList<>();
        List<String> apiOffices = new ArrayList<>();
        api.path("rows").forEach(row -> {
            apiNames.add(row.path("municipality_name").asString());
            apiOffices.add(row.path("offices_applied").asLong() + " / " + row.path("offices_in_scope").asLong());
        });
        assertThat(apiNames).isEqualTo(names);
        assertThat(apiOffices).isEqualTo(offices);
    }

    @Test
    void theCsvDownloadHoldsThePagesNumbers() throws IOException {
        logIn("tottori");
        open("/ranking?month=2026-10");
        Map<String, String> pageRates = new LinkedHashMap<>();
        List<String> names = rankingColumn("市区町村");
        List<String> rates = rankingColumn("申請率");
        for (int i = 0; i < names.size(); i++) {
            pageRates.put(names.get(i), rates.get(i));
        }

        browser.findElement(By.linkText("CSV ダウンロード")).click();
        // Chromium names the file from filename* (the Japanese name), and writes .crdownload until it is complete.
        Path csv = downloads.resolve("申請率ランキング_2026-10_31_all_in_scope.csv");
        await("the CSV download").atMost(Duration.ofSeconds(30))
                .until(() -> Files.isRegularFile(csv) && Files.size(csv) > 0);

        String content = Files.readString(csv, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(
                content.substring(content.indexOf("\r\n\r\n") + 4))).getRecords();
        Map<String, String> fileRates = new LinkedHashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            String fraction = record.get(10);
            fileRates.put(record.get(7), fraction.isEmpty() ? "—"
                    : new java.math.BigDecimal(fraction).movePointRight(2)
                            .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%");
        }
        assertThat(fileRates).containsExactlyEntriesOf(pageRates);
    }

    @Test
    void theRankingPrintsOnA4WithoutNavigationOrFilters() throws IOException {
        logIn("analyst");
        open("/ranking?month=2026-10&prefecture=31");
        ChromeDriver chrome = (ChromeDriver) browser;

        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector("header.site")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("form.filters")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("table.ranking")).isDisplayed()).isTrue();
            assertThat(text()).contains("基準月: 2026年10月末時点", "米子市", "出典: マート municipal_adoption");
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        // The page's own @page rule decides the paper: A4 is 595 × 842 pt.
        Map<String, Object> printed = chrome.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] pdf = java.util.Base64.getDecoder().decode((String) printed.get("data"));
        Files.write(SCREENSHOTS.resolve("ministry-ranking-31-print.pdf"), pdf);
        String structure = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(structure).startsWith("%PDF");
        assertThat(structure).containsPattern("/MediaBox \\[0 0 59[45](\\.\\d+)? 84[12](\\.\\d+)?\\]");
    }

    private void logIn(String account) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys(account + TestUsers.SUFFIX);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        awaitUrl("logged in as " + account, url -> !url.contains("/login"));
    }

    private void awaitUrl(String what, java.util.function.Predicate<String> expected) {
        await(what).atMost(Duration.ofSeconds(20)).until(browser::getCurrentUrl, expected::test);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The cells of one column of the ranking table, found by its header's text. */
    private List<String> rankingColumn(String header) {
        List<WebElement> headers = browser.findElements(By.cssSelector("table.ranking thead th"));
        int column = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getText().replace("?", "").replaceAll("[▲▼]", "").strip().equals(header)) {
                column = i;
            }
        }
        assertThat(column).as("column %s in %s", header, browser.getCurrentUrl()).isNotNegative();
        List<String> cells = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("table.ranking tbody tr"))) {
            cells.add(row.findElements(By.tagName("td")).get(column).getText());
        }
        return cells;
    }

    private static List<Double> percentages(List<String> cells) {
        return cells.stream().filter(cell -> cell.endsWith("%"))
                .map(cell -> Double.parseDouble(cell.substring(0, cell.length() - 1))).toList();
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-browser-test-");
            MartFixture.publishMunicipalAdoption(home);
            ContractFixture.publish(home, Mart.PREFECTURE_ADOPTION, RUN_ID, List.of(Map.of("month", "2026-10",
                    "denominator_scope", "all_in_scope", "prefecture_code", "31", "prefecture_name", "鳥取県",
                    "offices_in_scope", 205L, "offices_applied", 115L, "application_rate", 115 / 205.0)));
            ContractFixture.publish(home, Mart.MODEL_REGION_EFFECT, RUN_ID, List.of(Map.of("month", "2026-10",
                    "prefecture_code", "31", "region_id", "31-east", "region_name", "東部モデル地域")));
            List<Map<String, Object>> offices = new ArrayList<>();
            for (String[] office : new String[][] {{"3110000001", "312029"}, {"3110000002", "312011"},
                    {"1310000001", "131016"}}) {
                Map<String, Object> row = new HashMap<>(Map.of("month", "2026-10", "office_number", office[0],
                        "prefecture_code", office[0].substring(0, 2), "municipality_code", office[1],
                        "linked_partners", 3L, "partners_to_bonus", 2L, "savings_yen", 12345.5));
                offices.add(row);
            }
            ContractFixture.publish(home, Mart.OFFICE_SAVINGS, RUN_ID, offices);
            ContractFixture.publish(home, Mart.MUNICIPAL_SERVICE_ADOPTION, RUN_ID, List.of(Map.of("month", "2026-10",
                    "prefecture_code", "31", "municipality_code", "312029", "service_type", "43",
                    "service_type_name", "居宅介護支援", "offices_in_scope", 20L, "offices_applied", 20L,
                    "application_rate", 1.0, "offices_active", 12L, "active_rate", 0.6)));
            ContractFixture.publish(home, Mart.CARD_CHECK_ACTIVITY, RUN_ID, List.of(Map.of("month", "2026-11",
                    "office_number", "3110000002", "prefecture_code", "31", "municipality_code", "312011",
                    "municipality_name", "鳥取市", "checks", 30L, "successes", 29L, "success_rate", 29 / 30.0,
                    "eligible", 29L)));
            ContractFixture.publish(home, Mart.PLAN_ACTUAL_AGREEMENT, RUN_ID, offices);
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }
}
