package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Property, for every CSV kind: any file the writer produces from valid records reads back to the same records. */
class StandardRecordRoundTripTest {

    static Stream<Arguments> kindsAndSeeds() {
        return Arrays.stream(FileKind.values())
                .filter(kind -> !kind.isImage())
                .flatMap(kind -> LongStream.rangeClosed(1, 25).mapToObj(seed -> Arguments.of(kind, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("kindsAndSeeds")
    void randomValidRecordsSurviveWriteAndRead(FileKind kind, long seed) {
        RandomRecords.Generated written = new RandomRecords(seed * 7919 + kind.ordinal()).file(kind);

        StandardFile file = new StandardFileReader().read(written.name().format(), written.bytes());

        assertThat(file.findings().list()).as("findings for %s seed %d", kind, seed).isEmpty();
        assertThat(file.name()).contains(written.name());
        assertThat(file.typedRecords()).containsExactlyElementsOf(written.records());
        assertThat(file.records()).hasSameSizeAs(written.records());
    }
}
