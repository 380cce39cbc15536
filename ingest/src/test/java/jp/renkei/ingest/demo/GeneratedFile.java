package jp.renkei.ingest.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A standard file the generator wrote: in the outbox ({@code archive} null) or in a history archive. */
record GeneratedFile(String archive, String sender, String name, byte[] content) {

    boolean archived() {
        return archive != null;
    }

    static List<GeneratedFile> all(DemoNation nation) throws IOException {
        List<GeneratedFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(nation.outbox())) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new GeneratedFile(null, file.getParent().getFileName().toString(), file.getFileName().toString(),
                        Files.readAllBytes(file)));
            }
        }
        try (Stream<Path> paths = Files.list(nation.archive())) {
            for (Path archive : paths.filter(path -> path.getFileName().toString().endsWith(".zip")).sorted().toList()) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        String[] parts = entry.getName().split("/");
                        files.add(new GeneratedFile(archive.getFileName().toString(), parts[0], parts[1], zip.readAllBytes()));
                    }
                }
            }
        }
        return files;
    }
}
