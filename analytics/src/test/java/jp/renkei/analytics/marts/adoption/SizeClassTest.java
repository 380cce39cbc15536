package jp.renkei.analytics.marts.adoption;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.renkei.analytics.SparkTestSession;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

class SizeClassTest {

    @Test
    void classesFollowTheBoundariesOfTheContract() {
        List<Long> counts = List.of(0L, 1L, 9L, 10L, 49L, 50L, 199L, 200L, 5000L);
        List<String> classes = SparkTestSession.spark().createDataset(counts, Encoders.LONG()).toDF("n")
                .orderBy("n")
                .select(SizeClass.of(col("n")))
                .as(Encoders.STRING())
                .collectAsList();
        assertThat(classes).containsExactly("NONE", "S", "S", "M", "M", "L", "L", "XL", "XL");
    }
}
