package jp.renkei.dashboard.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.dashboard.security.TestUsers;
import jp.renkei.marts.Mart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document as a client reads it: anonymous, complete, and generated from the code and the contract. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestUsers.Initializer.class)
class ApiDocumentationTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private JsonNode document;

    @BeforeEach
    void readDocumentAnonymously() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/openapi.json").exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/json");
        document = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theRankingTakesThePagesParametersAndNotTheCaller() {
        JsonNode operation = document.path("paths").path("/api/v1/municipal-adoption").path("get");

        assertThat(names(operation.path("parameters")))
                .containsExactlyInAnyOrder("month", "prefecture", "scope", "sort", "dir", "q", "size", "min_offices");
        assertThat(document.path("openapi").asString()).startsWith("3.0");
        assertThat(document.path("components").path("securitySchemes").propertyNames()).contains("session", "basic");
    }

    @Test
    void everyMartHasItsOwnPathWithTheContractsFiltersAndColumns() {
        JsonNode paths = document.path("paths");
        assertThat(paths.has(ApiDocumentation.GENERIC_MART_PATH)).isFalse();
        for (Mart mart : Mart.values()) {
            JsonNode operation = paths.path("/api/v1/marts/" + mart.folder()).path("get");
            assertThat(names(operation.path("parameters"))).as(mart.folder()).containsExactlyElementsOf(mart.filterColumns());
            JsonNode row = operation.path("responses").path("200").path("content").path("application/json")
                    .path("schema").path("properties").path("rows").path("items").path("properties");
            assertThat(row.propertyNames()).as(mart.folder()).containsExactlyInAnyOrderElementsOf(mart.columnNames());
        }
    }

    @Test
    void everyApiEndpointOfTheCodeIsDocumented() {
        List<String> apiPaths = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("jp.renkei")) {
                info.getPatternValues().stream().filter(path -> path.startsWith("/api/v1/")).forEach(apiPaths::add);
            }
        });

        assertThat(apiPaths).isNotEmpty();
        for (String path : apiPaths) {
            if (path.equals(ApiDocumentation.GENERIC_MART_PATH)) {
                assertThat(document.path("paths").propertyNames()).anyMatch(p -> p.startsWith("/api/v1/marts/"));
            } else {
                assertThat(document.path("paths").has(path)).as(path).isTrue();
            }
        }
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.path("name").asString()));
        return names;
    }
}
