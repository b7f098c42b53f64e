// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads another JVM's live heap with {@code jcmd <pid> GC.run} then {@code GC.class_histogram}: the
 * histogram's total is then the bytes still reachable. The explicit collection comes first because
 * the histogram's own is not run by every collector: ZGC on Java 17 ignores a collection asked for
 * from the VM thread, as the heap inspector asks (zCollectedHeap.cpp, {@code
 * collect_as_vm_thread}), so without it the "live" total counted every object not yet collected,
 * garbage included, and a reading with 1,000 calls held came out below the one before them. A
 * {@code System.gc()} is a full, waited-for cycle under both G1 and ZGC. The collections pause the
 * server, so readings belong in a run of their own, not in one that measures latency.
 */
final class HeapProbe {

  private final String jcmd;

  HeapProbe() {
    Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    this.jcmd = Files.isExecutable(beside) ? beside.toString() : "jcmd";
  }

  /** Live heap bytes of process {@code pid}. */
  long liveBytes(long pid) {
    try {
      run(pid, "GC.run");
      return totalBytes(run(pid, "GC.class_histogram"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + jcmd + ".", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the server's heap.", e);
    }
  }

  /** The output of {@code jcmd <pid> <command>}; fails when jcmd does. */
  private String run(long pid, String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          "jcmd " + pid + " " + command + " failed: " + firstLine(output));
    }
    return output;
  }

  /**
   * Resident memory of {@code pid}, which unlike the heap counts thread stacks and direct buffers:
   * the proportional set size from {@code /proc/<pid>/smaps_rollup} (Linux 4.14 on), else {@code
   * VmRSS} from {@code /proc/<pid>/status}; 0 where neither exists. PSS first because ZGC on Java
   * 17 maps its heap three times (one view per colour) and RSS counts a page once per mapping that
   * touched it, so RSS can report up to three times the memory the heap uses; PSS divides a page by
   * its mappings and counts it once.
   */
  long residentBytes(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      Path rollup = proc.resolve("smaps_rollup");
      long pss =
          Files.isReadable(rollup)
              ? proportionalBytesIn(Files.readString(rollup, StandardCharsets.UTF_8))
              : 0;
      if (pss > 0) {
        return pss;
      }
      Path status = proc.resolve("status");
      return Files.exists(status)
          ? residentBytesIn(Files.readString(status, StandardCharsets.UTF_8))
          : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The {@code VmRSS: 123456 kB} line in bytes, 0 without one. */
  static long residentBytesIn(String procStatus) {
    return kilobytesLine(procStatus, "VmRSS:");
  }

  /** The {@code Pss: 123456 kB} line of an {@code smaps_rollup} in bytes, 0 without one. */
  static long proportionalBytesIn(String smapsRollup) {
    return kilobytesLine(smapsRollup, "Pss:");
  }

  private static long kilobytesLine(String text, String name) {
    for (String line : text.split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length == 3 && columns[0].equals(name) && columns[2].equals("kB")) {
        return Long.parseLong(columns[1]) * 1024;
      }
    }
    return 0;
  }

  /** The bytes column of the histogram's {@code Total <instances> <bytes>} line. */
  static long totalBytes(String histogram) {
    for (String line : histogram.split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length == 3 && columns[0].equals("Total")) {
        return Long.parseLong(columns[2]);
      }
    }
    throw new IllegalStateException("No Total line in the class histogram.");
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
