// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.phonebank.esl.EslCommandDecoder;
import org.phonebank.esl.EslFrameEncoder;
import org.phonebank.phonesim.Transcript.Ending;
import org.phonebank.prompt.PromptCatalogue;

/**
 * A bulk call generator: places many simulated FreeSWITCH calls at once on a few shared event loop
 * threads, each call a socket and a small state machine, with no thread of its own. Time-outs and
 * callers' think times are timers on the same loops. One generator holds thousands of calls; close
 * it when done.
 *
 * <pre>
 * try (CallGenerator calls = new CallGenerator(2, peerSecret)) {
 *   CompletableFuture&lt;Transcript&gt; call =
 *       calls.place("127.0.0.1", 8084, CallScript.parse("2 6037991234567893# 7391"),
 *           Duration.ofSeconds(3), Duration.ofSeconds(60), CallListener.NONE);
 * }
 * </pre>
 */
public final class CallGenerator implements AutoCloseable {

  private static final int MAX_CONNECT_MILLIS = 10_000;

  private final EventLoopGroup loops;
  private final PromptTexts texts;
  private final Map<String, String> dialplanVariables;

  /**
   * @param threads event loop threads shared by every call; 0 means Netty's default (twice the
   *     cores)
   * @param peerSecret the phone bank's Event Socket peer secret, which every call carries as the
   *     dialplan would set it before {@code socket}; null for none (the phone bank refuses such
   *     calls)
   */
  public CallGenerator(int threads, String peerSecret) {
    this(threads, false, Dialplan.shipped(peerSecret));
  }

  /**
   * @param dialplan the variables every call's channel starts with, as FreeSWITCH's dialplan sets
   *     them before {@code socket} (the peer secret and the hang-up hook among them)
   */
  public CallGenerator(int threads, Dialplan dialplan) {
    this(threads, false, dialplan);
  }

  CallGenerator(int threads, boolean daemon, Dialplan dialplan) {
    if (threads < 0) {
      throw new IllegalArgumentException("Event loop threads must not be negative.");
    }
    this.dialplanVariables = Objects.requireNonNull(dialplan, "Dialplan is required.").variables();
    this.texts = new PromptTexts(PromptCatalogue.load());
    this.loops =
        new NioEventLoopGroup(threads, new DefaultThreadFactory("phone-simulator", daemon));
  }

  /** Places a call whose caller answers at once; see the full overload. */
  public CompletableFuture<Transcript> place(
      String host, int port, CallScript script, Duration timeout) {
    return place(host, port, script, Duration.ZERO, timeout, CallListener.NONE);
  }

  /**
   * Connects to the phone bank's Event Socket port and plays one call.
   *
   * @param thinkTime how long every prompt lasts before the caller keys or the playback completes
   * @param timeout how long the whole call may take before the simulator gives up on it
   * @return the transcript once the call is over; it never completes exceptionally, a failed call
   *     ends with {@link Ending#ERROR}
   */
  public CompletableFuture<Transcript> place(
      String host,
      int port,
      CallScript script,
      Duration thinkTime,
      Duration timeout,
      CallListener listener) {
    return place(host, port, script, thinkTime, timeout, listener, OfficerPhones.answeringAll());
  }

  /**
   * As {@link #place(String, int, CallScript, Duration, Duration, CallListener)}, with the
   * officers' phones the call's {@code bridge} rings doing what {@code officers} scripts.
   */
  public CompletableFuture<Transcript> place(
      String host,
      int port,
      CallScript script,
      Duration thinkTime,
      Duration timeout,
      CallListener listener,
      OfficerPhones officers) {
    Objects.requireNonNull(officers, "Officers' phones are required.");
    Objects.requireNonNull(host, "Host is required.");
    Objects.requireNonNull(script, "Key script is required.");
    Objects.requireNonNull(thinkTime, "Think time is required.");
    Objects.requireNonNull(timeout, "Timeout is required.");
    Objects.requireNonNull(listener, "Call listener is required.");
    if (thinkTime.isNegative()) {
      throw new IllegalArgumentException("Think time must not be negative.");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Call timeout must be positive.");
    }
    FakeChannel channel =
        new FakeChannel(
            PhoneSimulator.CALLER_NUMBER,
            PhoneSimulator.DIALLED_NUMBER,
            host + ":" + port,
            dialplanVariables);
    CompletableFuture<Transcript> result = new CompletableFuture<>();
    FreeSwitchSession simulated =
        new FreeSwitchSession(script, texts, channel, result, thinkTime, listener, officers);
    ChannelFuture connecting =
        new Bootstrap()
            .group(loops)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(timeout.toMillis(), MAX_CONNECT_MILLIS))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel socket) {
                    socket
                        .pipeline()
                        .addLast(new EslCommandDecoder(), new EslFrameEncoder(), simulated);
                  }
                })
            .connect(host, port);
    Channel socket = connecting.channel();
    ScheduledFuture<?> giveUp =
        socket
            .eventLoop()
            .schedule(
                () -> {
                  simulated.timedOut(timeout);
                  socket.close();
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    connecting.addListener(
        done -> {
          // Runs on the call's event loop, like the time-out, so the two cannot both end the call.
          if (!done.isSuccess() && !result.isDone()) {
            Transcript failed =
                new Transcript(
                    channel.uuid(),
                    List.of(),
                    List.of(),
                    0,
                    Ending.ERROR,
                    "cannot connect to "
                        + host
                        + ":"
                        + port
                        + " ("
                        + done.cause().getMessage()
                        + ")");
            listener.ended(failed);
            result.complete(failed);
          }
        });
    result.whenComplete((transcript, ignored) -> giveUp.cancel(false));
    return result;
  }

  /** Closes every call still up (their transcripts end in error) and stops the event loops. */
  @Override
  public void close() {
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
