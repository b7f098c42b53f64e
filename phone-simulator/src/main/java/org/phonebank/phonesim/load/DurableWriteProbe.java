// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The durable floor of the call-load benchmark: the time one durable write takes on the disk of the
 * phone bank's database, measured while the load runs. Every journalled switch request waits for
 * such writes (embedded Derby writes its transaction log with {@code RandomAccessFile} mode "rwd",
 * that is {@code O_DSYNC}: LogToFile.openLogFileInWriteMode in Derby 10.16), so the app's own share
 * of a switch round trip cannot be shorter than the writes its commits make; this probe gives that
 * floor from the same disk at the same moment, as the switch-link benchmark gives its own.
 *
 * <p>Writes {@value #WRITE_BYTES} bytes with {@code DSYNC} every interval, at rotating offsets in a
 * file of {@value #FILE_BYTES} bytes laid out first (as Derby preallocates a log file, so no write
 * changes the file's size), and keeps each write's time in nanoseconds.
 *
 * <pre>
 * java -cp phone-simulator.jar org.phonebank.phonesim.load.DurableWriteProbe --dir .state/derby \
 *     --after-seconds 10 --seconds 50 --interval-ms 10
 * </pre>
 *
 * Prints one Markdown table row set; exits 64 on bad arguments, 1 when the directory cannot be
 * written.
 */
public final class DurableWriteProbe {

  static final int WRITE_BYTES = 512;
  static final int FILE_BYTES = 1 << 20;
  static final String FILE_NAME = "durable-write-probe.tmp";

  private final Path file;
  private final Duration interval;
  private final Latencies writes = new Latencies();

  DurableWriteProbe(Path directory, Duration interval) {
    this.file = Objects.requireNonNull(directory, "Directory is required.").resolve(FILE_NAME);
    this.interval = Objects.requireNonNull(interval, "Interval is required.");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("The interval must be positive.");
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path directory = null;
    long afterSeconds = 0;
    long seconds = 10;
    long intervalMillis = 10;
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Option " + args[i] + " needs a value.");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--dir" -> directory = Path.of(value);
          case "--after-seconds" -> afterSeconds = whole(args[i], value);
          case "--seconds" -> seconds = whole(args[i], value);
          case "--interval-ms" -> intervalMillis = whole(args[i], value);
          default -> throw new IllegalArgumentException("Unknown option " + args[i] + ".");
        }
      }
      if (directory == null) {
        throw new IllegalArgumentException("--dir is required.");
      }
      if (intervalMillis < 1) {
        throw new IllegalArgumentException("--interval-ms must be at least 1.");
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(
          "usage: DurableWriteProbe --dir DIR [--after-seconds 0] [--seconds 10] [--interval-ms"
              + " 10]");
      return 64;
    }
    DurableWriteProbe probe = new DurableWriteProbe(directory, Duration.ofMillis(intervalMillis));
    try {
      sleep(Duration.ofSeconds(afterSeconds));
      probe.measure(Duration.ofSeconds(seconds));
    } catch (UncheckedIOException e) {
      err.println("Could not write durably in " + directory + ": " + e.getCause().getMessage());
      return 1;
    }
    out.print(probe.markdown());
    return 0;
  }

  /** Writes every interval for {@code length}, then removes its file. */
  void measure(Duration length) {
    try {
      lay();
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.DSYNC)) {
        ByteBuffer block = ByteBuffer.allocateDirect(WRITE_BYTES);
        long end = System.nanoTime() + length.toNanos();
        long next = System.nanoTime();
        int slot = 0;
        while (next < end) {
          block.clear();
          block.putLong(0, next);
          long start = System.nanoTime();
          channel.write(block, (long) slot * WRITE_BYTES);
          writes.add(System.nanoTime() - start);
          slot = (slot + 1) % (FILE_BYTES / WRITE_BYTES);
          next += interval.toNanos();
          sleep(Duration.ofNanos(next - System.nanoTime()));
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file at its full size, on disk, before the first timed write. */
  private void lay() throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
      for (long at = 0; at < FILE_BYTES; at += zeros.capacity()) {
        zeros.clear();
        channel.write(zeros, at);
      }
      channel.force(true);
    }
  }

  Latencies.Summary summary() {
    return writes.summary();
  }

  String markdown() {
    Latencies.Summary s = summary();
    return String.format(
        Locale.ROOT,
        "%n| durable write on the database's disk (O_DSYNC, %d B every %d ms, during the run)"
            + " | writes | p50 | p99 | p99.9 | max |%n"
            + "|---|---:|---:|---:|---:|---:|%n"
            + "| one write, as each journal commit makes at least one | %d | %s | %s | %s | %s |%n",
        WRITE_BYTES,
        interval.toMillis(),
        s.count(),
        millis(s.percentile(50)),
        millis(s.percentile(99)),
        millis(s.percentile(99.9)),
        millis(s.max()));
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private static void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while probing.", e);
    }
  }

  private static long whole(String option, String value) {
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number of at least 0.");
    }
  }
}
