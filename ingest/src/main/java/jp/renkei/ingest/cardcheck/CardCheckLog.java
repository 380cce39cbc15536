package jp.renkei.ingest.cardcheck;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.LocalGovernmentCode;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.ingest.standard.OfficeNumber;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A card-check log (UTF-8, RFC 4180, header {@link #HEADER}): one line per check, with the values the relay lands
 * (docs/landing-zone.md, {@code card_checks}) except that the person is the clear 被保険者番号, which only
 * {@link Entry#toLandingRow} turns into a {@code person_key}. Any error (CCL-*) rejects the file.
 */
public final class CardCheckLog {
    public static final List<String> HEADER = List.of("check_id", "office", "insurer", "insured_person_number", "method",
            "result", "failure_reason", "latency_ms", "checked_at");
    public static final Set<String> METHODS = Set.of("pin", "face", "visual");
    public static final Set<String> RESULTS = Set.of("eligible", "not_eligible", "failed");
    /** The office-side and relay-side reasons of docs/landing-zone.md. */
    public static final Set<String> FAILURE_REASONS = Set.of("no_reader", "no_card_timeout", "card_removed", "wrong_pin",
            "pin_locked", "card_error", "challenge_invalid", "issuer_untrusted", "certificate_expired",
            "certificate_revoked", "signature_invalid", "person_not_found", "registry_unreachable", "malformed_request");

    /** One check; {@code insurer} and {@code insuredPersonNumber} are empty when no person was resolved. */
    public record Entry(UUID checkId, String office, String insurer, String insuredPersonNumber, String method,
            String result, String failureReason, long latencyMillis, Instant checkedAt) {

        /** The {@code card_checks} row, the person as its keyed pseudonym. */
        public List<Object> toLandingRow(PersonPseudonymizer pseudonymizer) {
            String personKey = insuredPersonNumber.isEmpty() ? null : pseudonymizer.personKey(insuredPersonNumber);
            return Arrays.asList(checkId.toString(), office, insurer.isEmpty() ? null : insurer, personKey,
                    method.isEmpty() ? null : method, result, failureReason.isEmpty() ? null : failureReason,
                    latencyMillis, checkedAt);
        }
    }

    private CardCheckLog() {
    }

    public static void writeHeader(CSVPrinter printer) throws IOException {
        printer.printRecord(HEADER);
    }

    public static void write(CSVPrinter printer, Entry entry) throws IOException {
        printer.printRecord(entry.checkId(), entry.office(), entry.insurer(), entry.insuredPersonNumber(), entry.method(),
                entry.result(), entry.failureReason(), entry.latencyMillis(), entry.checkedAt());
    }

    public static CSVPrinter printer(Writer writer) throws IOException {
        return new CSVPrinter(writer, HeaderCheckedCsv.FORMAT);
    }

    public static List<Entry> read(String fileName, Reader reader) throws IOException, InputRejectedException {
        Findings findings = new Findings(fileName);
        List<Entry> entries = new ArrayList<>();
        Map<UUID, Long> lines = new HashMap<>();
        HeaderCheckedCsv.read(reader, "CCL", HEADER, findings, (record, line) -> {
            Entry entry = entry(record, line, findings);
            if (entry == null) {
                return;
            }
            Long earlier = lines.putIfAbsent(entry.checkId(), line);
            if (earlier != null) {
                error(findings, "CCL-DUP-001", line, 0, "check_id は" + earlier + "行目と重複しています",
                        "check_id repeats line " + earlier);
            } else {
                entries.add(entry);
            }
        });
        if (findings.hasErrors()) {
            throw new InputRejectedException(findings);
        }
        return entries;
    }

    private static Entry entry(CSVRecord record, long line, Findings findings) {
        long errorsBefore = findings.errorCount();
        UUID checkId = null;
        try {
            checkId = UUID.fromString(record.get(0));
        } catch (IllegalArgumentException notUuid) {
            error(findings, "CCL-ID-001", line, 0, "「" + record.get(0) + "」はUUIDではありません",
                    "'" + record.get(0) + "' is not a UUID");
        }
        if (!OfficeNumber.isValid(record.get(1))) {
            error(findings, "CCL-OFFICE-001", line, 1, "「" + record.get(1) + "」は事業所番号(10桁)ではありません",
                    "'" + record.get(1) + "' is not a 10-digit office number");
        }
        String insurer = record.get(2);
        String person = record.get(3);
        if (!insurer.isEmpty() && !LocalGovernmentCode.isValid(insurer)) {
            error(findings, "CCL-INSURER-001", line, 2, "「" + insurer + "」は保険者番号(検査数字の合う6桁)ではありません",
                    "'" + insurer + "' is not a 6-digit insurer number with a valid check digit");
        }
        if (!person.isEmpty() && !person.matches("\\d{10}")) {
            error(findings, "CCL-PERSON-001", line, 3, "被保険者番号は10桁の数字です", "an insured person number is 10 digits");
        }
        if (insurer.isEmpty() != person.isEmpty()) {
            error(findings, "CCL-PERSON-002", line, insurer.isEmpty() ? 2 : 3, "保険者番号と被保険者番号は両方とも入れるか両方とも空にします",
                    "give both the insurer and the insured person number, or neither");
        }
        String method = record.get(4);
        if (!method.isEmpty() && !METHODS.contains(method)) {
            error(findings, "CCL-METHOD-001", line, 4, "方法は pin, face, visual のいずれかです",
                    "method must be pin, face or visual; found '" + method + "'");
        }
        String result = record.get(5);
        String reason = record.get(6);
        if (!RESULTS.contains(result)) {
            error(findings, "CCL-RESULT-001", line, 5, "結果は eligible, not_eligible, failed のいずれかです",
                    "result must be eligible, not_eligible or failed; found '" + result + "'");
        } else if (result.equals("failed") != !reason.isEmpty()) {
            error(findings, "CCL-REASON-001", line, 6, "理由は結果が failed のときだけ、そのときは必ず入れます",
                    "a failure reason is given exactly when the result is failed");
        }
        if (!reason.isEmpty() && !FAILURE_REASONS.contains(reason)) {
            error(findings, "CCL-REASON-002", line, 6, "「" + reason + "」は既知の理由ではありません",
                    "'" + reason + "' is not a known failure reason " + FAILURE_REASONS);
        }
        long latency = -1;
        if (record.get(7).matches("\\d{1,9}")) {
            latency = Long.parseLong(record.get(7));
        } else {
            error(findings, "CCL-LATENCY-001", line, 7, "latency_ms は0以上の整数(ミリ秒)です",
                    "latency_ms must be a whole number of milliseconds; found '" + record.get(7) + "'");
        }
        Instant checkedAt = null;
        try {
            checkedAt = Instant.parse(record.get(8));
        } catch (DateTimeParseException notInstant) {
            error(findings, "CCL-TIME-001", line, 8, "checked_at はUTCの時刻(例 2026-11-04T01:23:45Z)です",
                    "checked_at must be a UTC instant such as 2026-11-04T01:23:45Z; found '" + record.get(8) + "'");
        }
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        return new Entry(checkId, record.get(1), insurer, person, method, result, reason, latency, checkedAt);
    }

    private static void error(Findings findings, String code, long line, int index, String ja, String en) {
        String field = index < HEADER.size() ? HEADER.get(index) : "";
        findings.error(code, line, index + 1, field, field + ": " + ja, field + ": " + en);
    }
}
