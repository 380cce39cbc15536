package jp.renkei.marts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which columns of a mart say where a row belongs: its prefecture, municipality and office. A viewer scoped to one of
 * them reads the rows whose column equals its own code; a mart without the viewer's column is closed to that viewer.
 * A mart with none of them is a national aggregate (no office or municipality can be singled out), open to every role.
 *
 * @param prefectureColumn the row's prefecture (2 digits), or null for a national aggregate
 * @param municipalityColumn the row's 全国地方公共団体コード (6 digits), or null when rows are not per municipality
 * @param officeColumn the row's 事業所番号 (10 digits), or null when rows are not per office
 */
public record ScopeColumns(String prefectureColumn, String municipalityColumn, String officeColumn) {

    public ScopeColumns {
        if (prefectureColumn == null && (municipalityColumn != null || officeColumn != null)) {
            throw new IllegalArgumentException("a mart scoped to municipalities or offices names its prefecture too");
        }
    }

    static ScopeColumns nationalAggregate() {
        return new ScopeColumns(null, null, null);
    }

    static ScopeColumns prefectural() {
        return new ScopeColumns("prefecture_code", null, null);
    }

    static ScopeColumns municipal() {
        return new ScopeColumns("prefecture_code", "municipality_code", null);
    }

    /** Rows per office; with its municipality too when the mart carries the office's municipality code. */
    static ScopeColumns perOffice(boolean withMunicipality) {
        return new ScopeColumns("prefecture_code", withMunicipality ? "municipality_code" : null, "office_number");
    }

    public Optional<String> prefecture() {
        return Optional.ofNullable(prefectureColumn);
    }

    public Optional<String> municipality() {
        return Optional.ofNullable(municipalityColumn);
    }

    public Optional<String> office() {
        return Optional.ofNullable(officeColumn);
    }

    public boolean isNationalAggregate() {
        return prefectureColumn == null;
    }

    /** The scope columns present, prefecture first. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        prefecture().ifPresent(names::add);
        municipality().ifPresent(names::add);
        office().ifPresent(names::add);
        return names;
    }
}
