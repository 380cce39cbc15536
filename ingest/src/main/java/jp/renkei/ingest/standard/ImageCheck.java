package jp.renkei.ingest.standard;

import jp.renkei.ingest.finding.Findings;

/**
 * The family-structure image (UPKIHON_IMAGE) must be a JPEG, and a whole one: not only its first three bytes (which
 * let anything that starts with FF D8 FF fill the disk), but its structure — the start marker, marker segments whose
 * lengths stay inside the file, a frame header with a width and height, a scan, and the end marker last. It is walked,
 * not decoded: decoding a hostile image costs far more than reading its markers. At most {@link #MAXIMUM_BYTES} and
 * {@link #MAXIMUM_PIXELS} (a scanned A4 family diagram is a few hundred kilobytes).
 */
final class ImageCheck {
    static final int MAXIMUM_BYTES = 5 * 1024 * 1024;
    static final long MAXIMUM_PIXELS = 50_000_000L;

    private ImageCheck() {
    }

    static void check(byte[] content, Findings findings) {
        if (content.length < 3 || content[0] != (byte) 0xFF || content[1] != (byte) 0xD8 || content[2] != (byte) 0xFF) {
            findings.error("STD-IMG-001", 0, 0, "", "家族構成の画像がJPEG形式ではありません。JPEGで保存してください",
                    "the family-structure image is not a JPEG; save it as JPEG");
            return;
        }
        if (content.length > MAXIMUM_BYTES) {
            findings.error("STD-IMG-002", 0, 0, "", "家族構成の画像が大きすぎます（" + content.length + " バイト、上限 "
                            + MAXIMUM_BYTES + " バイト）。解像度を下げて保存してください",
                    "the family-structure image has " + content.length + " bytes, more than " + MAXIMUM_BYTES
                            + "; save it at a lower resolution");
            return;
        }
        String problem = structureProblem(content);
        if (problem != null) {
            findings.error("STD-IMG-003", 0, 0, "", "家族構成の画像がJPEGとして壊れています（" + problem + "）。保存し直してください",
                    "the family-structure image is not a well-formed JPEG (" + problem + "); save it again");
        }
    }

    /** What is wrong with the JPEG's marker structure, or null when it is whole. */
    static String structureProblem(byte[] jpeg) {
        int position = 2;
        boolean frame = false;
        while (true) {
            if (position + 4 > jpeg.length) {
                return "it ends inside its headers";
            }
            if (jpeg[position] != (byte) 0xFF) {
                return "no marker at byte " + position;
            }
            int marker = jpeg[position + 1] & 0xFF;
            if (marker == 0xFF) {
                position++; // fill byte before a marker
                continue;
            }
            if (marker == 0xD9) {
                return "it ends before its image data";
            }
            int length = (jpeg[position + 2] & 0xFF) << 8 | (jpeg[position + 3] & 0xFF);
            if (length < 2 || position + 2 + length > jpeg.length) {
                return "a segment at byte " + position + " runs past the end";
            }
            if (isStartOfFrame(marker)) {
                if (length < 8) {
                    return "a frame header too short";
                }
                long height = (jpeg[position + 5] & 0xFF) << 8 | (jpeg[position + 6] & 0xFF);
                long width = (jpeg[position + 7] & 0xFF) << 8 | (jpeg[position + 8] & 0xFF);
                if (height == 0 || width == 0 || height * width > MAXIMUM_PIXELS) {
                    return "a frame of " + width + " × " + height + " pixels";
                }
                frame = true;
            }
            if (marker == 0xDA) {
                if (!frame) {
                    return "image data before a frame header";
                }
                break;
            }
            position += 2 + length;
        }
        if (jpeg[jpeg.length - 2] != (byte) 0xFF || jpeg[jpeg.length - 1] != (byte) 0xD9) {
            return "no end marker";
        }
        return null;
    }

    /** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
