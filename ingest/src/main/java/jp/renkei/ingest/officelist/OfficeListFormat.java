package jp.renkei.ingest.officelist;

import java.util.List;

/** The 24 columns of the public office list, in file order (ARCHITECTURE §5, official-definitions §6). */
final class OfficeListFormat {
    static final List<String> HEADER = List.of(
            "都道府県コード又は市区町村コード", "No", "都道府県名", "市区町村名", "事業所名", "事業所名カナ", "サービスの種類",
            "住所", "方書", "緯度", "経度", "電話番号", "FAX番号", "法人番号", "法人の名称", "事業所番号", "利用可能曜日",
            "利用可能曜日特記事項", "定員", "URL", "高齢者と障害者の同時一体的利用", "介護保険の通常の指定基準を満たしている",
            "障害福祉の通常の指定基準を満たしている", "備考");
    static final int MUNICIPALITY_CODE = 0;
    static final int OFFICE_NAME = 4;
    static final int SERVICE_TYPE_NAME = 6;
    static final int OFFICE_NUMBER = 15;

    private OfficeListFormat() {
    }
}
