package jp.renkei.relay.carddemo;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.io.JapanTime;
import jp.renkei.ingest.municipality.LocalGovernmentCode;
import jp.renkei.ingest.reports.CardRolloutFile;
import jp.renkei.relay.agent.AgentCredentials;
import jp.renkei.relay.card.CardCheckClient;
import jp.renkei.relay.card.CardCheckException;
import jp.renkei.relay.card.CardCheckRefusedException;
import jp.renkei.relay.card.CardMethod;
import jp.renkei.relay.card.CardReader;
import jp.renkei.relay.card.EligibilityAnswer;
import jp.renkei.relay.cardcheck.CardCheckConfig;
import jp.renkei.relay.cardcheck.CsvEligibilityRegistry;
import jp.renkei.relay.cardemulator.CardEmulator;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import jp.renkei.relay.pki.OfficeCredentials;

/**
 * Runs the demo's card checks. {@link #prepare} (before the relay starts, since it reads its trusted issuers then)
 * creates the demo issuer; {@link #run} issues a card per demo person, registers them, and has care-management
 * offices ({@link #checkingOffices}, each with its own client certificate) check them through pcscd — mostly good PIN checks, some face checks, and the everyday failures (wrong PIN,
 * no card in time, card pulled out, unknown person, certification ended) so every outcome shows in the marts.
 */
public final class CardCheckDemo {
    private static final String PIN = "1234";
    private static final String WRONG_PIN = "9999";
    private static final Duration CARD_TIMEOUT = Duration.ofMillis(400);
    private static final ZoneId TOKYO = JapanTime.ZONE;

    enum Scenario { PIN_OK, FACE_OK, WRONG_PIN, NO_CARD, CARD_PULLED, UNKNOWN_PERSON, CERTIFICATION_ENDED }

    private static final Map<Scenario, Integer> WEIGHTS = new EnumMap<>(Map.of(
            Scenario.PIN_OK, 78, Scenario.FACE_OK, 8, Scenario.WRONG_PIN, 4, Scenario.NO_CARD, 2,
            Scenario.CARD_PULLED, 2, Scenario.UNKNOWN_PERSON, 3, Scenario.CERTIFICATION_ENDED, 3));

    /** One demo person: their card, insurer and the office that checks them. */
    record Person(IssuedCard card, String insurer, String insuredPersonNumber, String office, boolean certified,
            boolean registered) {
    }

    /** What the run did and how long whole checks took. */
    public record Result(Map<String, Integer> outcomes, double wholeCheckP50Millis, double wholeCheckP95Millis,
            int measuredChecks) {
        public String report() {
            StringBuilder text = new StringBuilder();
            outcomes.forEach((outcome, count) -> text.append(String.format("  %-28s %,6d%n", outcome, count)));
            text.append(String.format("  whole check (card + relay + registry), %,d good checks: p50 %.1f ms, p95 %.1f ms%n",
                    measuredChecks, wholeCheckP50Millis, wholeCheckP95Millis));
            return text.toString();
        }
    }

    private CardCheckDemo() {
    }

    /** Creates the demo issuer under {@code demoFolder} and makes the relay trust it. */
    public static Path prepare(Path demoFolder, CardCheckConfig relayCardConfig) throws IOException {
        Path issuerFolder = demoFolder.resolve("card-issuer");
        CardIssuer issuer = Files.exists(issuerFolder.resolve(CardIssuer.CERTIFICATE_FILE)) ? CardIssuer.load(issuerFolder)
                : CardIssuer.create("renkei demo JPKI issuer (test only)");
        issuer.save(issuerFolder);
        Path trusted = relayCardConfig.issuersFolder().resolve("renkei-demo-issuer.pem");
        issuer.writeCertificatePem(trusted);
        return trusted;
    }

    /**
     * @param relayCertificate the relay's certificate (PEM)
     * @param credentials each checking office's credentials ({@link #prepare} and {@code card-demo --prepare} issue
     *                    them into the home); all are looked up before the first check
     */
    public static Result run(Path demoFolder, CardCheckConfig relayCardConfig, List<String> offices, URI relay,
            Path relayCertificate, AgentCredentials credentials, String readerName, int checks, long seed,
            Consumer<String> progress) throws Exception {
        CardIssuer issuer = CardIssuer.load(demoFolder.resolve("card-issuer"));
        Random random = new Random(seed);
        if (offices.isEmpty()) {
            throw new IllegalArgumentException("no checking office: card checks need a licensed 居宅介護支援 (43) office "
                    + "in a municipality that has joined the 介護情報基盤");
        }
        Map<String, OfficeCredentials> identities = new LinkedHashMap<>();
        for (String office : offices) {
            try {
                identities.put(office, credentials.of(office));
            } catch (AgentCredentials.MissingCredentialsException missing) {
                throw new IOException(missing.getMessage() + "; `bin/renkei relay-tools card-demo --prepare` issues those of "
                        + "every checking office (before the relay starts)", missing);
            }
        }
        List<Person> people = people(issuer, offices, Math.max(10, checks / 3), random);
        register(people, relayCardConfig.eligibilityFolder());

        Map<String, CardCheckClient> clients = new HashMap<>();
        CardReader reader = new CardReader(readerName, CARD_TIMEOUT);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<Long> wholeChecks = new ArrayList<>();
        LocalDate today = LocalDate.now(TOKYO);
        for (int i = 0; i < checks; i++) {
            Scenario scenario = draw(random);
            Person person = pick(people, scenario, random);
            CardCheckClient client = clients.get(person.office());
            if (client == null) {
                client = new CardCheckClient(relay, identities.get(person.office()), relayCertificate);
                clients.put(person.office(), client);
            }
            String outcome = checkOnce(client, reader, readerName, person, scenario, today, wholeChecks);
            outcomes.merge(outcome, 1, Integer::sum);
            progress.accept((i + 1) + "/" + checks + " checks");
        }
        long[] sorted = wholeChecks.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(outcomes, percentile(sorted, 50), percentile(sorted, 95), sorted.length);
    }

    private static String checkOnce(CardCheckClient client, CardReader reader, String readerName, Person person,
            Scenario scenario, LocalDate today, List<Long> wholeChecks) throws Exception {
        javax.smartcardio.CardTerminal terminal = CardReader.pcsc().terminals().getTerminal(readerName);
        CardMethod method = scenario == Scenario.FACE_OK ? CardMethod.FACE : CardMethod.PIN;
        String pin = scenario == Scenario.WRONG_PIN ? WRONG_PIN : PIN;
        CardEmulator emulator = new CardEmulator(person.card(), PIN);
        try {
            if (scenario != Scenario.NO_CARD) {
                emulator.insert();
                terminal.waitForCardPresent(5_000);
            }
            if (scenario == Scenario.CARD_PULLED) {
                emulator.pullOutAfter(command -> command.length > 1 && command[1] == (byte) 0xB0);
            }
            long started = System.nanoTime();
            EligibilityAnswer answer = client.check(method,
                    challenge -> reader.read(method, challenge, method == CardMethod.PIN ? pin.toCharArray() : null), today);
            if (answer.eligible()) {
                wholeChecks.add(System.nanoTime() - started);
                return "eligible (" + method.wireName() + ")";
            }
            return "not eligible: " + answer.code();
        } catch (CardCheckException atTheOffice) {
            return "office: " + atTheOffice.failure().reason();
        } catch (CardCheckRefusedException byTheRelay) {
            return "relay: " + byTheRelay.code();
        } finally {
            emulator.close();
            if (scenario != Scenario.NO_CARD) {
                terminal.waitForCardAbsent(5_000);
            }
        }
    }

    private static Scenario draw(Random random) {
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int point = random.nextInt(total);
        for (Map.Entry<Scenario, Integer> weight : WEIGHTS.entrySet()) {
            point -= weight.getValue();
            if (point < 0) {
                return weight.getKey();
            }
        }
        return Scenario.PIN_OK;
    }

    private static Person pick(List<Person> people, Scenario scenario, Random random) {
        List<Person> candidates = people.stream().filter(person -> switch (scenario) {
            case UNKNOWN_PERSON -> !person.registered();
            case CERTIFICATION_ENDED -> person.registered() && !person.certified();
            default -> person.registered() && person.certified();
        }).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    /**
     * The offices that run the demo's checks: the roster's licensed 居宅介護支援 (43) offices, sorted; with a rollout
     * file ({@link CardRolloutFile}), only those whose municipality has joined the 介護情報基盤 by {@code month}.
     */
    public static List<String> checkingOffices(Path roster, Optional<Path> rollout, YearMonth month) throws IOException {
        Map<String, YearMonth> starts = new HashMap<>();
        if (rollout.isPresent()) {
            try (Reader reader = Files.newBufferedReader(rollout.get(), StandardCharsets.UTF_8)) {
                CardRolloutFile.read(rollout.get().getFileName().toString(), reader).starts()
                        .forEach(start -> starts.put(start.municipalityCode(), start.startMonth()));
            } catch (InputRejectedException invalid) {
                throw new IOException("the 介護情報基盤 rollout " + rollout.get() + " cannot be read: " + invalid.getMessage(),
                        invalid);
            }
        }
        try (Reader reader = Files.newBufferedReader(roster, StandardCharsets.UTF_8)) {
            return ApplicationRoster.read(roster.getFileName().toString(), reader).stream()
                    .filter(application -> "43".equals(application.serviceType()))
                    .map(Application::officeNumber)
                    .filter(office -> rollout.isEmpty() || startedBy(starts.get(insurerOf(office)), month))
                    .distinct().sorted().toList();
        } catch (InputRejectedException invalid) {
            throw new IOException("the license roster " + roster + " cannot be read: " + invalid.getMessage(), invalid);
        }
    }

    private static boolean startedBy(YearMonth start, YearMonth month) {
        return start != null && !start.isAfter(month);
    }

    /** The insurer of a demo office: the municipality whose code the demo put into digits 4–6 of its number. */
    static String insurerOf(String office) {
        String fiveDigits = office.substring(0, 2) + office.substring(3, 6);
        return fiveDigits + LocalGovernmentCode.checkDigit(fiveDigits);
    }

    private static List<Person> people(CardIssuer issuer, List<String> offices, int count, Random random) {
        Instant now = Instant.now();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String office = offices.get(random.nextInt(offices.size()));
            IssuedCard card = issuer.issue("デモ 利用者" + (i + 1), now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650)));
            boolean registered = i % 12 != 0;
            boolean certified = i % 12 != 1;
            people.add(new Person(card, insurerOf(office), String.format("%010d", 8_000_000_000L + i), office, certified,
                    registered));
        }
        return people;
    }

    private static void register(List<Person> people, Path eligibilityFolder) throws IOException {
        Files.createDirectories(eligibilityFolder);
        Map<String, List<Person>> byInsurer = new TreeMap<>();
        people.stream().filter(Person::registered)
                .forEach(person -> byInsurer.computeIfAbsent(person.insurer(), key -> new ArrayList<>()).add(person));
        LocalDate today = LocalDate.now(TOKYO);
        for (Map.Entry<String, List<Person>> insurer : byInsurer.entrySet()) {
            Path file = eligibilityFolder.resolve(insurer.getKey() + ".csv");
            Path temporary = eligibilityFolder.resolve("." + insurer.getKey() + ".csv.tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writer.write(String.join(",", CsvEligibilityRegistry.HEADER) + "\n");
                for (Person person : insurer.getValue()) {
                    LocalDate validTo = person.certified() ? today.plusMonths(11) : today.minusDays(10);
                    writer.write(String.join(",", person.card().serialHex(), person.insurer(), person.insuredPersonNumber(),
                            "要介護" + (1 + Math.floorMod(person.insuredPersonNumber().hashCode(), 5)),
                            validTo.minusYears(1).toString(), validTo.toString(), "1", person.office()) + "\n");
                }
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
    }
}
