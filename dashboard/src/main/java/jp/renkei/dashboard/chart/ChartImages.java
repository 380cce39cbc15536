package jp.renkei.dashboard.chart;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.springframework.http.MediaType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A chart as the files a page offers: PNG for the page itself, SVG for reports (scales without blur). The SVG draws
 * its text as outlines, so the Japanese labels look the same on a machine without the IPAex fonts; the chart's
 * description is its {@code <title>} and {@code aria-label}, as the PNG's is its {@code alt}.
 */
public final class ChartImages {

    public static final MediaType SVG = MediaType.valueOf("image/svg+xml");
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private ChartImages() {
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException intoMemory) {
            throw new UncheckedIOException(intoMemory);
        }
        return out.toByteArray();
    }

    /** The chart as a standalone SVG document (UTF-8), described by {@code description}. */
    public static byte[] svg(JFreeChart chart, int width, int height, String description) {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NAMESPACE, "svg", null);
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException("the JDK's DOM", impossible);
        }
        SVGGraphics2D graphics = new SVGGraphics2D(SVGGeneratorContext.createDefault(document), true);
        graphics.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        Element root = graphics.getRoot();
        root.setAttribute("role", "img");
        root.setAttribute("aria-label", description);
        Element title = document.createElementNS(SVG_NAMESPACE, "title");
        title.setTextContent(description);
        root.insertBefore(title, root.getFirstChild());
        graphics.dispose();
        // Written by the JDK rather than Batik's stream(), which adds a DOCTYPE naming the SVG 1.0 DTD on w3.org: a
        // reader that follows it would reach for the network (SVG 1.1 and later need no DOCTYPE).
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Transformer writer = TransformerFactory.newInstance().newTransformer();
            writer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            writer.transform(new DOMSource(root), new StreamResult(out));
        } catch (TransformerException intoMemory) {
            throw new IllegalStateException("cannot write the SVG", intoMemory);
        }
        return out.toByteArray();
    }
}
