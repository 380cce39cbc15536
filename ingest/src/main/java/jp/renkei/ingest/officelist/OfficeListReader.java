package jp.renkei.ingest.officelist;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.municipality.MunicipalityMaster;
import jp.renkei.ingest.standard.OfficeNumber;
import jp.renkei.ingest.standard.ServiceType;
import org.apache.commons.csv.CSVRecord;

/** Reads a public office list; every bad line is a finding and any error rejects the whole file. */
public final class OfficeListReader {

    private final MunicipalityMaster municipalities;

    public OfficeListReader(MunicipalityMaster municipalities) {
        this.municipalities = municipalities;
    }

    /** The offices of a list that has no errors, with the warnings that did not reject it. */
    public record OfficeList(List<Office> offices, List<Finding> warnings) {
    }

    public OfficeList read(String fileName, Reader reader) throws IOException, InputRejectedException {
        Findings findings = new Findings(fileName);
        List<Office> offices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // The 介護サービス情報公表 layout's 24 columns, exactly as published.
        HeaderCheckedCsv.read(reader, "OFF", OfficeListFormat.HEADER, findings,
                (record, line) -> readLine(record, line, findings).filter(office -> {
                    if (seen.add(office.officeNumber() + "/" + office.serviceType())) {
                        return true;
                    }
                    findings.error("OFF-DUP-001", line, OfficeListFormat.OFFICE_NUMBER + 1, "事業所番号",
                            "事業所番号とサービスの種類の組が重複しています", "office number and service type appear twice");
                    return false;
                }).ifPresent(offices::add));
        if (offices.isEmpty() && !findings.hasErrors()) {
            findings.error("OFF-EMPTY-001", 0, 0, "", "事業所の行がありません", "the list has no office lines");
        }
        if (findings.hasErrors()) {
            throw new InputRejectedException(findings);
        }
        return new OfficeList(offices, findings.list());
    }

    private Optional<Office> readLine(CSVRecord record, long line, Findings findings) {
        String code = record.get(OfficeListFormat.MUNICIPALITY_CODE);
        Optional<Municipality> municipality = municipalities.resolve(code);
        if (municipality.isEmpty()) {
            findings.error("OFF-MUN-001", line, 1, OfficeListFormat.HEADER.get(0),
                    "市区町村コード「" + code + "」が市町村マスタにありません",
                    "municipality code '" + code + "' is not in the municipality master");
            return Optional.empty();
        }
        String typeName = record.get(OfficeListFormat.SERVICE_TYPE_NAME);
        Optional<ServiceType> type = ServiceType.fromJapaneseName(typeName);
        if (type.isEmpty()) {
            findings.error("OFF-TYPE-001", line, OfficeListFormat.SERVICE_TYPE_NAME + 1, "サービスの種類",
                    "サービスの種類「" + typeName + "」は対応表にありません",
                    "service type '" + typeName + "' is not in renkei's service type table");
            return Optional.empty();
        }
        String number = record.get(OfficeListFormat.OFFICE_NUMBER);
        if (!OfficeNumber.isValid(number)) {
            findings.error("OFF-NUMBER-001", line, OfficeListFormat.OFFICE_NUMBER + 1, "事業所番号",
                    "「" + number + "」は10桁で先頭2桁が都道府県コードの事業所番号ではありません",
                    "'" + number + "' is not a 10-digit office number starting with a prefecture code");
            return Optional.empty();
        }
        String prefecture = municipality.get().prefectureCode();
        if (!number.startsWith(prefecture)) {
            findings.warning("OFF-NUMBER-002", line, OfficeListFormat.OFFICE_NUMBER + 1, "事業所番号",
                    "事業所番号の先頭2桁が所在地の都道府県(" + prefecture + ")と異なります",
                    "the office number's prefecture differs from its location's (" + prefecture + ")");
        }
        return Optional.of(new Office(number, type.get().code(), record.get(OfficeListFormat.OFFICE_NAME),
                municipality.get().code(), prefecture));
    }
}
