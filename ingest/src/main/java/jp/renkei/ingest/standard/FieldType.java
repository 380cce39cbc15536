package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.YearMonth;

/** The value formats a layout field can have, each with the Java type its typed record holds. */
enum FieldType {
    /** Column 1, already checked per file by the reader. */
    VERSION(CsvVersion.class),
    /** Free text (quoted on write; commas, quotes and line breaks kept). */
    TEXT(String.class),
    /** A fixed number of digits kept as text (leading zeros matter). */
    DIGITS(String.class),
    /** A non-negative integer of at most {@code length} digits. */
    NUMBER(Integer.class),
    /** {@code YYYYMMDD}, a real date. */
    DATE(LocalDate.class),
    /** {@code YYYYMMDD} or {@code 00000000} (利用者補足情報 tied to 6/7表). */
    DATE_OR_ZERO(String.class),
    /** {@code YYYYMM}, a real month. */
    MONTH(YearMonth.class),
    /** {@code YYYYMM} or {@code 000000} (利用者補足情報 tied to 1/2表). */
    MONTH_OR_ZERO(String.class),
    /** {@code HHMM} 0000–2359, or {@code 9999} for a service without a time. */
    TIME(String.class),
    /** 保険者番号: 6 digits. */
    INSURER(String.class),
    /** 被保険者番号: 10 digits, or H + 9 digits. Never echoed into a finding. */
    INSURED(String.class),
    /** 事業所番号: 10 digits with a prefecture code. */
    OFFICE(String.class),
    /** 事業所番号, or {@code 9999999999} (ALL9) on 第7表 total rows. */
    OFFICE_OR_ALL9(String.class),
    /** サービスコード: 6 letters or digits; the first two are the サービス種類コード. */
    SERVICE_CODE(String.class),
    /** サービス種類コード: 2 letters or digits. */
    SERVICE_TYPE(String.class),
    /** A value of a {@link CodeTable}. */
    CODE(String.class),
    /** 日割対象日: 31 characters of 0 and 1. */
    PRORATED(String.class),
    /** 単位数単価: {@code 99.99}. */
    DECIMAL(String.class),
    /** 郵便番号: {@code XXX-XXXX}. */
    POSTAL(String.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    Class<?> javaType() {
        return javaType;
    }
}
