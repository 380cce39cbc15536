package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.renkei.ingest.demo.DemoNation;
import jp.renkei.ingest.demo.DemoNationConfig;
import jp.renkei.relay.agent.AgentCredentials;
import jp.renkei.relay.agent.OutboxSender;
import jp.renkei.relay.agent.UploadOutcome;
import jp.renkei.relay.cli.RelayCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole chain on a tiny nation, each part as it runs in production: the ingest CLI lands the reference files, the
 * relay runs as its own process and the agent uploads every outbox over mutual TLS (each sending office with its own
 * certificate, issued as the demo does, and a signature per file), the Spark job builds and publishes the marts in its
 * own JVM, and the dashboard serves them from DuckDB. The API's figures must equal the ones computed independently
 * from the generator's raw files. The same job's jar, submitted to a Spark standalone cluster, publishes the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {
    private static final YearMonth LAST_MONTH = DemoNationConfig.DEFAULT_LAST_MONTH;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private DemoNation nation;
    private ExpectedAdoption expected;
    private ModuleProcess dashboard;
    private URI dashboardUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, DemoUser> demoUsers;

    /** A line of {@code config/demo-users.txt}: name, password, role. */
    record DemoUser(String name, String password, String role) {
        static Map<String, DemoUser> readAll(Path file) throws IOException {
            Map<String, DemoUser> byRole = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\t");
                    byRole.put(fields[2].split(":")[0], new DemoUser(fields[0], fields[1], fields[2]));
                }
            }
            return byRole;
        }

        String authorization() {
            return "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        String code() {
            return role.substring(role.indexOf(':') + 1);
        }
    }

    @BeforeAll
    void runThePipeline() throws Exception {
        nation = TinyNationLanding.generateAndLand(home, 11);
        expected = new ExpectedAdoption(nation.officeList(), nation.applicationRoster(), nation.outbox(), nation.archive());

        Path registry = home.resolve("relay").resolve("registry").resolve("applications.csv");
        Files.createDirectories(registry.getParent());
        Files.copy(nation.applicationRoster(), registry);
        relayTheOutbox();

        try (ModuleProcess job = ModuleProcess.start("analytics",
                List.of(ModuleProcess.sparkOptionsFile(), "-Xmx1g", "-Duser.timezone=Pacific/Apia"),
                "jp.renkei.analytics.AdoptionJob",
                List.of("--home", home.toString(), "--to-month", LAST_MONTH.toString(), "--master", "local[2]"),
                home.resolve("logs").resolve("spark.log"))) {
            job.awaitSuccess(300);
        }

        // As bin/renkei demo does: one user per role, chosen from the published marts, with new random passwords.
        try (ModuleProcess users = ModuleProcess.start("dashboard", List.of("-Xmx256m"),
                "jp.renkei.dashboard.users.DashboardUsersCommand", List.of("demo", "--home", home.toString()),
                home.resolve("logs").resolve("dashboard-users.log"))) {
            users.awaitSuccess(120);
        }
        demoUsers = DemoUser.readAll(home.resolve("config").resolve("demo-users.txt"));

        int port = freePort();
        dashboardUri = URI.create("http://127.0.0.1:" + port);
        dashboard = ModuleProcess.start("dashboard", List.of("-Djava.awt.headless=true", "-Xmx512m"),
                "jp.renkei.dashboard.DashboardApplication",
                List.of("--renkei.home=" + home, "--server.port=" + port, "--server.address=127.0.0.1"),
                home.resolve("logs").resolve("dashboard.log"));
        awaitDashboard();
    }

    @AfterAll
    void stopDashboard() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    /**
     * The job runs on a real Spark cluster unchanged: its job jar, submitted with Spark's own {@code SparkSubmit} to a
     * standalone master and worker on localhost, publishes from a copy of this landing zone exactly the rows the
     * {@code local[2]} run above published (DuckDB compares them, so the comparison does not trust Spark).
     */
    @Test
    void theJobJarOnAStandaloneClusterPublishesWhatLocalModePublishes() throws Exception {
        Path clusterHome = home.resolve("cluster");
        PublishedMarts.copyTree(home.resolve("landing"), clusterHome.resolve("landing"));

        try (SparkStandaloneCluster cluster = SparkStandaloneCluster.start(home.resolve("spark"), 2, "2g");
             ModuleProcess job = cluster.submit(jobJar(), "jp.renkei.analytics.AdoptionJob",
                     List.of("spark.executor.memory=1g", "spark.cores.max=2",
                             "spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1"),
                     List.of("--home", clusterHome.toString(), "--to-month", LAST_MONTH.toString()),
                     home.resolve("logs").resolve("spark-cluster.log"))) {
            job.awaitSuccess(300);

            assertThat(job.logText()).as("the driver ran against the cluster").contains(cluster.masterUrl());
            List<Path> executorLogs = cluster.executorLogs();
            assertThat(executorLogs).as("executors launched by the worker").isNotEmpty();
            StringBuilder executorOutput = new StringBuilder();
            for (Path log : executorLogs) {
                executorOutput.append(Files.readString(log, StandardCharsets.UTF_8));
            }
            assertThat(executorOutput).as("the executors ran the job's tasks").contains("Finished task");
        }

        Map<String, Long> localRows = PublishedMarts.rowCounts(home);
        assertThat(localRows).as("marts published in local mode")
                .containsKeys("municipal_adoption", "plan_actual_agreement", "office_savings");
        assertThat(localRows.get("plan_actual_agreement")).isPositive();
        assertThat(PublishedMarts.rowCounts(clusterHome)).isEqualTo(localRows);
        for (String mart : localRows.keySet()) {
            assertThat(PublishedMarts.rowsInOnlyOne(PublishedMarts.currentRun(home, mart),
                    PublishedMarts.currentRun(clusterHome, mart))).as("rows of %s in only one of the two runs", mart).isZero();
        }
    }

    private static Path jobJar() throws IOException {
        Path target = ModuleProcess.repositoryRoot().resolve("analytics").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-job.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-job.jar in " + target
                            + ": run the tests with `mvn verify` (bin/renkei test), which packages the analytics module first"));
        }
    }

    @Test
    void everyMunicipalityMatchesTheIndependentCountInTheLatestMonth() throws Exception {
        assertMonthMatches(LAST_MONTH);
    }

    @Test
    void anEarlierMonthMatchesToo() throws Exception {
        YearMonth earlier = LAST_MONTH.minusMonths(3);
        assertThat(expected.monthsWithExchanges()).contains(earlier);
        assertMonthMatches(earlier);
    }

    @Test
    void theTinyNationHasRealActivity() throws Exception {
        JsonNode rows = adoption(LAST_MONTH).get("rows");
        long applied = 0;
        long active = 0;
        for (JsonNode row : rows) {
            applied += row.get("offices_applied").asLong();
            active += row.get("offices_active").asLong();
        }
        assertThat(applied).as("offices applied nationwide").isPositive();
        assertThat(active).as("offices active nationwide").isPositive();
        assertThat(nation.files()).isPositive();
    }

    @Test
    void noClearInsuredPersonNumberReachesTheLandingZoneOrTheMarts() throws Exception {
        String someInsuredNumber;
        try (Stream<Path> sent = Files.walk(home.resolve("demo-input").resolve("sent"))) {
            Path upplan = sent.filter(file -> file.getFileName().toString().startsWith("UPPLAN")).findFirst().orElseThrow();
            someInsuredNumber = new String(Files.readAllBytes(upplan), "windows-31j").split(",")[2];
        }
        assertThat(someInsuredNumber).hasSize(10);
        for (String folder : List.of("landing", "marts")) {
            try (Stream<Path> files = Files.walk(home.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as("%s must not hold a clear 被保険者番号", file).doesNotContain(someInsuredNumber);
                }
            }
        }
    }

    @Test
    void everyAnalystNotebookRunsAgainstTheDashboard() throws Exception {
        Path jupyter = Path.of("/usr/bin/jupyter");
        assertThat(jupyter).as("Debian's Jupyter (bin/setup installs it)").isExecutable();
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(ModuleProcess.repositoryRoot().resolve("notebooks"))) {
            notebooks = files.filter(file -> file.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).isNotEmpty();
        Path output = home.resolve("notebooks");
        Files.createDirectories(output);
        for (Path notebook : notebooks) {
            ProcessBuilder run = new ProcessBuilder(jupyter.toString(), "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=120", "--output-dir", output.toString(), notebook.toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve("logs").resolve("notebooks.log").toFile());
            run.environment().put("PATH", "/usr/bin:/bin");
            run.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            run.environment().put("RENKEI_DASHBOARD_URL", dashboardUri.toString());
            run.environment().put("RENKEI_USER", demoUsers.get("ministry").name());
            run.environment().put("RENKEI_PASSWORD", demoUsers.get("ministry").password());
            run.environment().put("RENKEI_MONTH", LAST_MONTH.toString());
            run.environment().put("RENKEI_OUTPUT_DIR", output.toString());
            Process process = run.start();
            assertThat(process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as("%s finished", notebook).isTrue();
            assertThat(process.exitValue()).as("%s ran without error; log:%n%s", notebook,
                    Files.readString(home.resolve("logs").resolve("notebooks.log"))).isZero();
            String executed = Files.readString(output.resolve(notebook.getFileName()));
            assertThat(executed).as("executed notebook has outputs").contains("\"outputs\": [").doesNotContain("\"output_type\": \"error\"");
           }
        assertThat(output.resolve("application_vs_active_" + LAST_MONTH + ".png")).isNotEmptyFile();
        assertThat(output.resolve("model_regions_application_rate.png")).isNotEmptyFile();
        assertThat(output.resolve("improvement_curve.png")).isNotEmptyFile();
        assertThat(output.resolve("savings_scenario_31_" + LAST_MONTH + ".png")).isNotEmptyFile();
    }

    @Test
    void theModelRegionAndImprovementMartsAnswerThroughTheMartApi() throws Exception {
        JsonNode regions = JSON.readTree(get("/api/v1/marts/model_region_effect?month=" + LAST_MONTH).body()).get("rows");
        assertThat(regions.size()).as("model regions of 鳥取県 in %s", LAST_MONTH).isPositive();
        for (JsonNode region : regions) {
            assertThat(region.get("prefecture_code").asText()).isEqualTo("31");
            assertThat(region.get("region_applied").asLong()).isLessThanOrEqualTo(region.get("region_offices").asLong());
        }
        JsonNode curve = JSON.readTree(get("/api/v1/marts/improvement_curve?cohort=all").body()).get("rows");
        assertThat(curve.size()).as("months of the pooled improvement curve").isPositive();
        JsonNode offices = JSON.readTree(get("/api/v1/marts/improvement_office").body()).get("rows");
        assertThat(offices.size()).as("rows of reporting offices").isPositive();
        JsonNode savings = JSON.readTree(get("/api/v1/marts/office_savings?month=" + LAST_MONTH).body()).get("rows");
        assertThat(savings.size()).as("offices with delivered files in %s", LAST_MONTH).isPositive();
        for (JsonNode office : savings) {
            assertThat(office.get("savings_yen").asDouble()).isNotNegative();
        }
    }

    /**
     * The demo's users, one per role, each see only their own scope over real HTTP; a request without an account, or
     * with a wrong password, gets nothing.
     */
    @Test
    void eachDemoUserSeesOnlyItsScope() throws Exception {
        assertThat(demoUsers.keySet()).containsExactlyInAnyOrder("ministry", "prefecture", "municipality", "office");
        DemoUser prefecture = demoUsers.get("prefecture");
        JsonNode rows = JSON.readTree(get("/api/v1/municipal-adoption?month=" + LAST_MONTH, prefecture).body()).get("rows");
        assertThat(rows.size()).isPositive();
        rows.forEach(row -> assertThat(row.get("prefecture_code").asText()).isEqualTo(prefecture.code()));
        String otherPrefecture = prefecture.code().equals("13") ? "31" : "13";
        assertThat(get("/api/v1/municipal-adoption?month=" + LAST_MONTH + "&prefecture=" + otherPrefecture, prefecture)
                .statusCode()).isEqualTo(403);

        DemoUser municipality = demoUsers.get("municipality");
        rows = JSON.readTree(get("/api/v1/municipal-adoption?month=" + LAST_MONTH, municipality).body()).get("rows");
        assertThat(rows).singleElement().satisfies(
                row -> assertThat(row.get("municipality_code").asText()).isEqualTo(municipality.code()));

        DemoUser office = demoUsers.get("office");
        rows = JSON.readTree(get("/api/v1/marts/office_savings", office).body()).get("rows");
        assertThat(rows.size()).isPositive();
        rows.forEach(row -> assertThat(row.get("office_number").asText()).isEqualTo(office.code()));
        assertThat(get("/api/v1/municipal-adoption?month=" + LAST_MONTH, office).statusCode()).isEqualTo(403);

        assertThat(get("/api/v1/marts/office_savings", new DemoUser(office.name(), "wrong-password", office.role()))
                .statusCode()).isEqualTo(401);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(dashboardUri.resolve(
                "/api/v1/municipal-adoption?month=" + LAST_MONTH)).header("X-Renkei-Role", "ministry").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownMonthIsANotFoundWithACode() throws Exception {
        HttpResponse<String> response = get("/api/v1/municipal-adoption?month=2019-01");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("DASH-MONTH-001");
    }

    private void assertMonthMatches(YearMonth month) throws Exception {
        Map<String, ExpectedAdoption.Figures> want = expected.byMunicipality(month);
        Map<String, JsonNode> got = new HashMap<>();
        for (JsonNode row : adoption(month).get("rows")) {
            got.put(row.get("municipality_code").asText(), row);
        }
        for (Map.Entry<String, ExpectedAdoption.Figures> entry : want.entrySet()) {
            JsonNode row = got.get(entry.getKey());
            ExpectedAdoption.Figures figures = entry.getValue();
            assertThat(row).as("API row for municipality %s in %s", entry.getKey(), month).isNotNull();
            assertThat(row.get("offices_in_scope").asLong()).as("offices_in_scope of %s", entry.getKey()).isEqualTo(figures.inScope());
            assertThat(row.get("offices_applied").asLong()).as("offices_applied of %s", entry.getKey()).isEqualTo(figures.applied());
            assertThat(row.get("offices_active").asLong()).as("offices_active of %s", entry.getKey()).isEqualTo(figures.active());
            assertThat(row.get("application_rate").asDouble()).as("application_rate of %s", entry.getKey())
                    .isCloseTo(figures.applicationRate(), within(1e-12));
            assertThat(row.get("active_rate").asDouble()).as("active_rate of %s", entry.getKey())
                    .isCloseTo(figures.activeRate(), within(1e-12));
        }
        for (Map.Entry<String, JsonNode> entry : got.entrySet()) {
            if (!want.containsKey(entry.getKey())) {
                assertThat(entry.getValue().get("offices_in_scope").asLong())
                        .as("municipality %s has no in-scope office in the inputs", entry.getKey()).isZero();
            }
        }
        assertRanksFollowRates(got, want);
    }

    /** national_rank is RANK() by application rate, descending, among municipalities with offices. */
    private static void assertRanksFollowRates(Map<String, JsonNode> got, Map<String, ExpectedAdoption.Figures> want) {
        for (Map.Entry<String, ExpectedAdoption.Figures> entry : want.entrySet()) {
            double rate = entry.getValue().applicationRate();
            long higher = want.values().stream().filter(other -> other.applicationRate() > rate + 1e-12).count();
            assertThat(got.get(entry.getKey()).get("national_rank").asLong())
                    .as("national_rank of %s", entry.getKey()).isEqualTo(higher + 1);
        }
    }

    private JsonNode adoption(YearMonth month) throws Exception {
        HttpResponse<String> response = get("/api/v1/municipal-adoption?month=" + month);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("month").asText()).isEqualTo(month.toString());
        return body;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, demoUsers.get("ministry"));
    }

    private HttpResponse<String> get(String path, DemoUser user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(dashboardUri.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", user.authorization()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void relayTheOutbox() throws Exception {
        // As bin/renkei demo does: every sending office's credentials, and the relay's trust anchor, before it starts.
        int issued = new CommandLine(new RelayCommand()).execute("ca", "issue", "--home", home.toString(), "--senders-in",
                nation.outbox().toString());
        assertThat(issued).as("renkei-relay ca issue --senders-in %s", nation.outbox()).isZero();
        Path portFile = home.resolve("relay.port");
        try (ModuleProcess relay = ModuleProcess.start("relay/server", List.of("-Xmx512m"), "jp.renkei.relay.cli.RelayCommand",
                List.of("serve", "--home", home.toString(), "--port", "0", "--port-file", portFile.toString()),
                home.resolve("logs").resolve("relay.log"))) {
            relay.awaitCondition("the relay's port file", Duration.ofSeconds(60), () -> Files.exists(portFile));
            URI relayUri = URI.create("https://127.0.0.1:" + Files.readString(portFile).strip());
            Path demoInput = home.resolve("demo-input");
            OutboxSender sender = new OutboxSender(relayUri, home.resolve("relay").resolve("tls").resolve("relay-cert.pem"),
                    AgentCredentials.inHome(home), demoInput.resolve("sent"), demoInput.resolve("rejected"));
            Map<UploadOutcome, Integer> outcomes = sender.uploadAll(nation.outbox(), 4, status -> { });
            assertThat(outcomes.get(UploadOutcome.ACKNOWLEDGED)).isEqualTo(nation.files() - nation.archivedFiles());
            relay.stopGracefully(60);
        }
    }

    private void awaitDashboard() throws Exception {
        dashboard.awaitCondition("the dashboard answering", Duration.ofSeconds(120), () -> {
            try {
                return get("/api/v1/municipal-adoption?month=" + LAST_MONTH).statusCode() == 200;
            } catch (IOException notYetListening) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
