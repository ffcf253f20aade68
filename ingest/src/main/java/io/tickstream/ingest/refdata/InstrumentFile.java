package io.tickstream.ingest.refdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickstream.schemas.avro.Instrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads instrument reference data from a file: CSV with a header row (names as in {@link
 * InstrumentFields}, camelCase or snake_case, e.g. {@code instrument_id,venue,tick_size,lot_size,
 * currency,trading_hours}; {@code #} comments; no quoted fields) when the name does not end in
 * {@code .json}, else a JSON array of objects with those fields. Every bad row or object is
 * reported with the file and line; the good ones are kept.
 */
public final class InstrumentFile {
  /** The instruments read, and one message per bad row ({@code file:line: problem}). */
  public record Contents(List<Instrument> instruments, List<String> errors) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private InstrumentFile() {}

  /** Reads {@code file}, stamping {@code tsInit} into every instrument. */
  public static Contents read(Path file, long tsInit) throws IOException {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".json")
        ? readJson(file, name, tsInit)
        : readCsv(file, name, tsInit);
  }

  private static Contents readCsv(Path file, String name, long tsInit) throws IOException {
    List<Instrument> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String[] header = null;
      String row;
      long line = 0;
      while ((row = r.readLine()) != null) {
        line++;
        if (row.isBlank() || row.strip().startsWith("#")) {
          continue;
        }
        String[] cells = row.strip().split(",", -1);
        if (header == null) {
          header = new String[cells.length];
          for (int i = 0; i < cells.length; i++) {
            header[i] = camel(cells[i].strip());
          }
          continue;
        }
        if (cells.length != header.length) {
          errors.add(
              name
                  + ":"
                  + line
                  + ": expected "
                  + header.length
                  + " fields like the header, found "
                  + cells.length);
          continue;
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
          fields.put(header[i], cells[i].strip());
        }
        add(fields, name, line, tsInit, out, errors, seen);
      }
      if (header == null) {
        errors.add(name + ": the file is empty (no header row)");
      }
    }
    return new Contents(out, errors);
  }

  private static Contents readJson(Path file, String name, long tsInit) throws IOException {
    List<Instrument> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (JsonParser p = JSON.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        errors.add(
            name
                + ":"
                + p.currentLocation().getLineNr()
                + ": expected a JSON array of instrument objects");
        return new Contents(out, errors);
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        long line = p.currentTokenLocation().getLineNr();
        JsonNode node = p.readValueAsTree();
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode v = e.getValue();
          fields.put(
              camel(e.getKey()),
              v.isNull() ? null : v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
        }
        add(fields, name, line, tsInit, out, errors, seen);
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        errors.add(
            name
                + ":"
                + p.currentLocation().getLineNr()
                + ": expected an instrument object or the end of the array");
      }
    } catch (JsonProcessingException e) {
      errors.add(
          name + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
    }
    return new Contents(out, errors);
  }

  private static void add(
      Map<String, String> fields,
      String name,
      long line,
      long tsInit,
      List<Instrument> out,
      List<String> errors,
      Set<String> seen) {
    try {
      Instrument i = InstrumentFields.toInstrument(fields, tsInit);
      if (!seen.add(i.getInstrumentId())) {
        errors.add(
            name + ":" + line + ": " + i.getInstrumentId() + " appears more than once in the file");
        return;
      }
      out.add(i);
    } catch (IllegalArgumentException e) {
      errors.add(name + ":" + line + ": " + e.getMessage());
    }
  }

  /** {@code tick_size} → {@code tickSize}; camelCase names pass unchanged. */
  static String camel(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean up = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
