package jp.renkei.ingest.standard;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real JPEG files for the image checks, encoded by the JDK. */
final class Jpegs {
    private Jpegs() {
    }

    /** A whole {@code width} × {@code height} JPEG. */
    static byte[] of(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x336699);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", bytes)) {
                throw new IllegalStateException("no JPEG writer in this JDK");
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** Where the frame header's height begins (after FF Cx, the length and the precision). */
    static int frameHeightOffset(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            int marker = jpeg[i + 1] & 0xFF;
            if (jpeg[i] == (byte) 0xFF && marker >= 0xC0 && marker <= 0xC3) {
                return i + 5;
            }
        }
        throw new IllegalArgumentException("no frame header");
    }
}
