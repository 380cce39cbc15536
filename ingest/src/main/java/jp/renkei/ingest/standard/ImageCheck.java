package jp.renkei.ingest.standard;

import jp.renkei.ingest.finding.Findings;

/** The family-structure image (UPKIHON_IMAGE) must be a JPEG: it starts with the SOI marker FF D8 FF. */
final class ImageCheck {
    private ImageCheck() {
    }

    static void check(byte[] content, Findings findings) {
        if (content.length < 3 || content[0] != (byte) 0xFF || content[1] != (byte) 0xD8 || content[2] != (byte) 0xFF) {
            findings.error("STD-IMG-001", 0, 0, "", "家族構成の画像がJPEG形式ではありません。JPEGで保存してください",
                    "the family-structure image is not a JPEG; save it as JPEG");
        }
    }
}
