package jp.renkei.ingest.municipality;

/** The 6-digit 全国地方公共団体コード: 5 digits and a modulus-11 check digit. */
public final class LocalGovernmentCode {
    private LocalGovernmentCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(code.substring(0, 5)) == code.charAt(5) - '0';
    }

    /** Weights 6,5,4,3,2; the digit is (11 − sum mod 11) mod 10. */
    public static int checkDigit(String fiveDigits) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }
}
