package jp.renkei.dashboard.export;

import java.util.Arrays;
import java.util.stream.Collectors;
import jp.renkei.dashboard.system.DashboardException;

/** One table of a page a user may download ({@code table=<param>}); each page lists its own as an enum. */
public interface PageTable {

    /** The {@code table=} value, also the table's id on the page. */
    String param();

    /** The table {@code value} names; the page's first table when none is given; DASH-PARAM-001 naming the choices. */
    static <T extends Enum<T> & PageTable> T parse(Class<T> tables, String value) {
        T[] choices = tables.getEnumConstants();
        if (value == null || value.isBlank()) {
            return choices[0];
        }
        return Arrays.stream(choices).filter(table -> table.param().equals(value.strip())).findFirst()
                .orElseThrow(() -> DashboardException.badParameter("table", Arrays.stream(choices)
                        .map(PageTable::param).collect(Collectors.joining(", ")) + " のいずれか", value));
    }
}
