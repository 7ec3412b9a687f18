package dev.groundwork.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one JSON dialect of groundwork: snake_case keys (units in the name, e.g. {@code gain_db}),
 * records as objects, non-finite numbers written as null so a consumer never divides by them.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .addModule(new NonFiniteAsNull())
            .build();

    private Json() { }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes through a temporary file in the same folder, moved into place. */
    public static void write(Path file, Object value) {
        try {
            Path tmp = dev.groundwork.core.io.SiblingTempFile.create(file);
            try {
                MAPPER.writeValue(tmp.toFile(), value);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName() + ": " + dev.groundwork.core.io.IoErrors.reason(e), e);
        }
    }

    public static <T> T read(Path file, Class<T> type) {
        // the same words as for a missing audio input, not Jackson's "(No such file or directory)" after the path
        if (Files.isDirectory(file)) throw new UncheckedIOException(file.getFileName() + ": is a directory, not a plan", new java.io.FileNotFoundException(file.toString()));
        if (!Files.exists(file)) throw new UncheckedIOException(file.getFileName() + ": no such file", new java.io.FileNotFoundException(file.toString()));
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file.getFileName() + ": not a valid " + type.getSimpleName() + " (" + ReadProblem.of(e, file) + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + dev.groundwork.core.io.IoErrors.reason(e), e);
        }
    }

    /** NaN and infinities have no JSON form; they mean "does not exist", which is null. */
    private static final class NonFiniteAsNull extends com.fasterxml.jackson.databind.module.SimpleModule {
        NonFiniteAsNull() {
            addSerializer(Double.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(Double.class) {
                @Override
                public void serialize(Double v, JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
                    if (v == null || !Double.isFinite(v)) g.writeNull(); else g.writeNumber(v);
                }
            });
            addSerializer(double.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(double.class) {
                @Override
                public void serialize(Double v, JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
                    if (!Double.isFinite(v)) g.writeNull(); else g.writeNumber(v);
                }
            });
        }
    }
}
