package jp.renkei.ingest.municipality;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.finding.InputRejectedException;
import org.apache.commons.csv.CSVRecord;

/**
 * The municipality master in the localgovjp layout ({@code pid,pref,cid,city,citykana,lat,lng,url,phrase,lgcode},
 * UTF-8 with BOM). Wards are the rows whose {@code city} holds a space ("岡山市 北区"); they roll up to the city.
 */
public final class MunicipalityMaster {
    static final List<String> HEADER = List.of("pid", "pref", "cid", "city", "citykana", "lat", "lng", "url", "phrase", "lgcode");

    private final Map<String, Municipality> byCode;
    private final Map<String, String> cityOfWard;

    private MunicipalityMaster(Map<String, Municipality> byCode, Map<String, String> cityOfWard) {
        this.byCode = byCode;
        this.cityOfWard = cityOfWard;
    }

    public Collection<Municipality> municipalities() {
        return byCode.values();
    }

    /** The municipality a code belongs to: itself, or the city of a ward. */
    public Optional<Municipality> resolve(String code) {
        return Optional.ofNullable(byCode.get(cityOfWard.getOrDefault(code, code)));
    }

    /** Reads and validates the whole master; any error rejects it (nothing half-read is returned). */
    public static MunicipalityMaster read(String fileName, Reader reader) throws IOException, InputRejectedException {
        Findings findings = new Findings(fileName);
        Map<String, Municipality> byCode = new LinkedHashMap<>();
        Map<String, String> cityOfWard = new LinkedHashMap<>();
        Map<String, List<String>> wardsByCityName = new LinkedHashMap<>();
        Map<CSVRecord, Long> wards = new LinkedHashMap<>();
        HeaderCheckedCsv.read(reader, "MUN", HEADER, findings, (record, line) -> {
            String code = record.get("lgcode");
            if (!LocalGovernmentCode.isValid(code)) {
                findings.error("MUN-CODE-001", line, 10, "lgcode",
                        "「" + code + "」は検査数字の正しい6桁の全国地方公共団体コードではありません",
                        "'" + code + "' is not a 6-digit local government code with a valid check digit");
                return;
            }
            String prefectureCode = code.substring(0, 2);
            if (!String.format("%02d", parsePid(record.get("pid"))).equals(prefectureCode)) {
                findings.error("MUN-CODE-002", line, 1, "pid", "都道府県番号とコードの先頭2桁が一致しません",
                        "pid " + record.get("pid") + " disagrees with the code's prefecture " + prefectureCode);
                return;
            }
            String city = record.get("city");
            if (city.isBlank()) {
                findings.error("MUN-REQ-001", line, 4, "city", "市区町村名が空です", "the municipality name is empty");
                return;
            }
            if (byCode.containsKey(code)) {
                findings.error("MUN-DUP-001", line, 10, "lgcode", "コード " + code + " が重複しています",
                        "code " + code + " appears twice");
                return;
            }
            if (city.contains(" ")) {
                wards.put(record, line);
                wardsByCityName.computeIfAbsent(record.get("pref") + city.substring(0, city.indexOf(' ')),
                        key -> new ArrayList<>()).add(code);
            } else {
                byCode.put(code, new Municipality(code, prefectureCode, record.get("pref"), city,
                        record.get("citykana"), List.of()));
            }
        });
        if (findings.list().stream().anyMatch(finding -> finding.code().equals("MUN-HEADER-001"))) {
            throw new InputRejectedException(findings);
        }
        rollUpWards(byCode, cityOfWard, wardsByCityName, wards, findings);
        if (findings.hasErrors()) {
            throw new InputRejectedException(findings);
        }
        return new MunicipalityMaster(byCode, cityOfWard);
    }

    private static void rollUpWards(Map<String, Municipality> byCode, Map<String, String> cityOfWard,
            Map<String, List<String>> wardsByCityName, Map<CSVRecord, Long> wards, Findings findings) {
        Map<String, String> cityCodeByName = new LinkedHashMap<>();
        byCode.values().forEach(city -> cityCodeByName.put(city.prefectureName() + city.name(), city.code()));
        for (Map.Entry<CSVRecord, Long> wardLine : wards.entrySet()) {
            CSVRecord ward = wardLine.getKey();
            String city = ward.get("city");
            String key = ward.get("pref") + city.substring(0, city.indexOf(' '));
            String cityCode = cityCodeByName.get(key);
            if (cityCode == null) {
                findings.error("MUN-WARD-001", wardLine.getValue(), 4, "city",
                        "区「" + city + "」の市が見つかりません", "the city of ward '" + city + "' is not in the master");
                continue;
            }
            cityOfWard.put(ward.get("lgcode"), cityCode);
        }
        wardsByCityName.forEach((key, codes) -> {
            String cityCode = cityCodeByName.get(key);
            if (cityCode != null) {
                Municipality city = byCode.get(cityCode);
                byCode.put(cityCode, new Municipality(city.code(), city.prefectureCode(), city.prefectureName(),
                        city.name(), city.kana(), List.copyOf(codes)));
            }
        });
    }

    private static int parsePid(String pid) {
        try {
            return Integer.parseInt(pid.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
