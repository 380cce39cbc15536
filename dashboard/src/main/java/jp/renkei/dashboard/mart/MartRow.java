package jp.renkei.dashboard.mart;

import java.util.Map;
import jp.renkei.marts.Mart;

/**
 * One row of a mart, read by column name: every getter checks the name against the contract, so a renamed column
 * fails loudly instead of reading null. Numbers come back as the contract's kind whatever width Parquet stored.
 */
public record MartRow(Mart mart, Map<String, Object> values) {

    public Object value(String column) {
        mart.column(column);
        return values.get(column);
    }

    public String text(String column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    public Long whole(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).longValue();
    }

    public Integer small(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).intValue();
    }

    public Double decimal(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public Boolean flag(String column) {
        return (Boolean) value(column);
    }
}
