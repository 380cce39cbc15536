package jp.renkei.ingest.standard;

/** 事業所番号: 10 digits whose first two are a prefecture code 01–47. */
public final class OfficeNumber {
    private OfficeNumber() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.length() != 10 || !StandardValues.isDigits(value)) {
            return false;
        }
        int prefecture = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
        return prefecture >= 1 && prefecture <= 47;
    }

    static void requireValid(String value, String fileName, String fieldJa, String fieldEn) throws InvalidFileNameException {
        if (!isValid(value)) {
            throw new InvalidFileNameException("STD-NAME-006", fileName,
                    fieldJa + "「" + value + "」は10桁の数字で、先頭2桁が都道府県コード(01〜47)である必要があります",
                    fieldEn + " '" + value + "' must be 10 digits starting with a prefecture code 01–47");
        }
    }
}
