package jp.renkei.analytics.marts.partner;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static jp.renkei.analytics.Frames.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.analytics.marts.savings.SavingsModel;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small network with a known answer, August 2025, prefecture 31.
 *
 * <p>Care managers A and B (municipality 312011) are on the system, C is not. Service offices S1 (訪問介護) and S5
 * (訪問看護) are on the system; S2 (通所介護, 312011) applies only in September, S3 (訪問看護, 312029) never. A's persons:
 * p1 (S1 ×2, S2 — its first plan had two S2 lines, a re-sent plan one), p2 (S1, S2, S5: the plan goes to S1 and to S5,
 * its lines count once), p3 (S1, S2 ×2, S3). B's persons: p4 (S1, S2) and p5 (S1, S2), whose plan B then deletes. D and
 * S6 (312029) exchange files but share no plan lines here.
 *
 * <p>So S2 is the most wanted: 2 adopting partners, 3 + 1 persons, 4 + 1 lines; S3 second with 1 person.
 */
class PartnerNetworkTest {
    private static final String A = "3110100011";
    private static final String B = "3110100029";
    private static final String C = "3110100037";
    private static final String D = "3110100045";
    private static final String S1 = "3110200019";
    private static final String S2 = "3110200027";
    private static final String S3 = "3110200035";
    private static final String S5 = "3110200043";
    private static final String S6 = "3110200050";
    private static final MonthRange AUGUST = MonthRange.of("2025-08", "2025-08");
    private static final SavingsModel MODEL = SavingsModel.defaults();

    private static Dataset<Row> links;
    private static Map<String, Row> opportunities;
    private static Map<String, Row> mostWanted;
    private static Map<String, Row> scenarios;
    private static Map<String, Row> network;

    @BeforeAll
    static void transform() {
        Dataset<Row> lines = LandingStaging.scheduleLines(strings(
                String.join(",", LandingDataset.SCHEDULE_LINES.columns()),
                // A's first plan, to S1: p1 with two S2 lines, p2, p3
                line("a1", "p1", "04", "111211", S1), line("a1", "p1", "11", "111211", S1),
                line("a1", "p1", "05", "151111", S2), line("a1", "p1", "06", "151111", S2),
                line("a1", "p2", "07", "111211", S1), line("a1", "p2", "08", "151111", S2),
                line("a1", "p2", "09", "131111", S5),
                line("a1", "p3", "04", "111211", S1), line("a1", "p3", "12", "151111", S2),
                line("a1", "p3", "19", "151111", S2), line("a1", "p3", "20", "131111", S3),
                // the same plan of p2 to S5: the same lines, counted once
                line("a2", "p2", "07", "111211", S1), line("a2", "p2", "08", "151111", S2),
                line("a2", "p2", "09", "131111", S5),
                // p1's plan re-sent to S1: one S2 line now
                line("a3", "p1", "04", "111211", S1), line("a3", "p1", "11", "111211", S1),
                line("a3", "p1", "05", "151111", S2),
                // B's plans to S1, then p5's plan deleted
                line("b1", "p4", "04", "111211", S1), line("b1", "p4", "05", "151111", S2),
                line("b1", "p5", "06", "111211", S1), line("b1", "p5", "07", "151111", S2),
                deleteLine("b2", "p5")));
        Dataset<Row> exchanges = LandingStaging.exchanges(strings(
                "message_id,kind,sender_office,recipient_office,target_month,records,persons,status,delivered_at,received_at",
                exchange("a1", "UPPLAN", A, S1, "01"), exchange("a2", "UPPLAN", A, S5, "01"),
                exchange("a3", "UPPLAN", A, S1, "10"), exchange("b1", "UPPLAN", B, S1, "01"),
                exchange("b2", "DLTPLAN", B, S1, "15"), exchange("d1", "UPPLAN", D, S6, "01")));
        Dataset<Row> offices = LandingStaging.offices(strings(
                "office_number,service_type,office_name,municipality_code,prefecture_code,dt",
                office(A, "43", "312011"), office(B, "43", "312011"), office(C, "43", "312011"),
                office(D, "43", "312029"), office(S1, "11", "312011"), office(S2, "15", "312011"),
                office(S3, "13", "312029"), office(S5, "13", "312011"), office(S6, "11", "312029")));
        Dataset<Row> applications = LandingStaging.applications(strings(
                "office_number,service_type,applied_on,license_start,license_end,plan,dt",
                applied(A, "43", "2025-07-01"), applied(B, "43", "2025-07-01"), applied(D, "43", "2025-07-01"),
                applied(S1, "11", "2025-07-01"), applied(S5, "13", "2025-07-01"), applied(S6, "11", "2025-07-01"),
                applied(S2, "15", "2025-09-15")));
        Dataset<Row> modelRegions = LandingStaging.modelRegions(strings(
                "prefecture_code,region_id,region_name,budget_yen,start_month,member_type,member_code,dt",
                row("31", "R1", "東部", "8000000", "2025-04", "municipality", "312011", "2025-09-01")));
        Dataset<Row> municipal = typed("month string, denominator_scope string, prefecture_code string, "
                        + "municipality_code string, municipality_name string, offices_in_scope bigint, offices_applied bigint",
                new Object[] {"2025-08", "all_in_scope", "31", "312011", "東町", 6L, 4L},
                new Object[] {"2025-08", "care_management_only", "31", "312011", "東町", 3L, 2L},
                new Object[] {"2025-08", "all_in_scope", "31", "312029", "西町", 3L, 2L});
        Dataset<Row> modelRegionEffect = typed("month string, region_id string, region_name string, "
                        + "prefecture_code string, region_offices bigint, region_applied bigint",
                new Object[] {"2025-08", "R1", "東部", "31", 6L, 4L},
                new Object[] {"2025-03", "R1", "東部", "31", 6L, 0L});

        links = PlanLinks.apply(lines, exchanges, applications, AUGUST).cache();
        Dataset<Row> opportunityFrame = PartnerOpportunitiesTransform.opportunities(links, offices, MODEL);
        assertThat(opportunityFrame.columns()).containsExactlyElementsOf(Mart.PARTNER_OPPORTUNITIES.columnNames());
        opportunities = byKey(opportunityFrame, r -> r.getAs("office_number") + ">" + r.getAs("partner_office_number"));
        Dataset<Row> wantedFrame = PartnerOpportunitiesTransform.mostWanted(opportunityFrame);
        assertThat(wantedFrame.columns()).containsExactlyElementsOf(Mart.PARTNER_MOST_WANTED.columnNames());
        mostWanted = byKey(wantedFrame, r -> r.getAs("office_number"));
        Dataset<Row> scenarioFrame = RecruitmentScenariosTransform.apply(wantedFrame, links, municipal,
                modelRegionEffect, offices, modelRegions, AUGUST);
        assertThat(scenarioFrame.columns()).containsExactlyElementsOf(Mart.RECRUITMENT_SCENARIOS.columnNames());
        scenarios = byKey(scenarioFrame, r -> r.getAs("area_code") + "/" + r.getAs("top_n"));
        Dataset<Row> networkFrame = NetworkMeasuresTransform.apply(links, exchanges, offices, applications,
                modelRegions, AUGUST);
        assertThat(networkFrame.columns()).containsExactlyElementsOf(Mart.NETWORK_MEASURES.columnNames());
        network = byKey(networkFrame, r -> r.getAs("area_type") + "/" + r.getAs("area_code"));
    }

    @Test
    void theMostWantedOfficeIsTheOneSharingMostPersonsWithAdopters() {
        Row dayCare = mostWanted.get(S2);
        assertThat(dayCare.<Long>getAs("adopting_partners")).isEqualTo(2);
        assertThat(dayCare.<Long>getAs("persons_shared")).as("p1, p2, p3 of A; p4 of B (p5's plan deleted)").isEqualTo(4);
        assertThat(dayCare.<Long>getAs("partner_lines")).as("1 + 1 + 2 of A's plans, 1 of B's").isEqualTo(5);
        assertThat(dayCare.<Integer>getAs("prefecture_rank")).isEqualTo(1);
        assertThat(dayCare.<Integer>getAs("municipality_rank")).isEqualTo(1);
        assertThat(dayCare.<String>getAs("office_name")).isEqualTo("name " + S2);
        assertThat(dayCare.<String>getAs("service_type")).isEqualTo("15");

        Row nursing = mostWanted.get(S3);
        assertThat(nursing.<Long>getAs("persons_shared")).isEqualTo(1);
        assertThat(nursing.<Integer>getAs("prefecture_rank")).isEqualTo(2);
        assertThat(nursing.<Integer>getAs("municipality_rank")).as("first in its own municipality").isEqualTo(1);
        assertThat(mostWanted).as("only offices not on the system in August").containsOnlyKeys(S2, S3);
    }

    @Test
    void aPairCountsTheLatestPlanOfEachPersonOnceWhateverItsAddressees() {
        Row pair = opportunities.get(A + ">" + S2);
        assertThat(pair.<Long>getAs("persons_shared")).isEqualTo(3);
        assertThat(pair.<Long>getAs("partner_lines")).as("the re-sent plan's one line for p1").isEqualTo(4);
        assertThat(pair.<Long>getAs("plan_lines")).as("p1 3 + p2 3 (sent twice, once) + p3 4").isEqualTo(10);
        assertThat(pair.<Long>getAs("documents")).isEqualTo(6);
        assertThat(pair.<String>getAs("municipality_code")).isEqualTo("312011");
        assertThat(pair.<String>getAs("partner_name")).isEqualTo("name " + S2);
        assertThat(opportunities.get(B + ">" + S2).<Long>getAs("persons_shared")).isEqualTo(1);
        assertThat(opportunities).containsOnlyKeys(A + ">" + S2, A + ">" + S3, B + ">" + S2);
    }

    @Test
    void aPairsSavingsAreTheSavingsModelAppliedToBothDirections() {
        Row pair = opportunities.get(A + ">" + S2);
        double documents = 6;
        double hours = documents * MODEL.handlingMinutesPerDocument() / 60 + (10 + 4) * MODEL.transcriptionMinutesPerLine() / 60;
        assertThat(pair.<Double>getAs("sheets_saved")).isCloseTo(documents * MODEL.sheetsPerDocument(), within(1e-9));
        assertThat(pair.<Double>getAs("hours_saved")).isCloseTo(hours, within(1e-9));
        assertThat(pair.<Double>getAs("savings_yen")).isCloseTo(documents * MODEL.sheetsPerDocument()
                * MODEL.paperYenPerSheet() + documents * MODEL.postageYenPerDocument() * MODEL.mailedShare()
                + hours * MODEL.staffYenPerHour(), within(1e-6));
        assertThat(mostWanted.get(S2).<Double>getAs("savings_yen")).isCloseTo(pair.<Double>getAs("savings_yen")
                + opportunities.get(B + ">" + S2).<Double>getAs("savings_yen"), within(1e-6));
    }

    @Test
    void recruitingTheTopOfficesRaisesTheRateAndTheShareOfLinesWithBothEndsOnTheSystem() {
        Row town = scenarios.get("312011/5");
        assertThat(town.<Long>getAs("wanted_offices")).isEqualTo(1);
        assertThat(town.<Long>getAs("recruited_offices")).isEqualTo(1);
        assertThat(town.<Long>getAs("offices_applied_after")).isEqualTo(5);
        assertThat(town.<Double>getAs("application_rate_after")).isCloseTo(5 / 6.0, within(1e-9));
        assertThat(town.<Long>getAs("persons_added")).isEqualTo(4);
        assertThat(town.<Long>getAs("visible_lines")).as("S1 5, S2 5, S5 1").isEqualTo(11);
        assertThat(town.<Long>getAs("linked_lines")).isEqualTo(6);
        assertThat(town.<Double>getAs("linked_line_share_after")).isCloseTo(1.0, within(1e-9));

        Row region = scenarios.get("R1/10");
        assertThat(region.<String>getAs("area_type")).isEqualTo("model_region");
        assertThat(region.<Object>getAs("municipality_code")).isNull();
        assertThat(region.<Long>getAs("recruited_offices")).isEqualTo(1);
        assertThat(scenarios).as("two municipalities and the region (not its month before the range), N = 5 and 10")
                .containsOnlyKeys("312011/5", "312011/10", "312029/5", "312029/10", "R1/5", "R1/10");
        assertThat(scenarios.get("312029/5").<Long>getAs("persons_added")).as("S3").isEqualTo(1);
    }

    @Test
    void theNetworkHasItsLinkedPairsLargestGroupAndLinkedLineShare() {
        Row prefecture = network.get("prefecture/31");
        assertThat(prefecture.<Long>getAs("offices_applied")).as("A, B, D, S1, S5, S6; S2 only in September").isEqualTo(6);
        assertThat(prefecture.<Long>getAs("linked_pairs")).as("A–S1, A–S5, B–S1, D–S6").isEqualTo(4);
        assertThat(prefecture.<Long>getAs("linked_offices")).isEqualTo(6);
        assertThat(prefecture.<Long>getAs("largest_group")).as("A, B, S1, S5").isEqualTo(4);
        assertThat(prefecture.<Double>getAs("largest_group_share")).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(prefecture.<Long>getAs("visible_lines")).isEqualTo(12);
        assertThat(prefecture.<Double>getAs("linked_line_share")).isCloseTo(0.5, within(1e-9));

        assertThat(prefecture.<Object>getAs("area_name")).isNull();
        Row region = network.get("model_region/R1");
        assertThat(region.<String>getAs("area_name")).isEqualTo("東部");
        assertThat(region.<Long>getAs("linked_pairs")).as("D and S6 are outside the region").isEqualTo(3);
        assertThat(region.<Long>getAs("largest_group")).isEqualTo(4);
        assertThat(region.<Long>getAs("visible_lines")).as("S3's line is outside").isEqualTo(11);
    }

    @Test
    void unionFindJoinsChainsAndKeepsSeparateGroupsApart() {
        Row measured = NetworkMeasuresTransform.components("2025-08|prefecture|31", java.util.List.of(
                edge("a", "b"), edge("c", "d"), edge("b", "c"), edge("e", "f"), edge("g", "e")).iterator());
        assertThat(measured.getLong(3)).as("offices").isEqualTo(7);
        assertThat(measured.getLong(4)).as("pairs").isEqualTo(5);
        assertThat(measured.getLong(5)).as("a–b–c–d").isEqualTo(4);
    }

    private static Row edge(String one, String other) {
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {one, other},
                org.apache.spark.sql.types.StructType.fromDDL("_one string, _other string"));
    }

    private static Map<String, Row> byKey(Dataset<Row> frame, Function<Row, String> key) {
        Map<String, Row> rows = new TreeMap<>();
        frame.collectAsList().forEach(r -> rows.put(key.apply(r), r));
        return rows;
    }

    private static String[] line(String message, String person, String day, String code, String office) {
        return row(message, "UPPLAN", person, "312011", "2025-08", "2025-08-" + day, code, office, "244", "0900", "",
                "1");
    }

    private static String[] deleteLine(String message, String person) {
        return row(message, "DLTPLAN", person, "312011", "2025-08", "", "", "", "", "", "", "");
    }

    private static String[] exchange(String message, String kind, String sender, String recipient, String day) {
        String at = "2025-08-" + day + "T00:00:00Z";
        return row(message, kind, sender, recipient, "2025-08", "1", "1", "delivered", at, at);
    }

    private static String[] office(String number, String type, String municipality) {
        return row(number, type, "name " + number, municipality, "31", "2025-09-01");
    }

    private static String[] applied(String number, String type, String day) {
        return row(number, type, day, day, "", "paid", "2025-09-01");
    }
}
