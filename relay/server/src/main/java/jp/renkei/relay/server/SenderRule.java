package jp.renkei.relay.server;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.relay.http.RelayExchange;
import jp.renkei.relay.pki.FileSignature;

/**
 * An office sends only its own files: the sender in the standard name is the office its client certificate proves, and
 * the file carries that office's detached signature over its name and bytes. Each check answers the refusal itself.
 */
final class SenderRule {
    private SenderRule() {
    }

    /** True when {@code fileName} is a standard name whose sender is {@code office}; else answered 400 or 403. */
    static boolean nameIsTheSenders(RelayExchange exchange, String office, String fileName) throws IOException {
        StandardFileName name;
        try {
            name = StandardFileName.parse(fileName);
        } catch (InvalidFileNameException invalid) {
            exchange.error(400, invalid.finding().code(), invalid.finding().messageEn(),
                    Map.of("message_ja", invalid.finding().messageJa()));
            return false;
        }
        if (!name.senderOffice().equals(office)) {
            exchange.error(403, "RELAY-SENDER-001", "the file's sender " + name.senderOffice()
                    + " is not your office " + office + "; an office may only send its own files",
                    Map.of("message_ja", "ファイル名の送信元事業所 " + name.senderOffice() + " は、証明書の事業所 " + office
                            + " ではありません。自事業所のファイルのみ送信できます。"));
            return false;
        }
        return true;
    }

    /** A file with its sender's detached signature, checked against the certificate the sender connected with. */
    record Signed(byte[] content, byte[] signature, byte[] signerCertificate) {
    }

    /** The verified signature, or null after answering why it is missing or does not verify. */
    static Signed verifySignature(RelayExchange exchange, String fileName, byte[] content)
            throws IOException {
        String signature = exchange.header(FileSignature.HEADER);
        if (signature == null || signature.isBlank()) {
            exchange.error(400, "RELAY-SIGNATURE-001", "the upload carries no " + FileSignature.HEADER
                    + " (base64 SHA256withRSA over the file's name and bytes with your office key); nothing was accepted",
                    Map.of("message_ja", "ファイルに署名がありません（" + FileSignature.HEADER + "）。受け付けていません。"));
            return null;
        }
        X509Certificate signer = exchange.peerCertificates()[0];
        if (!FileSignature.verifies(signer, fileName, content, signature.strip())) {
            exchange.error(403, "RELAY-SIGNATURE-002", "the signature does not verify against your office certificate for "
                    + "this name and these bytes: the file was renamed or altered after signing, or signed with another key;"
                    + " nothing was accepted",
                    Map.of("message_ja", "署名が検証できません。署名後にファイルが変更されたか、別の鍵で署名されています。受け付けていません。"));
            return null;
        }
        try {
            return new Signed(content, Base64.getDecoder().decode(signature.strip()), signer.getEncoded());
        } catch (CertificateEncodingException unencodable) {
            throw new IOException("the verified signer certificate cannot be encoded", unencodable);
        }
    }
}
