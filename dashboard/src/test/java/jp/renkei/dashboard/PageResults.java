package jp.renkei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What the page tests read from an answer: its body as UTF-8 text, after checking that it is a 200 page or not. */
public final class PageResults {

    private PageResults() {
    }

    /** The body of an answer that must be 200. */
    public static String page(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return body(result);
    }

    /** The body of any answer (an error page, a CSV, JSON). */
    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException("UTF-8 is always supported", impossible);
        }
    }
}
