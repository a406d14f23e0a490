package com.ecommerce.analytics.reports.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where the workbooks' temporary files go: EXPORT_TEMP_DIR, by default exports-tmp in the platform's data
 * directory, rather than a shared /tmp/poifiles, so that what is left there can be seen (and nothing should be).
 */
@ApplicationScoped
public class ExportFiles {

    @Inject
    @ConfigProperty(name = "EXPORT_TEMP_DIR")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "PLATFORM_DATA_DIR")
    String dataDirectory;

    private volatile boolean configured;

    public void useExportDirectory() {
        if (!configured) {
            Path path = directory.map(Path::of).orElse(Path.of(dataDirectory, "exports-tmp"));
            try {
                Files.createDirectories(path);
                TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(path.toFile()));
                configured = true;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the export directory " + path, e);
            }
        }
    }
}
