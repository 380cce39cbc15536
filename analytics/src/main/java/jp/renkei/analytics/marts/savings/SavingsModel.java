package jp.renkei.analytics.marts.savings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The parameters of the savings model, each with its source in {@code savings-model.properties} (the defaults, on the
 * classpath) or in a user's file with the same keys.
 */
public record SavingsModel(double sheetsPerDocument, double paperYenPerSheet, double postageYenPerDocument,
        double mailedShare, double handlingMinutesPerDocument, double transcriptionMinutesPerLine,
        double staffYenPerHour, double licenseYenPerYear, double yenPerUnit, double careLevelsOneTwoShare,
        SavingsOverrides overrides) {

    static final String DEFAULTS = "savings-model.properties";

    public SavingsModel {
        if (mailedShare < 0 || mailedShare > 1) {
            throw new IllegalArgumentException("mailed.share must be in [0, 1], was " + mailedShare);
        }
        java.util.Objects.requireNonNull(overrides, "overrides");
        if (careLevelsOneTwoShare < 0 || careLevelsOneTwoShare > 1) {
            throw new IllegalArgumentException("care.levels.1-2.share must be in [0, 1], was " + careLevelsOneTwoShare);
        }
    }

    public static SavingsModel defaults() {
        try (InputStream in = SavingsModel.class.getResourceAsStream(DEFAULTS)) {
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return of(properties, DEFAULTS);
        } catch (IOException impossible) {
            throw new UncheckedIOException("the bundled " + DEFAULTS + " cannot be read", impossible);
        }
    }

    public static SavingsModel load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return of(properties, file.toString());
    }

    private static SavingsModel of(Properties properties, String source) {
        return new SavingsModel(number(properties, "sheets.per.document", source),
                number(properties, "paper.yen.per.sheet", source), number(properties, "postage.yen.per.document", source),
                number(properties, "mailed.share", source), number(properties, "handling.minutes.per.document", source),
                number(properties, "transcription.minutes.per.line", source),
                number(properties, "staff.yen.per.hour", source), number(properties, "license.yen.per.year", source),
                numberOr(properties, "yen.per.unit", 10.0, source),
                numberOr(properties, "care.levels.1-2.share", 0.55, source), SavingsOverrides.NONE);
    }

    /** The same model with offices' own values ({@code --savings-overrides}). */
    public SavingsModel withOverrides(SavingsOverrides officeValues) {
        return new SavingsModel(sheetsPerDocument, paperYenPerSheet, postageYenPerDocument, mailedShare,
                handlingMinutesPerDocument, transcriptionMinutesPerLine, staffYenPerHour, licenseYenPerYear, yenPerUnit,
                careLevelsOneTwoShare, officeValues);
    }

    /** The model's value of a parameter an office may override, by its key in savings-model.properties. */
    double value(String parameter) {
        return switch (parameter) {
            case "sheets.per.document" -> sheetsPerDocument;
            case "paper.yen.per.sheet" -> paperYenPerSheet;
            case "postage.yen.per.document" -> postageYenPerDocument;
            case "mailed.share" -> mailedShare;
            case "handling.minutes.per.document" -> handlingMinutesPerDocument;
            case "transcription.minutes.per.line" -> transcriptionMinutesPerLine;
            case "staff.yen.per.hour" -> staffYenPerHour;
            case "yen.per.unit" -> yenPerUnit;
            case "care.levels.1-2.share" -> careLevelsOneTwoShare;
            default -> throw new IllegalArgumentException("no savings parameter " + parameter);
        };
    }

    /**
     * A key added after users wrote their own files: absent, it takes the bundled default (the same value as in
     * {@value #DEFAULTS}), so an older file still loads.
     */
    private static double numberOr(Properties properties, String key, double bundled, String source) {
        return properties.getProperty(key) == null ? bundled : number(properties, key, source);
    }

    private static double number(Properties properties, String key, String source) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(source + " has no " + key);
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException("negative or not finite");
            }
            return number;
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException(source + ": " + key + " must be a number of 0 or more, not '" + value + "'");
        }
    }
}
