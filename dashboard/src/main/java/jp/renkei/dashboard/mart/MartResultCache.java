package jp.renkei.dashboard.mart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.stereotype.Component;

/**
 * Answers computed from a published run, kept so the next identical request does not read the Parquet files again.
 * A key always holds the run id (a newly published run is a new key: nothing stale is served, and the old entries age
 * out) and the viewer's scope (§8: scope is part of every cache key). Entries are weighed by their rows (a chart by its
 * kilobytes) up to {@code renkei.cache-rows}; an answer heavier than a tenth of that is not kept. Cached values are
 * never modified after they are made.
 */
@Component
public class MartResultCache {

    private final Cache<List<Object>, Object> answers;
    private final long largestKept;

    public MartResultCache(DashboardProperties properties) {
        long capacity = properties.getCacheRows();
        this.largestKept = capacity <= 0 ? 0 : Math.max(1, capacity / 10);
        this.answers = Caffeine.newBuilder().maximumWeight(Math.max(0, capacity))
                .weigher((List<Object> key, Object value) -> (int) Math.min(Integer.MAX_VALUE, weight(value)))
                .expireAfterAccess(Duration.ofMinutes(30)).build();
    }

    /** The answer for {@code key} (which must hold the run id and the scope), computing it at most once while kept. */
    @SuppressWarnings("unchecked")
    public <T> T get(List<Object> key, QueryTiming.SqlCall<T> compute) throws SQLException {
        if (largestKept == 0) {
            return compute.call();
        }
        Object known = answers.getIfPresent(key);
        if (known != null) {
            return (T) known;
        }
        T computed = compute.call();
        if (computed != null && weight(computed) <= largestKept) {
            answers.put(key, computed);
        }
        return computed;
    }

    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    private static long weight(Object value) {
        if (value instanceof Weighed weighed) {
            return 1 + weighed.rowCount();
        }
        if (value instanceof Collection<?> collection) {
            return 1 + collection.size();
        }
        if (value instanceof byte[] bytes) {
            return 1 + bytes.length / 1024;
        }
        return 1;
    }

    /** A cached answer that says how many rows it holds. */
    public interface Weighed {
        long rowCount();
    }
}
