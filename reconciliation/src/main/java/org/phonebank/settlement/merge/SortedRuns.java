// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * An external sort of keyed payloads: up to {@code runSize} are held and sorted in memory, each
 * full buffer is written to a temporary file as one sorted run, and {@link #cursor} merges the runs
 * in key order. Equal keys keep the order they were added in (the sort is stable and the merge
 * takes the earlier run first), which is what the first-comes-first duplicate rule of {@code
 * Reconciler} needs. A side that fits one run never touches the disk. The files go on {@link
 * #close}.
 */
public final class SortedRuns implements AutoCloseable {

  private static final Comparator<Keyed> BY_KEY =
      Comparator.comparingLong(Keyed::high).thenComparingLong(Keyed::low);
  private static final int IO_BUFFER = 1 << 16;

  private final Path directory;
  private final String prefix;
  private final int runSize;
  private final List<Path> runs = new ArrayList<>();
  private Keyed[] buffer;
  private int buffered;
  private long added;
  private boolean sealed;

  /** Sorted runs of {@code runSize} payloads written to {@code directory} as needed. */
  public SortedRuns(Path directory, String prefix, int runSize) {
    this.directory = Objects.requireNonNull(directory, "Directory is required.");
    this.prefix = Objects.requireNonNull(prefix, "Prefix is required.");
    if (runSize < 1) {
      throw new IllegalArgumentException("A run holds at least one payload.");
    }
    this.runSize = runSize;
    this.buffer = new Keyed[Math.min(runSize, 1024)];
  }

  private record Keyed(long high, long low, byte[] payload) {}

  public void add(PackedKey key, byte[] payload) {
    if (sealed) {
      throw new IllegalStateException("The runs are being read; nothing more can be added.");
    }
    if (payload.length > 0xFFFF) {
      throw new IllegalArgumentException("A payload is at most 65535 bytes.");
    }
    if (buffered == buffer.length) {
      if (buffered == runSize) {
        spill();
      } else {
        buffer = Arrays.copyOf(buffer, Math.min(runSize, buffer.length * 2));
      }
    }
    buffer[buffered++] = new Keyed(key.high(), key.low(), payload);
    added++;
  }

  /** How many payloads were added. */
  public long size() {
    return added;
  }

  /** How many runs went to disk. */
  public int spilledRuns() {
    return runs.size();
  }

  private void spill() {
    Arrays.sort(buffer, 0, buffered, BY_KEY);
    try {
      Path run = Files.createTempFile(directory, prefix, ".run");
      runs.add(run);
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), IO_BUFFER))) {
        for (int i = 0; i < buffered; i++) {
          Keyed k = buffer[i];
          out.writeLong(k.high());
          out.writeLong(k.low());
          out.writeShort(k.payload().length);
          out.write(k.payload());
          buffer[i] = null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a sorted run to " + directory + ".", e);
    }
    buffered = 0;
  }

  /**
   * A cursor over every payload in key order; may be asked for again (a restart reads the runs
   * anew). Adding ends with the first call.
   */
  public Cursor cursor() {
    if (!sealed) {
      sealed = true;
      if (runs.isEmpty()) {
        Arrays.sort(buffer, 0, buffered, BY_KEY);
      } else if (buffered > 0) {
        spill();
      }
      if (!runs.isEmpty()) {
        buffer = new Keyed[0];
      }
    }
    return runs.isEmpty() ? new InMemory(buffer, buffered) : new Merge(runs);
  }

  @Override
  public void close() {
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException e) {
        // A leftover temporary file is no reason to fail a run that has finished.
      }
    }
    runs.clear();
  }

  /** Payloads in key order: {@link #next} moves to the next one, false at the end. */
  public interface Cursor extends AutoCloseable {
    boolean next();

    long high();

    long low();

    byte[] payload();

    @Override
    void close();
  }

  private static final class InMemory implements Cursor {
    private final Keyed[] sorted;
    private final int size;
    private int at = -1;

    InMemory(Keyed[] sorted, int size) {
      this.sorted = sorted;
      this.size = size;
    }

    @Override
    public boolean next() {
      return ++at < size;
    }

    @Override
    public long high() {
      return sorted[at].high();
    }

    @Override
    public long low() {
      return sorted[at].low();
    }

    @Override
    public byte[] payload() {
      return sorted[at].payload();
    }

    @Override
    public void close() {}
  }

  /**
   * One run read back from its file. A payload is read only when asked for and skipped otherwise,
   * so passing over groups (counting them, or going to a checkpoint) costs no copies.
   */
  private static final class RunReader {
    final int order;
    final DataInputStream in;
    long high;
    long low;
    private int unread;
    private byte[] payload;

    RunReader(int order, Path file) throws IOException {
      this.order = order;
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), IO_BUFFER));
    }

    boolean advance() throws IOException {
      if (unread > 0) {
        in.skipNBytes(unread);
      }
      try {
        high = in.readLong();
      } catch (EOFException end) {
        in.close();
        return false;
      }
      low = in.readLong();
      unread = in.readUnsignedShort();
      payload = null;
      return true;
    }

    byte[] payload() throws IOException {
      if (payload == null) {
        payload = new byte[unread];
        in.readFully(payload);
        unread = 0;
      }
      return payload;
    }
  }

  private static final class Merge implements Cursor {
    private final PriorityQueue<RunReader> heads =
        new PriorityQueue<>(
            Comparator.comparingLong((RunReader r) -> r.high)
                .thenComparingLong(r -> r.low)
                .thenComparingInt(r -> r.order));
    private final List<RunReader> all = new ArrayList<>();
    private RunReader current;

    Merge(List<Path> runs) {
      try {
        for (int i = 0; i < runs.size(); i++) {
          RunReader reader = new RunReader(i, runs.get(i));
          all.add(reader);
          if (reader.advance()) {
            heads.add(reader);
          }
        }
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("Cannot read the sorted runs.", e);
      }
    }

    @Override
    public boolean next() {
      try {
        if (current != null && current.advance()) {
          heads.add(current);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read a sorted run.", e);
      }
      current = heads.poll();
      return current != null;
    }

    @Override
    public long high() {
      return current.high;
    }

    @Override
    public long low() {
      return current.low;
    }

    @Override
    public byte[] payload() {
      try {
        return current.payload();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read a sorted run.", e);
      }
    }

    @Override
    public void close() {
      for (RunReader reader : all) {
        try {
          reader.in.close();
        } catch (IOException e) {
          // Closing a file only read from.
        }
      }
    }
  }
}
