package io.tickstream.jobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Expected against actual output records, matched by a key: how many are missing, duplicated (a key
 * seen again, same content) and mismatched (a key with other content, or unexpected).
 */
record OutputDiff(
    String what, int expected, int actual, int missing, int duplicated, int mismatched) {

  static <T> OutputDiff of(String what, List<T> expected, List<T> actual, Function<T, ?> key) {
    Map<Object, T> want = new HashMap<>();
    for (T e : expected) {
      if (want.put(key.apply(e), e) != null) {
        throw new IllegalArgumentException(what + ": expected records repeat key " + key.apply(e));
      }
    }
    Map<Object, T> seen = new HashMap<>();
    int duplicated = 0;
    int mismatched = 0;
    for (T a : actual) {
      Object k = key.apply(a);
      T previous = seen.put(k, a);
      if (previous != null) {
        if (Objects.equals(previous, a)) {
          duplicated++;
        } else {
          mismatched++;
        }
      } else if (!Objects.equals(want.get(k), a)) {
        mismatched++;
      }
    }
    int missing = 0;
    java.util.List<String> sample = new java.util.ArrayList<>();
    for (Object k : want.keySet()) {
      if (!seen.containsKey(k)) {
        missing++;
        sample.add(String.valueOf(k));
      }
    }
    if (missing > 0) {
      java.util.Map<String, Long> byGroup = new java.util.TreeMap<>();
      for (String k : sample) {
        String[] parts = k.split("[|/]");
        byGroup.merge(parts[0] + " " + parts[parts.length - 3], 1L, Long::sum);
      }
      org.slf4j.LoggerFactory.getLogger(OutputDiff.class)
          .warn("{}: missing by instrument and spec/strategy: {}", what, byGroup);
      java.util.Collections.sort(sample);
      org.slf4j.LoggerFactory.getLogger(OutputDiff.class)
          .warn("{}: {} missing, e.g. {}", what, missing, sample.subList(0, Math.min(20, missing)));
    }
    return new OutputDiff(what, expected.size(), actual.size(), missing, duplicated, mismatched);
  }
}
