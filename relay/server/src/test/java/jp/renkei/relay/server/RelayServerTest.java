package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static jp.renkei.relay.testing.ScheduleFiles.UNREGISTERED;
import static jp.renkei.relay.testing.ScheduleFiles.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.relay.testing.CapturedLogs;
import jp.renkei.relay.testing.LandingFolder;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The relay over real HTTPS on an ephemeral port: what it acknowledges, delivers and lands, and what it refuses. */
class RelayServerTest {
    /** 21:00 on 26 November in Tokyo, already the 27th in the test JVM's zone (Pacific/Apia). */
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long MAXIMUM_FILE_BYTES = 4_096;
    private static final String PERSON_A = "1234567890";
    private static final String PERSON_B = "H987654321";
    private static final String NAME = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
    private static final byte[] PLAN = ScheduleFiles.plan(HOME_HELP, PERSON_A);
    /** Sixty valid visits: a valid file, but larger than {@link #MAXIMUM_FILE_BYTES}. */
    private static final byte[] LARGE_PLAN = ScheduleFiles.content(IntStream.rangeClosed(1, 60)
            .mapToObj(person -> visit(String.format("10000000%02d", person), 1 + person % 28, HOME_HELP)).toList());

    @TempDir
    Path folder;

    private RelayHome home;
    private RunningRelay relay;

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        Properties properties = new Properties();
        properties.setProperty("relay.maximum-file-bytes", Long.toString(MAXIMUM_FILE_BYTES));
        relay = home.start(properties, CLOCK);
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void aValidUploadIsAcknowledgedAfterJournalingThenDeliveredAndLandedUnderPseudonyms() throws Exception {
        byte[] content = ScheduleFiles.content(List.of(
                visit(PERSON_A, 3, HOME_HELP), visit(PERSON_A, 10, HOME_HELP), visit(PERSON_B, 5, HOME_HELP)));

        Reply reply = relay.client().upload(CARE_MANAGER, NAME, content);

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        JsonNode acknowledgement = reply.json();
        String messageId = acknowledgement.get("message_id").asText();
        assertThat(UUID.fromString(messageId)).hasToString(messageId);
        assertThat(acknowledgement.get("sha256").asText()).isEqualTo(sha256(content));
        assertThat(acknowledgement.get("sequence").asLong()).isEqualTo(1);
        assertThat(acknowledgement.get("status").asText()).isEqualTo("accepted");
        relay.client().awaitProcessed(1);
        Reply download = relay.client().download(HOME_HELP, NAME);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("X-Renkei-Message-Id")).hasValue(messageId);
        assertThat(download.headers().firstValue("X-Renkei-Sha256")).hasValue(sha256(content));
        java.security.cert.X509Certificate signer = jp.renkei.relay.pki.FileSignature.decodeCertificate(
                download.headers().firstValue("X-Renkei-Signer-Certificate").orElseThrow());
        assertThat(signer).as("the sender's certificate travels with the file")
                .isEqualTo(relay.client().credentials(CARE_MANAGER).certificate());
        assertThat(jp.renkei.relay.pki.FileSignature.verifies(signer, NAME, content,
                download.headers().firstValue("X-Renkei-Signature").orElseThrow())).isTrue();

        relay.close();

        assertThat(home.relay().resolve("inbox")).as("delivered files stay in the journal, not copied").doesNotExist();
        assertThat(Files.readString(home.relay().resolve("journal").resolve("journal.log"),
                StandardCharsets.ISO_8859_1)).as("the journal is sealed at rest (AES-GCM)")
                .doesNotContain(PERSON_A).doesNotContain(PERSON_B).doesNotContain(NAME);
        assertThat(LandingFolder.parts(home.landing(), LandingDataset.EXCHANGES)).singleElement()
                .satisfies(part -> assertThat(part.getParent().getFileName()).as("Tokyo landing date")
                        .hasToString("dt=2026-11-26"));
        assertThat(LandingFolder.rows(home.landing(), LandingDataset.EXCHANGES)).containsExactly(Map.ofEntries(
                Map.entry("message_id", messageId),
                Map.entry("kind", "UPPLAN"),
                Map.entry("csv_version", "202407"),
                Map.entry("sender_office", CARE_MANAGER),
                Map.entry("sender_service_type", "43"),
                Map.entry("recipient_office", HOME_HELP),
                Map.entry("recipient_service_type", "11"),
                Map.entry("target_month", "2026-10"),
                Map.entry("records", "3"),
                Map.entry("persons", "2"),
                Map.entry("bytes", Integer.toString(content.length)),
                Map.entry("sha256", sha256(content)),
                Map.entry("received_at", "2026-11-26T12:00:00.123Z"),
                Map.entry("delivered_at", "2026-11-26T12:00:00.123Z"),
                Map.entry("acked_at", ""),
                Map.entry("status", "delivered")));
        PersonPseudonymizer pseudonymizer = new PersonPseudonymizer(RelayHome.PSEUDONYM_KEY);
        assertThat(LandingFolder.rows(home.landing(), LandingDataset.SCHEDULE_LINES)).containsExactly(
                scheduleLine(messageId, pseudonymizer.personKey(PERSON_A), "2026-10-03"),
                scheduleLine(messageId, pseudonymizer.personKey(PERSON_A), "2026-10-10"),
                scheduleLine(messageId, pseudonymizer.personKey(PERSON_B), "2026-10-05"));
        assertThat(LandingFolder.everyFile(home.landing())).isNotEmpty().allSatisfy(file ->
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("clear 被保険者番号 in %s", file)
                        .doesNotContain(PERSON_A, PERSON_B));
        assertThat(home.relay().resolve("landing.checkpoint")).hasContent("1");
    }

    @Test
    void aFileForAnUnregisteredOfficeIsAcknowledgedAndHeldForAnOperator() throws Exception {
        String name = ScheduleFiles.name(CARE_MANAGER, UNREGISTERED, SENT_AT);
        byte[] content = ScheduleFiles.plan(UNREGISTERED, PERSON_A);

        Reply reply = relay.client().upload(CARE_MANAGER, name, content);
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        relay.close();

        // Held files hold names, addresses and person numbers: sealed under the journal key, owner-only.
        Path held = home.relay().resolve("held");
        Path sealed = held.resolve(name + ".sealed");
        assertThat(held.resolve(name)).doesNotExist();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(sealed)))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(held)))
                .isEqualTo("rwx------");
        assertThat(new String(Files.readAllBytes(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(PERSON_A);
        assertThat(home.relay().resolve("inbox").resolve(UNREGISTERED)).doesNotExist();

        // The operator lists it and exports it in clear, then purges it.
        assertThat(relayCommand("held", "list", "--home", home.root().toString())).contains(name);
        Path exported = home.root().resolve("operator");
        assertThat(relayCommand("held", "export", name, "--to", exported.toString(), "--home", home.root().toString()))
                .isEmpty();
        assertThat(exported.resolve(name)).hasBinaryContent(content);
        relayCommand("held", "purge", name, "--home", home.root().toString());
        assertThat(sealed).doesNotExist();
        assertThat(LandingFolder.rows(home.landing(), LandingDataset.EXCHANGES)).singleElement().satisfies(row -> {
            assertThat(row.get("message_id")).isEqualTo(reply.json().get("message_id").asText());
            assertThat(row.get("recipient_office")).isEqualTo(UNREGISTERED);
            assertThat(row.get("status")).isEqualTo("held");
        });
    }

    /**
     * A held file keeps its sender's proof: once its addressee is in the roster and an operator releases it, the
     * restarted relay delivers it as it arrived, and the sender's receipt says delivered.
     */
    @Test
    void aReleasedHeldFileReachesItsNowRegisteredAddresseeWithItsSendersSignature() throws Exception {
        String name = ScheduleFiles.name(CARE_MANAGER, UNREGISTERED, SENT_AT);
        byte[] content = ScheduleFiles.plan(UNREGISTERED, PERSON_A);
        Reply reply = relay.client().upload(CARE_MANAGER, name, content);
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String messageId = reply.json().get("message_id").asText();
        java.security.cert.X509Certificate sender = relay.client().credentials(CARE_MANAGER).certificate();
        relay.close();
        String homeOption = home.root().toString();

        assertThat(relayCommandExiting(1, "held", "release", name, "--home", homeOption))
                .as("the roster does not list the addressee yet").isEmpty();
        home.writeRoster(CARE_MANAGER, HOME_HELP, UNREGISTERED);
        assertThat(relayCommand("held", "release", "--registered", "--home", homeOption)).isEqualTo(name + "\n");
        assertThat(relayCommand("held", "list", "--home", homeOption)).contains(name + "\t" + UNREGISTERED)
                .contains("release-at-next-start");

        relay = home.start(new Properties(), CLOCK);
        RelayClient client = relay.client();
        client.awaitProcessed(2);
        assertThat(client.inbox(UNREGISTERED).text()).contains(name);
        Reply download = client.download(UNREGISTERED, name);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("X-Renkei-Message-Id")).hasValue(messageId);
        assertThat(jp.renkei.relay.pki.FileSignature.decodeCertificate(
                download.headers().firstValue("X-Renkei-Signer-Certificate").orElseThrow())).isEqualTo(sender);
        assertThat(jp.renkei.relay.pki.FileSignature.verifies(sender, name, content,
                download.headers().firstValue("X-Renkei-Signature").orElseThrow())).isTrue();
        assertThat(client.as(CARE_MANAGER).get("/api/v1/receipts/" + messageId).json().get("status").asText())
                .isEqualTo("delivered");
        assertThat(relayCommand("held", "list", "--home", homeOption)).doesNotContain(name);

        // Released once: another start journals nothing again, and the file is still in the inbox.
        relay.close();
        relay = home.start(new Properties(), CLOCK);
        assertThat(relay.client().get("/health").json().get("journal_sequence").asLong()).isEqualTo(2);
        assertThat(relay.client().inbox(UNREGISTERED).text()).contains(name);
        relay.close();
        assertThat(LandingFolder.rows(home.landing(), LandingDataset.EXCHANGES))
                .extracting(row -> row.get("message_id") + " " + row.get("status"))
                .containsExactlyInAnyOrder(messageId + " held", messageId + " delivered");
    }

    /** Runs {@code renkei-relay} in this JVM and returns what it printed on stdout. */
    private static String relayCommand(String... arguments) {
        return relayCommandExiting(0, arguments);
    }

    /** Runs {@code renkei-relay} in this JVM, expects {@code expectedExit}, and returns what it printed on stdout. */
    private static String relayCommandExiting(int expectedExit, String... arguments) {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream standardOutput = System.out;
        try {
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            int exit = new picocli.CommandLine(new jp.renkei.relay.cli.RelayCommand()).execute(arguments);
            assertThat(exit).as(String.join(" ", arguments)).isEqualTo(expectedExit);
        } finally {
            System.setOut(standardOutput);
        }
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A refused request: how to send it, and the answer expected. */
    record Refusal(String description, Request request, int status, String code) {
        @Override
        public String toString() {
            return description + " → " + status + " " + code;
        }
    }

    @FunctionalInterface
    interface Request {
        Reply send(RelayClient client) throws Exception;
    }

    static Stream<Refusal> refusals() {
        List<String> shortRecord = visit(PERSON_A, 3, HOME_HELP).toFields().subList(0, 24);
        return Stream.of(
                new Refusal("no client certificate", client -> client.post("/api/v1/files/" + NAME, PLAN,
                        Map.of("X-Renkei-Office", CARE_MANAGER)), 401, "RELAY-CERT-001"),
                new Refusal("no signature", client -> client.as(CARE_MANAGER).post("/api/v1/files/" + NAME, PLAN),
                        400, "RELAY-SIGNATURE-001"),
                new Refusal("a signature over other bytes", client -> client.upload(CARE_MANAGER, NAME, PLAN,
                        Map.of("X-Renkei-Signature", client.credentials(CARE_MANAGER).sign(NAME, LARGE_PLAN))),
                        403, "RELAY-SIGNATURE-002"),
                new Refusal("a signature made for the same bytes under another name", client -> client.upload(CARE_MANAGER,
                        NAME, PLAN, Map.of("X-Renkei-Signature", client.credentials(CARE_MANAGER).sign(
                                ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1)), PLAN))),
                        403, "RELAY-SIGNATURE-002"),
                new Refusal("another office's signature", client -> client.upload(CARE_MANAGER, NAME, PLAN,
                        Map.of("X-Renkei-Signature", client.credentials(HOME_HELP).sign(NAME, PLAN))),
                        403, "RELAY-SIGNATURE-002"),
                new Refusal("a signature that is not base64", client -> client.upload(CARE_MANAGER, NAME, PLAN,
                        Map.of("X-Renkei-Signature", "not base64 at all")), 403, "RELAY-SIGNATURE-002"),
                new Refusal("another office's file", client -> client.upload(HOME_HELP, NAME, PLAN), 403, "RELAY-SENDER-001"),
                new Refusal("path traversal", client -> client.upload(CARE_MANAGER, "..%2F..%2Fetc%2Fpasswd", PLAN),
                        400, "STD-NAME-002"),
                new Refusal("line feed in the name", client -> client.upload(CARE_MANAGER,
                        NAME.replace(".CSV", "%0A.CSV"), PLAN), 400, "STD-NAME-002"),
                new Refusal("header injection in the name", client -> client.upload(CARE_MANAGER,
                        NAME + "%0D%0AX-Injected:%20yes", PLAN), 400, "STD-NAME-002"),
                new Refusal("unknown file kind", client -> client.upload(CARE_MANAGER, NAME.replace("UPPLAN", "UPXYZ"), PLAN),
                        400, "STD-NAME-003"),
                new Refusal("larger than the limit", client -> client.upload(CARE_MANAGER, NAME, LARGE_PLAN),
                        413, "RELAY-SIZE-001"),
                new Refusal("wrong field count", client -> client.upload(CARE_MANAGER, NAME,
                        ScheduleFiles.raw(List.of(shortRecord))), 422, "RELAY-CONTENT-001"),
                new Refusal("GET on the upload path", client -> client.as(CARE_MANAGER).get("/api/v1/files/" + NAME),
                        405, "RELAY-METHOD-001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedUploadLeavesNoTraceButALogLine(Refusal refusal) throws Exception {
        Reply reply;
        List<String> logged;
        try (CapturedLogs logs = new CapturedLogs()) {
            reply = refusal.request().send(relay.client());
            logged = logs.lines();
        }

        assertThat(reply.status()).as(reply.text()).isEqualTo(refusal.status());
        assertThat(reply.code()).isEqualTo(refusal.code());
        assertThat(reply.json().get("message").asText()).isNotBlank();
        assertThat(logged).as("the refusal is logged with its status and code, on one line")
                .anySatisfy(line -> assertThat(line).contains("refused").contains(Integer.toString(refusal.status()))
                        .contains(refusal.code()).doesNotContain("\n"))
                .noneSatisfy(line -> assertThat(line).contains(PERSON_A));
        assertNothingWasAccepted();
    }

    @Test
    void anOfficeOverItsUploadRateIsAnswered429WithRetryAfterAndOthersAreNotHeldBack() throws Exception {
        relay.close();
        Properties slow = new Properties();
        slow.setProperty("relay.office-uploads-per-second", "1");
        slow.setProperty("relay.office-upload-burst", "2");
        try (RunningRelay limited = home.start(slow, CLOCK)) {
            RelayClient client = limited.client();
            List<Integer> statuses = new ArrayList<>();
            Reply refused = null;
            for (int minute = 0; minute < 10 && refused == null; minute++) {
                Reply reply = client.upload(CARE_MANAGER, ScheduleFiles.name(CARE_MANAGER, HOME_HELP,
                        SENT_AT.plusMinutes(minute)), PLAN);
                statuses.add(reply.status());
                refused = reply.status() == 429 ? reply : null;
            }
            Reply otherOffice = client.upload(HOME_HELP, ScheduleFiles.name(HOME_HELP, CARE_MANAGER, SENT_AT),
                    ScheduleFiles.plan(HOME_HELP, PERSON_A));

            assertThat(statuses.subList(0, 2)).as("the burst").containsOnly(202);
            assertThat(refused).as("uploads faster than 1/s after the burst: " + statuses).isNotNull();
            assertThat(refused.code()).isEqualTo("RELAY-RATE-001");
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            assertThat(otherOffice.status()).as(otherOffice.text()).isNotEqualTo(429);
        }
    }

    @Test
    void theLargePlanOfTheRefusalsIsValidButOverTheLimit() throws Exception {
        assertThat((long) LARGE_PLAN.length).isGreaterThan(MAXIMUM_FILE_BYTES);
        relay.close();
        Properties unlimited = new Properties();
        try (RunningRelay generous = home.start(unlimited, CLOCK)) {
            assertThat(generous.client().upload(CARE_MANAGER, NAME, LARGE_PLAN).status()).isEqualTo(202);
        }
    }

    @Test
    void aContentRefusalListsEachErrorWithItsLineAndFieldButNotThePersonalData() throws Exception {
        List<String> impossibleDate = new ArrayList<>(visit(PERSON_B, 4, HOME_HELP).toFields());
        impossibleDate.set(ScheduleRecord.FIELD_NAMES_VERSION_4.indexOf("サービス利用日"), "20261032");
        byte[] content = ScheduleFiles.raw(List.of(visit(PERSON_A, 3, HOME_HELP).toFields(), impossibleDate));

        Reply reply = relay.client().upload(CARE_MANAGER, NAME, content);

        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        JsonNode body = reply.json();
        assertThat(body.get("code").asText()).isEqualTo("RELAY-CONTENT-001");
        assertThat(body.get("errors").asInt()).isEqualTo(1);
        assertThat((Iterable<JsonNode>) body.get("findings")).singleElement().satisfies(finding -> {
            assertThat(finding.get("code").asText()).isEqualTo("STD-DATE-001");
            assertThat(finding.get("line").asLong()).isEqualTo(2);
            assertThat(finding.get("column").asInt()).isEqualTo(10);
            assertThat(finding.get("field").asText()).isEqualTo("サービス利用日");
            assertThat(finding.get("message").asText()).contains("20261032");
        });
        assertThat(reply.text()).doesNotContain(PERSON_A, PERSON_B);
        assertNothingWasAccepted();
    }

    @Test
    void aFieldCountRefusalNamesTheRecordsLine() throws Exception {
        List<String> good = visit(PERSON_A, 3, HOME_HELP).toFields();
        List<String> extraField = new ArrayList<>(visit(PERSON_A, 4, HOME_HELP).toFields());
        extraField.add("surplus");
        byte[] content = ScheduleFiles.raw(List.of(good, good, extraField));

        Reply reply = relay.client().upload(CARE_MANAGER, NAME, content);

        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        assertThat((Iterable<JsonNode>) reply.json().get("findings")).singleElement().satisfies(finding -> {
            assertThat(finding.get("code").asText()).isEqualTo("STD-FIELDS-001");
            assertThat(finding.get("line").asLong()).isEqualTo(3);
            assertThat(finding.get("field").asText()).isEmpty();
            assertThat(finding.get("message").asText()).contains("25", "26");
        });
        assertNothingWasAccepted();
    }

    @Test
    void aDeliveredFileIsListedAndDownloadableOnlyByItsAddressee() throws Exception {
        RelayClient client = relay.client();
        Reply upload = client.upload(CARE_MANAGER, NAME, PLAN);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        client.awaitProcessed(upload.json().get("sequence").asLong());

        Reply addresseeList = client.inbox(HOME_HELP);
        assertThat(addresseeList.status()).isEqualTo(200);
        assertThat(addresseeList.json().get("office").asText()).isEqualTo(HOME_HELP);
        assertThat((Iterable<JsonNode>) addresseeList.json().get("files")).extracting(JsonNode::asText).containsExactly(NAME);
        assertThat((Iterable<JsonNode>) client.inbox(CARE_MANAGER).json().get("files")).isEmpty();

        Reply download = client.download(HOME_HELP, NAME);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PLAN);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("text/csv; charset=windows-31j");

        Reply someoneElse = client.download(CARE_MANAGER, NAME);
        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(someoneElse.code()).isEqualTo("RELAY-INBOX-001");
    }

    static Stream<String> namesOutsideTheInbox() {
        return Stream.of("..", "..%2F..", "..%2F" + HOME_HELP + "%2F" + NAME, "%2E%2E%2F%2E%2E%2Fsecrets%2Fpseudonym.key",
                "..%5C..%5Csecrets", ".hidden", "name%0Awith-line-feed");
    }

    @ParameterizedTest
    @MethodSource("namesOutsideTheInbox")
    void anInboxNameThatIsNotAPlainFileNameIsRefused(String rawName) throws Exception {
        RelayClient client = relay.client();
        Reply upload = client.upload(CARE_MANAGER, NAME, PLAN);
        client.awaitProcessed(upload.json().get("sequence").asLong());

        Reply reply = client.download(CARE_MANAGER, rawName);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("RELAY-NAME-001");
        assertThat(reply.body()).isNotEqualTo(PLAN);
    }

    @Test
    void theInboxNeedsAClientCertificateAndNamingAnOfficeInAHeaderProvesNothing() throws Exception {
        RelayClient client = relay.client();

        Reply anonymous = client.get("/api/v1/inbox", Map.of("X-Renkei-Office", HOME_HELP));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("RELAY-CERT-001");
    }

    @Test
    void healthReportsTheJournalAndTheRegistry() throws Exception {
        JsonNode before = relay.client().health();
        Reply upload = relay.client().upload(CARE_MANAGER, NAME, PLAN);
        relay.client().awaitProcessed(1);
        JsonNode after = relay.client().health();

        assertThat(before.get("status").asText()).isEqualTo("ok");
        assertThat(before.get("journal_sequence").asLong()).isZero();
        assertThat(before.get("registered_offices").asInt()).isEqualTo(2);
        assertThat(upload.status()).isEqualTo(202);
        assertThat(after.get("journal_sequence").asLong()).isEqualTo(1);
        assertThat(after.get("processed_sequence").asLong()).isEqualTo(1);
        assertThat(after.get("journal_forces").asLong()).isEqualTo(1);
    }

    @Test
    void metricsCountAcknowledgementsRefusalsByCodeAndTheJournalWithoutNamesOrPersons() throws Exception {
        assertThat(relay.client().upload(CARE_MANAGER, NAME, PLAN).status()).isEqualTo(202);
        assertThat(relay.client().post("/api/v1/files/" + NAME, PLAN).status()).isEqualTo(401);
        assertThat(relay.client().upload(HOME_HELP, NAME, PLAN).status()).isEqualTo(403);

        Reply metrics = relay.client().get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain"));
        assertThat(metrics.text().lines().toList()).contains(
                "renkei_relay_uploads_acknowledged_total 1",
                "renkei_relay_refusals_total{code=\"RELAY-CERT-001\"} 1",
                "renkei_relay_refusals_total{code=\"RELAY-SENDER-001\"} 1",
                "renkei_relay_journal_records_total 1",
                "renkei_relay_journal_forces_total 1",
                "renkei_relay_journal_queue_depth 0");
        assertThat(metrics.text()).contains("renkei_relay_journal_force_seconds_max ")
                .doesNotContain(NAME).doesNotContain(PERSON_A).doesNotContain(CARE_MANAGER);
    }

    /** Nothing journaled while running; after a clean stop nothing delivered, held or landed. */
    private void assertNothingWasAccepted() throws Exception {
        JsonNode health = relay.client().health();
        assertThat(health.get("journal_sequence").asLong()).as("journal sequence").isZero();
        assertThat(health.get("journal_forces").asLong()).as("journal forces").isZero();
        relay.close();
        assertThat(home.relay().resolve("journal").resolve("journal.log")).isEmptyFile();
        assertThat(home.relay().resolve("inbox")).doesNotExist();
        assertThat(home.relay().resolve("held")).doesNotExist();
        assertThat(LandingFolder.everyFile(home.landing())).isEmpty();
    }

    private static Map<String, String> scheduleLine(String messageId, String personKey, String serviceDate) {
        return Map.ofEntries(
                Map.entry("message_id", messageId),
                Map.entry("kind", "UPPLAN"),
                Map.entry("person_key", personKey),
                Map.entry("insurer", ScheduleFiles.INSURER),
                Map.entry("target_month", "2026-10"),
                Map.entry("service_date", serviceDate),
                Map.entry("service_code", "111211"),
                Map.entry("service_office", HOME_HELP),
                Map.entry("units", "250"),
                Map.entry("start_time", "0900"),
                Map.entry("end_time", "1000"),
                Map.entry("count", "1"));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
