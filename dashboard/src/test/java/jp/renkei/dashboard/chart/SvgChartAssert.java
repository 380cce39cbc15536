package jp.renkei.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What every chart's SVG must be: well-formed, of the PNG's size, described, and with its text drawn as outlines. */
public final class SvgChartAssert {

    private SvgChartAssert() {
    }

    public static void isTheChartAsSvg(MvcTestResult result, int width, int height, String description)
            throws Exception {
        assertThat(result).hasStatusOk().hasContentType("image/svg+xml");
        assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("no DOCTYPE that a reader would fetch from the network").doesNotContain("<!DOCTYPE");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                result.getResponse().getContentAsByteArray()));
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("width")).isEqualTo(Integer.toString(width));
        assertThat(root.getAttribute("height")).isEqualTo(Integer.toString(height));
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo(description);
        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(description);
        // Japanese labels as outlines: the file renders the same where the IPAex fonts are not installed.
        assertThat(svg.getElementsByTagNameNS("*", "text").getLength()).isZero();
        assertThat(svg.getElementsByTagNameNS("*", "path").getLength()).isGreaterThan(10);
    }
}
