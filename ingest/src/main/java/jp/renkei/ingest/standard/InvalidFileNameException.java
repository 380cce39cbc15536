package jp.renkei.ingest.standard;

import jp.renkei.ingest.finding.Finding;

/** A file name that breaks the standard's naming rule; {@link #finding()} says which part and how to fix it. */
public class InvalidFileNameException extends Exception {
    private final transient Finding finding;

    public InvalidFileNameException(String code, String fileName, String messageJa, String messageEn) {
        super(code + " " + fileName + ": " + messageEn);
        this.finding = Finding.error(code, fileName, 0, 0, "ファイル名", messageJa, messageEn);
    }

    public Finding finding() {
        return finding;
    }
}
