package jp.renkei.dashboard.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.marts.Mart;
import jp.renkei.marts.MartColumn;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What springdoc cannot see by itself: the API's title and log-in, that {@link Viewer} is the signed-in caller rather
 * than a parameter, and one path per mart instead of the generic {@code /api/v1/marts/{name}} — its filters and
 * columns read from the contract ({@link Mart}), so a new mart or column is documented by the build that adds it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String GENERIC_MART_PATH = "/api/v1/marts/{name}";
    private static final String SESSION = "session";
    private static final String BASIC = "basic";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
    }

    @Bean
    OpenAPI renkeiApi() {
        return new OpenAPI()
                .info(new Info().title("renkei dashboard API").version("v1").description("""
                        ケアプランデータ連携の集計（マート）を、ダッシュボードの画面と同じ権限・同じ値で返す API です。\
                        ログインが必要です（/login のセッション Cookie、または HTTP Basic）。未ログインは 401、\
                        ロールの範囲外は 403（code DASH-SCOPE-001）。値と列名はマートの契約（docs/marts.md）のとおりです。"""))
                .components(new Components()
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("RENKEI_SESSION"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(SESSION))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer onePathPerMart() {
        return openApi -> {
            PathItem generic = openApi.getPaths() == null ? null : openApi.getPaths().remove(GENERIC_MART_PATH);
            for (Mart mart : Mart.values()) {
                openApi.path("/api/v1/marts/" + mart.folder(), new PathItem().get(martOperation(mart, generic)));
            }
        };
    }

    private static Operation martOperation(Mart mart, PathItem generic) {
        Operation operation = new Operation().operationId("mart_" + mart.folder())
                .summary("マート " + mart.folder() + " の行（キー順）")
                .description("キー: " + String.join(", ", mart.key()) + "。絞り込みはキー列と範囲列のみ、値は英数字・-・_"
                        + " の40文字以内。呼び出し元のロールの範囲が常に条件に加わります。")
                .tags(List.of("marts"));
        if (generic != null && generic.getGet() != null) {
            operation.setTags(generic.getGet().getTags());
        }
        for (String column : mart.filterColumns()) {
            operation.addParametersItem(new Parameter().in("query").name(column).required(false)
                    .description(mart.column(column).meaning()).schema(new StringSchema()));
        }
        ObjectSchema row = new ObjectSchema();
        for (MartColumn column : mart.columns()) {
            row.addProperty(column.name(), schema(column));
        }
        ObjectSchema body = new ObjectSchema();
        body.addProperty("mart", new StringSchema().example(mart.folder()));
        body.addProperty("mart_run", new StringSchema().description("_CURRENT が指す run id"));
        body.addProperty("columns", new ArraySchema().items(new ObjectSchema()
                .addProperty("name", new StringSchema()).addProperty("type", new StringSchema())
                .addProperty("meaning", new StringSchema())));
        body.addProperty("rows", new ArraySchema().items(row));
        return operation.responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("OK")
                        .content(new Content().addMediaType("application/json", new MediaType().schema(body))))
                .addApiResponse("400", new ApiResponse().description("DASH-PARAM-001: 使えない絞り込み名・値"))
                .addApiResponse("401", new ApiResponse().description("DASH-AUTH-001: 未ログイン"))
                .addApiResponse("403", new ApiResponse().description("DASH-SCOPE-001: ロールの範囲外"))
                .addApiResponse("503", new ApiResponse().description("DASH-MART-001: マートが未公開")));
    }

    private static Schema<?> schema(MartColumn column) {
        Schema<?> schema = switch (column.type()) {
            case STRING -> new StringSchema();
            case INT -> new Schema<Integer>().type("integer").format("int32");
            case BIGINT -> new Schema<Long>().type("integer").format("int64");
            case DOUBLE -> new Schema<Double>().type("number").format("double");
            case BOOLEAN -> new Schema<Boolean>().type("boolean");
        };
        return schema.description(column.meaning()).nullable(column.nullable() ? Boolean.TRUE : null);
    }
}
