// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A HotSpot heap dump (HPROF 1.0.2), taken of a running JVM with {@code jcmd <pid> GC.heap_dump},
 * and searched for secrets two ways:
 *
 * <ul>
 *   <li>{@link #findBytes}: byte sequences anywhere in the file, each in ASCII, UTF-16LE (a compact
 *       String's UTF16 value on x86) and UTF-16BE (how HPROF writes a {@code char[]}): a card
 *       number, or a PIN with its context ({@code pb_secret: 7391}) or inside its clear ISO 9564
 *       format 0 field ({@code 047391FFFFFFFFFF}, as hex text and as the bytes);
 *   <li>{@link #findArrays}: primitive arrays whose whole content is a secret, the form a short PIN
 *       takes as a String's value or as an unwiped {@code char[]}: a {@code byte[]} of its ASCII or
 *       UTF-16LE bytes, or a {@code char[]} of its characters. A 4-digit PIN would match by chance
 *       inside any longer number; a whole array of exactly it does not.
 * </ul>
 *
 * Record layout from the HPROF format of OpenJDK ({@code
 * src/hotspot/share/services/heapDumper.cpp}).
 */
final class HeapDump {

  private static final int HEAP_DUMP = 0x0C;
  private static final int HEAP_DUMP_SEGMENT = 0x1C;
  private static final int CHAR = 5;
  private static final int BYTE = 8;

  private final Path file;

  HeapDump(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * Dumps {@code pid}'s heap into {@code file} with the {@code jcmd} beside this JVM's {@code
   * java}. {@code all} keeps unreachable objects (no collection first): garbage Strings a call left
   * behind are in such a dump until the collector reclaims them.
   */
  static HeapDump take(long pid, Path file, boolean all) throws IOException, InterruptedException {
    Files.deleteIfExists(file);
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    Path jcmd = java.resolveSibling("jcmd");
    List<String> command = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
    command.add("GC.heap_dump");
    if (all) {
      command.add("-all");
    }
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS)
        || process.exitValue() != 0
        || !Files.exists(file)) {
      throw new IllegalStateException("jcmd GC.heap_dump failed: " + output);
    }
    return new HeapDump(file);
  }

  /** The three encodings of {@code text} searched for. */
  static List<byte[]> encodings(String text) {
    return List.of(
        text.getBytes(StandardCharsets.US_ASCII),
        text.getBytes(StandardCharsets.UTF_16LE),
        text.getBytes(StandardCharsets.UTF_16BE));
  }

  /**
   * The names of the needles (name to its byte forms, each at least 4 bytes) found anywhere in the
   * file.
   */
  List<String> findBytes(Map<String, List<byte[]>> needles) throws IOException {
    // Index by the first two bytes, so one pass over the file checks every needle.
    Map<Integer, List<Map.Entry<String, byte[]>>> byStart = new HashMap<>();
    boolean[] start = new boolean[1 << 16];
    for (Map.Entry<String, List<byte[]>> needle : needles.entrySet()) {
      for (byte[] form : needle.getValue()) {
        int key = ((form[0] & 0xFF) << 8) | (form[1] & 0xFF);
        start[key] = true;
        byStart.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.entry(needle.getKey(), form));
      }
    }
    List<String> found = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long chunk = 256L << 20;
      int overlap = 64;
      for (long at = 0; at < size; at += chunk) {
        long length = Math.min(size - at, chunk + overlap);
        MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, at, length);
        int limit = (int) Math.min(length, chunk);
        for (int i = 0; i < limit && i + 1 < length; i++) {
          int key = ((bytes.get(i) & 0xFF) << 8) | (bytes.get(i + 1) & 0xFF);
          if (!start[key]) {
            continue;
          }
          for (Map.Entry<String, byte[]> candidate : byStart.get(key)) {
            if (!found.contains(candidate.getKey()) && matchesAt(bytes, i, candidate.getValue())) {
              found.add(candidate.getKey());
            }
          }
        }
      }
    }
    return found;
  }

  private static boolean matchesAt(ByteBuffer bytes, int at, byte[] form) {
    if (at + form.length > bytes.limit()) {
      return false;
    }
    for (int j = 0; j < form.length; j++) {
      if (bytes.get(at + j) != form[j]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The secrets (each short, ASCII) for which a primitive array of exactly their content is in the
   * dump: a {@code byte[]} of the ASCII or UTF-16LE bytes, or a {@code char[]}.
   */
  List<String> findArrays(List<String> secrets) throws IOException {
    Map<String, String> byForm = new HashMap<>();
    for (String secret : secrets) {
      byForm.put("B" + Arrays.toString(secret.getBytes(StandardCharsets.US_ASCII)), secret);
      byForm.put("B" + Arrays.toString(secret.getBytes(StandardCharsets.UTF_16LE)), secret);
      byForm.put("C" + Arrays.toString(secret.getBytes(StandardCharsets.UTF_16BE)), secret);
    }
    int longest = secrets.stream().mapToInt(String::length).max().orElse(0) * 2;
    List<String> found = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() > Integer.MAX_VALUE) {
        throw new IllegalStateException("A heap dump over 2 GiB is not read here.");
      }
      ByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      in.order(ByteOrder.BIG_ENDIAN);
      while (in.get() != 0) {
        // "JAVA PROFILE 1.0.2\0"
      }
      int idSize = in.getInt();
      in.getLong();
      while (in.hasRemaining()) {
        int tag = in.get() & 0xFF;
        in.getInt();
        long length = in.getInt() & 0xFFFFFFFFL;
        int end = (int) (in.position() + length);
        if (tag == HEAP_DUMP || tag == HEAP_DUMP_SEGMENT) {
          readHeap(in, end, idSize, longest, byForm, found);
        }
        in.position(end);
      }
    }
    return found;
  }

  private static void readHeap(
      ByteBuffer in,
      int end,
      int idSize,
      int longest,
      Map<String, String> byForm,
      List<String> found) {
    while (in.position() < end) {
      int sub = in.get() & 0xFF;
      switch (sub) {
        case 0xFF, 0x05, 0x07 -> skip(in, idSize);
        case 0x01 -> skip(in, 2 * idSize);
        case 0x02, 0x03, 0x08 -> skip(in, idSize + 8);
        case 0x04, 0x06 -> skip(in, idSize + 4);
        case 0x20 -> skipClass(in, idSize);
        case 0x21 -> {
          skip(in, idSize + 4 + idSize);
          skip(in, in.getInt());
        }
        case 0x22 -> {
          skip(in, idSize + 4);
          int count = in.getInt();
          skip(in, idSize + (long) count * idSize);
        }
        case 0x23 -> {
          skip(in, idSize + 4);
          int count = in.getInt();
          int type = in.get() & 0xFF;
          long bytes = (long) count * sizeOf(type, idSize);
          if ((type == BYTE || type == CHAR) && bytes > 0 && bytes <= longest) {
            byte[] content = new byte[(int) bytes];
            in.get(content);
            String secret = byForm.get((type == BYTE ? "B" : "C") + Arrays.toString(content));
            if (secret != null && !found.contains(secret)) {
              found.add(secret);
            }
          } else {
            skip(in, bytes);
          }
        }
        default -> throw new IllegalStateException("Unknown heap dump record " + sub);
      }
    }
  }

  private static void skipClass(ByteBuffer in, int idSize) {
    skip(in, idSize + 4 + 6L * idSize + 4);
    int constants = in.getShort() & 0xFFFF;
    for (int i = 0; i < constants; i++) {
      skip(in, 2);
      skip(in, sizeOf(in.get() & 0xFF, idSize));
    }
    int statics = in.getShort() & 0xFFFF;
    for (int i = 0; i < statics; i++) {
      skip(in, idSize);
      skip(in, sizeOf(in.get() & 0xFF, idSize));
    }
    int fields = in.getShort() & 0xFFFF;
    skip(in, (long) fields * (idSize + 1));
  }

  private static int sizeOf(int type, int idSize) {
    return switch (type) {
      case 2 -> idSize;
      case 4, 8 -> 1;
      case 5, 9 -> 2;
      case 6, 10 -> 4;
      case 7, 11 -> 8;
      default -> throw new IllegalStateException("Unknown basic type " + type);
    };
  }

  private static void skip(ByteBuffer in, long bytes) {
    in.position((int) (in.position() + bytes));
  }
}
