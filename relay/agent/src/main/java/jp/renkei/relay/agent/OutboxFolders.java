package jp.renkei.relay.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an outbox's files go once the relay has answered: {@code <sentRoot>/<outbox sub-folder>/} after an
 * acknowledgement, {@code <rejectedRoot>/<outbox sub-folder>/} with {@code <name>.error.json} after a refusal. A file
 * without an answer stays in the outbox.
 */
final class OutboxFolders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path sentRoot;
    private final Path rejectedRoot;

    OutboxFolders(Path sentRoot, Path rejectedRoot) {
        this.sentRoot = sentRoot;
        this.rejectedRoot = rejectedRoot;
    }

    void sent(Path file) throws IOException {
        moveTo(sentRoot, file, null);
    }

    /** A refusal by the relay, its answer kept beside the file. */
    void rejected(Path file, String answer) throws IOException {
        moveTo(rejectedRoot, file, answer);
    }

    /**
     * A file the agent itself will not send, with an answer in the shape of the relay's refusals ({@code code},
     * {@code message}, {@code message_ja}).
     */
    void rejectedLocally(Path file, String code, String message, String messageJa) throws IOException {
        moveTo(rejectedRoot, file, answer(code, message, messageJa));
    }

    private static String answer(String code, String message, String messageJa) throws JsonProcessingException {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("message", message);
        answer.put("message_ja", messageJa);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
    }

    private static void moveTo(Path root, Path file, String answer) throws IOException {
        Path folder = Files.createDirectories(root.resolve(file.toAbsolutePath().getParent().getFileName().toString()));
        Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        if (answer != null) {
            Files.writeString(folder.resolve(file.getFileName() + ".error.json"), answer, StandardCharsets.UTF_8);
        }
    }
}
