package io.wamptls.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a Crossbar node configuration ({@code config.json} or {@code config.yaml}) and validates it completely:
 * every problem is reported at once, each with its JSON path. Relative file names are resolved against the node
 * directory and the files they name are checked while validating (Crossbar only notices them when a transport
 * starts).
 *
 * <p>When a node directory holds both {@code config.json} and {@code config.yaml}, the JSON file is used (as
 * Crossbar does) and a warning is logged. {@code config.yml} is accepted as a spelling of {@code config.yaml}.
 */
public final class ConfigLoader {

    /** The syntax of a configuration text. */
    public enum Format {
        JSON, YAML;

        static Format of(Path file) {
            String name = file.getFileName().toString();
            return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final List<String> FILE_NAMES = List.of("config.json", "config.yaml", "config.yml");

    private ConfigLoader() {
    }

    public static NodeConfig load(Path nodeDir) throws ConfigException {
        return load(nodeDir, System::getenv);
    }

    /** As {@link #load(Path)}, with {@code $VAR} and {@code ${VAR}} looked up in {@code env}. */
    public static NodeConfig load(Path nodeDir, Function<String, String> env) throws ConfigException {
        Path dir = nodeDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("", "node directory " + dir + " does not exist or is not a directory");
        }
        Path source = findConfigFile(dir);
        return parse(dir, read(source), Format.of(source), source, env);
    }

    public static NodeConfig parse(Path nodeDir, String text, Format format, Path source) throws ConfigException {
        return parse(nodeDir, text, format, source, System::getenv);
    }

    /**
     * Parses and validates a configuration text.
     *
     * @param nodeDir the node directory relative file names are resolved against
     * @param source  the file the text came from (for messages and {@link NodeConfig#source()}), or null
     */
    public static NodeConfig parse(Path nodeDir, String text, Format format, Path source,
                                   Function<String, String> env) throws ConfigException {
        Path dir = nodeDir.toAbsolutePath().normalize();
        JsonNode tree = readTree(text, format, source);
        Validation validation = new Validation(dir, env);
        NodeConfig config = new NodeValidator(validation).node(new Cursor(tree, "", validation), source);
        if (!validation.errors().isEmpty()) {
            throw new ConfigException(validation.errors());
        }
        return config;
    }

    private static Path findConfigFile(Path dir) throws ConfigException {
        List<Path> present = FILE_NAMES.stream().map(dir::resolve).filter(Files::exists).toList();
        if (present.isEmpty()) {
            throw new ConfigException("", "no configuration file: neither " + dir.resolve("config.json") + " nor "
                    + dir.resolve("config.yaml") + " exists");
        }
        if (present.size() > 1) {
            LOG.warn("Several configuration files in {}: using {}, ignoring {}", dir, present.get(0).getFileName(),
                    present.subList(1, present.size()).stream().map(Path::getFileName).toList());
        }
        return present.get(0);
    }

    private static String read(Path file) throws ConfigException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("", "cannot read " + file + " (not UTF-8 text)");
        } catch (IOException e) {
            throw new ConfigException("", "cannot read " + file + " (" + FileChecks.reason(e) + ")");
        }
    }

    private static JsonNode readTree(String text, Format format, Path source) throws ConfigException {
        String where = source == null ? "configuration" : source.toString();
        if (text.isBlank()) {
            throw new ConfigException("", where + " is empty");
        }
        try {
            JsonNode tree = mapper(format).readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new ConfigException("", where + " is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ConfigException("", syntaxMessage(e, format, where));
        }
    }

    private static String syntaxMessage(JsonProcessingException e, Format format, String where) {
        String detail = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            detail = yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ": " + yaml.getProblem();
            line = yaml.getProblemMark().getLine() + 1;
            column = yaml.getProblemMark().getColumn() + 1;
        }
        String at = line < 1 ? "" : " at line " + line + ", column " + column;
        return "invalid " + format + " in " + where + at + ": " + detail;
    }

    private static ObjectMapper mapper(Format format) {
        ObjectMapper mapper = format == Format.YAML ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }
}
