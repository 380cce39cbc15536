package jp.renkei.relay.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.renkei.relay.cardcheck.CsvEligibilityRegistry;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import jp.renkei.relay.server.RelayConfig;

/**
 * The card-check part of a relay home: a trusted test issuer in {@code card-issuers/}, insurer CSVs in
 * {@code eligibility/} and the revocation list, as an operator would place them.
 */
public final class CardHome {
    private final RelayConfig config;

    private CardHome(RelayConfig config) {
        this.config = config;
    }

    public static CardHome of(RelayConfig config) {
        return new CardHome(config);
    }

    /** Places the issuer's certificate where the relay looks for trusted issuers. */
    public CardHome trust(CardIssuer issuer, String fileName) throws IOException {
        issuer.writeCertificatePem(config.cardCheck().issuersFolder().resolve(fileName));
        return this;
    }

    /** One registry row; {@code registeredOffices} joined with ';'. */
    public record Person(IssuedCard card, String insurer, String insuredPersonNumber, String careLevel,
            LocalDate validFrom, LocalDate validTo, int copaymentRatio, List<String> registeredOffices) {
    }

    /** Writes {@code <insurer>.csv} with the given people (all of that insurer). */
    public CardHome register(String insurer, Person... people) throws IOException {
        Path folder = config.cardCheck().eligibilityFolder();
        Files.createDirectories(folder);
        try (Writer writer = Files.newBufferedWriter(folder.resolve(insurer + ".csv"), StandardCharsets.UTF_8)) {
            writer.write(String.join(",", CsvEligibilityRegistry.HEADER) + "\n");
            for (Person person : people) {
                writer.write(String.join(",", person.card().serialHex(), person.insurer(), person.insuredPersonNumber(),
                        person.careLevel(), person.validFrom().toString(), person.validTo().toString(),
                        Integer.toString(person.copaymentRatio()), String.join(";", person.registeredOffices())) + "\n");
            }
        }
        return this;
    }

    public CardHome revoke(IssuedCard... cards) throws IOException {
        Path list = config.cardCheck().revocationList();
        Files.createDirectories(list.getParent());
        StringBuilder lines = new StringBuilder("# revoked card certificates\n");
        for (IssuedCard card : cards) {
            lines.append(card.serialHex()).append('\n');
        }
        Files.writeString(list, lines, StandardCharsets.UTF_8);
        return this;
    }

    public Path eligibilityFolder() {
        return config.cardCheck().eligibilityFolder();
    }

    /** A card valid for a year around {@code now}. */
    public static IssuedCard validCard(CardIssuer issuer, String holder, Instant now) {
        return issuer.issue(holder, now.minusSeconds(86_400), now.plusSeconds(365L * 86_400));
    }

    /** What the card's user-authentication key computes: SHA256withRSA over the challenge. */
    public static byte[] sign(PrivateKey key, byte[] challenge) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(challenge);
            return signature.sign();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
