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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private static final int STRING_IN_UTF8 = 0x01;
  private static final int LOAD_CLASS = 0x02;
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
    return arrayCopies(secrets).stream().map(ArrayCopy::secret).distinct().toList();
  }

  /**
   * One primitive array whose whole content is {@code secret}, with what holds it: the classes of
   * the objects referring to it and, for a String, the classes of the objects referring to that
   * String ({@code org.phonebank.esl.EslHeader(Content-Length)} when the holder is an Event Socket
   * header whose name is Content-Length).
   */
  record ArrayCopy(String secret, List<String> holders) {

    /**
     * True when every holder is the value of an Event Socket Content-Length header: a 4-digit PIN
     * equal to a frame's length by chance, which says nothing about where PINs go.
     */
    boolean isFrameLength() {
      return !holders.isEmpty()
          && holders.stream()
              .allMatch(h -> h.equals("java.lang.String <- " + CONTENT_LENGTH_HEADER));
    }
  }

  private static final String CONTENT_LENGTH_HEADER = "org.phonebank.esl.EslHeader(Content-Length)";

  /**
   * Every whole-array copy of the secrets, with its holders (see {@link ArrayCopy}). Three passes
   * over the dump: the arrays, the objects referring to them, the objects referring to those.
   */
  List<ArrayCopy> arrayCopies(List<String> secrets) throws IOException {
    Map<String, String> byForm = new HashMap<>();
    for (String secret : secrets) {
      byForm.put("B" + Arrays.toString(secret.getBytes(StandardCharsets.US_ASCII)), secret);
      byForm.put("B" + Arrays.toString(secret.getBytes(StandardCharsets.UTF_16LE)), secret);
      byForm.put("C" + Arrays.toString(secret.getBytes(StandardCharsets.UTF_16BE)), secret);
    }
    String contentLength =
        "B" + Arrays.toString("Content-Length".getBytes(StandardCharsets.US_ASCII));
    int longest = Math.max(14, secrets.stream().mapToInt(String::length).max().orElse(0) * 2);
    Map<Long, String> secretArrays = new HashMap<>();
    Set<Long> nameArrays = new HashSet<>();
    walk(
        new Visitor() {
          @Override
          public void array(long id, int type, byte[] content) {
            String form = (type == BYTE ? "B" : "C") + Arrays.toString(content);
            String secret = byForm.get(form);
            if (secret != null) {
              secretArrays.put(id, secret);
            } else if (form.equals(contentLength)) {
              nameArrays.add(id);
            }
          }
        },
        longest);
    Map<Long, String> classNames = classNames();
    // Pass two: the objects referring to a secret's array or to a "Content-Length" array.
    Set<Long> firstTargets = new HashSet<>(secretArrays.keySet());
    firstTargets.addAll(nameArrays);
    Map<Long, List<long[]>> firstHolders = referrers(firstTargets);
    Set<Long> nameStrings = new HashSet<>();
    for (long array : nameArrays) {
      firstHolders.getOrDefault(array, List.of()).forEach(h -> nameStrings.add(h[0]));
    }
    Set<Long> secretStrings = new HashSet<>();
    for (long array : secretArrays.keySet()) {
      firstHolders.getOrDefault(array, List.of()).stream()
          .filter(h -> "java.lang.String".equals(classNames.get(h[1])))
          .forEach(h -> secretStrings.add(h[0]));
    }
    // Pass three: who holds those Strings, and whether that holder also names "Content-Length".
    Map<Long, List<long[]>> secondHolders = referrers(secretStrings, nameStrings);
    List<ArrayCopy> copies = new ArrayList<>();
    for (Map.Entry<Long, String> array : secretArrays.entrySet()) {
      List<String> holders = new ArrayList<>();
      for (long[] holder : firstHolders.getOrDefault(array.getKey(), List.of())) {
        String name = classNames.getOrDefault(holder[1], "?");
        List<long[]> next = secondHolders.getOrDefault(holder[0], List.of());
        if (next.isEmpty()) {
          holders.add(name);
        }
        for (long[] outer : next) {
          String outerName = classNames.getOrDefault(outer[1], "?");
          holders.add(name + " <- " + outerName + (outer[2] == 1 ? "(Content-Length)" : ""));
        }
      }
      copies.add(new ArrayCopy(array.getValue(), holders));
    }
    return copies;
  }

  /**
   * For each target id, the objects (id, class id, 1 when the object also refers to one of {@code
   * marks}) whose fields hold it. Fields are found by looking for the id at every offset of an
   * instance's field bytes: an 8-byte address matching by chance is not a concern here.
   */
  private Map<Long, List<long[]>> referrers(Set<Long> targets, Set<Long> marks) throws IOException {
    Map<Long, List<long[]>> holders = new HashMap<>();
    if (targets.isEmpty()) {
      return holders;
    }
    walk(
        new Visitor() {
          @Override
          public void instance(long id, long classId, ByteBuffer fields, int idSize) {
            List<Long> hits = new ArrayList<>();
            boolean marked = false;
            for (int i = fields.position(); i + idSize <= fields.limit(); i++) {
              long value = idSize == 8 ? fields.getLong(i) : fields.getInt(i) & 0xFFFFFFFFL;
              if (targets.contains(value)) {
                hits.add(value);
              } else if (marks.contains(value)) {
                marked = true;
              }
            }
            for (long hit : hits) {
              holders
                  .computeIfAbsent(hit, k -> new ArrayList<>())
                  .add(new long[] {id, classId, marked ? 1 : 0});
            }
          }
        },
        0);
    return holders;
  }

  private Map<Long, List<long[]>> referrers(Set<Long> targets) throws IOException {
    return referrers(targets, Set.of());
  }

  /** What a walk over the dump reports. */
  private interface Visitor {
    /** A byte[] or char[] of at most the walk's size in bytes. */
    default void array(long id, int type, byte[] content) {}

    /** An object's field bytes, {@code fields} positioned at their start, limited at their end. */
    default void instance(long id, long classId, ByteBuffer fields, int idSize) {}
  }

  /**
   * Every loaded class's name (dots, not slashes) by class id, in one pass over the top-level
   * records: HotSpot writes a class's name as a STRING record before the LOAD CLASS record naming
   * it, so the names' places are kept until their classes come.
   */
  private Map<Long, String> classNames() throws IOException {
    Map<Long, String> names = new HashMap<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer in = open(channel);
      int idSize = in.getInt();
      in.getLong();
      Map<Long, int[]> strings = new HashMap<>();
      while (in.hasRemaining()) {
        int tag = in.get() & 0xFF;
        in.getInt();
        long length = in.getInt() & 0xFFFFFFFFL;
        int end = (int) (in.position() + length);
        if (tag == STRING_IN_UTF8) {
          strings.put(id(in, idSize), new int[] {in.position(), end});
        } else if (tag == LOAD_CLASS) {
          in.getInt();
          long classId = id(in, idSize);
          in.getInt();
          int[] utf8 = strings.get(id(in, idSize));
          if (utf8 != null) {
            byte[] name = new byte[utf8[1] - utf8[0]];
            in.get(utf8[0], name);
            names.put(classId, new String(name, StandardCharsets.UTF_8).replace('/', '.'));
          }
        }
        in.position(end);
      }
    }
    return names;
  }

  /** The dump mapped and positioned after its "JAVA PROFILE 1.0.2" name, at the id size. */
  private static ByteBuffer open(FileChannel channel) throws IOException {
    if (channel.size() > Integer.MAX_VALUE) {
      throw new IllegalStateException("A heap dump over 2 GiB is not read here.");
    }
    ByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    in.order(ByteOrder.BIG_ENDIAN);
    while (in.get() != 0) {
      // "JAVA PROFILE 1.0.2\0"
    }
    return in;
  }

  /** Walks the heap's records, telling {@code visitor} of arrays up to {@code longest} bytes. */
  private void walk(Visitor visitor, int longest) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer in = open(channel);
      int idSize = in.getInt();
      in.getLong();
      while (in.hasRemaining()) {
        int tag = in.get() & 0xFF;
        in.getInt();
        long length = in.getInt() & 0xFFFFFFFFL;
        int end = (int) (in.position() + length);
        if (tag == HEAP_DUMP || tag == HEAP_DUMP_SEGMENT) {
          readHeap(in, end, idSize, longest, visitor);
        }
        in.position(end);
      }
    }
  }

  private static long id(ByteBuffer in, int idSize) {
    return idSize == 8 ? in.getLong() : in.getInt() & 0xFFFFFFFFL;
  }

  private static void readHeap(ByteBuffer in, int end, int idSize, int longest, Visitor visitor) {
    while (in.position() < end) {
      int sub = in.get() & 0xFF;
      switch (sub) {
        case 0xFF, 0x05, 0x07 -> skip(in, idSize);
        case 0x01 -> skip(in, 2 * idSize);
        case 0x02, 0x03, 0x08 -> skip(in, idSize + 8);
        case 0x04, 0x06 -> skip(in, idSize + 4);
        case 0x20 -> skipClass(in, idSize);
        case 0x21 -> {
          long id = id(in, idSize);
          in.getInt();
          long classId = id(in, idSize);
          int size = in.getInt();
          int start = in.position();
          ByteBuffer fields = in.duplicate().order(ByteOrder.BIG_ENDIAN);
          fields.position(start).limit(start + size);
          visitor.instance(id, classId, fields, idSize);
          in.position(start + size);
        }
        case 0x22 -> {
          skip(in, idSize + 4);
          int count = in.getInt();
          skip(in, idSize + (long) count * idSize);
        }
        case 0x23 -> {
          long id = id(in, idSize);
          in.getInt();
          int count = in.getInt();
          int type = in.get() & 0xFF;
          long bytes = (long) count * sizeOf(type, idSize);
          if ((type == BYTE || type == CHAR) && bytes > 0 && bytes <= longest) {
            byte[] content = new byte[(int) bytes];
            in.get(content);
            visitor.array(id, type, content);
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
