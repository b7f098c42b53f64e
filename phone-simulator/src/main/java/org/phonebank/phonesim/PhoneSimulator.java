// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.phonebank.esl.EslCommandDecoder;
import org.phonebank.esl.EslFrameEncoder;
import org.phonebank.phonesim.Transcript.Ending;
import org.phonebank.prompt.PromptCatalogue;

/**
 * Places one call to the phone bank the way FreeSWITCH's {@code socket} application does: connects
 * to the Event Socket port, plays the channel's part, and keys in a {@link CallScript}.
 *
 * <pre>
 * java -jar phone-simulator/target/phone-simulator-0.1.0-SNAPSHOT.jar \
 *     --host 127.0.0.1 --port 8084 --keys "1 6037991234567893# 7391 1" [--timeout-seconds 60]
 * </pre>
 *
 * prints the {@link Transcript} and exits 0 when the phone bank ended the call, 1 when the caller
 * hung up, 2 on an error, 64 on bad arguments.
 */
public final class PhoneSimulator {

  /** The simulated caller's number and the number it dialled, as the channel data shows them. */
  static final String CALLER_NUMBER = "1001";

  static final String DIALLED_NUMBER = "2000";

  private PhoneSimulator() {}

  /**
   * Places the call and waits at most {@code timeout} for it to end; never throws for a failed
   * call.
   */
  public static Transcript call(String host, int port, CallScript script, Duration timeout) {
    Objects.requireNonNull(host, "Host is required.");
    Objects.requireNonNull(script, "Key script is required.");
    Objects.requireNonNull(timeout, "Timeout is required.");
    PromptTexts texts = new PromptTexts(PromptCatalogue.load());
    FakeChannel channel = new FakeChannel(CALLER_NUMBER, DIALLED_NUMBER, host + ":" + port);
    CompletableFuture<Transcript> result = new CompletableFuture<>();
    SimulatedSwitch simulated = new SimulatedSwitch(script, texts, channel, result);
    EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("phone-simulator"));
    try {
      ChannelFuture connected =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .option(
                  ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 10_000))
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel socket) {
                      socket
                          .pipeline()
                          .addLast(new EslCommandDecoder(), new EslFrameEncoder(), simulated);
                    }
                  })
              .connect(host, port)
              .awaitUninterruptibly();
      if (!connected.isSuccess()) {
        return new Transcript(
            channel.uuid(),
            List.of(),
            List.of(),
            Ending.ERROR,
            "cannot connect to " + host + ":" + port + " (" + connected.cause().getMessage() + ")");
      }
      try {
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        connected
            .channel()
            .eventLoop()
            .submit(() -> simulated.timedOut(timeout))
            .awaitUninterruptibly();
        connected.channel().close().awaitUninterruptibly();
        return result.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        connected.channel().close().awaitUninterruptibly();
        return result.join();
      } catch (ExecutionException e) {
        throw new IllegalStateException("Simulated call failed.", e.getCause());
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String host = "127.0.0.1";
    int port = 8084;
    String keys = "";
    int timeoutSeconds = 60;
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Option " + args[i] + " needs a value.");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--host" -> host = value;
          case "--port" -> port = Integer.parseInt(value);
          case "--keys" -> keys = value;
          case "--timeout-seconds" -> timeoutSeconds = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("Unknown option " + args[i] + ".");
        }
      }
      CallScript script = CallScript.parse(keys);
      Transcript transcript = call(host, port, script, Duration.ofSeconds(timeoutSeconds));
      transcript.lines().forEach(out::println);
      out.println("--- " + transcript.detail());
      return switch (transcript.ending()) {
        case APP_HUNG_UP -> 0;
        case CALLER_HUNG_UP -> 1;
        case ERROR -> 2;
      };
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(
          "usage: java -jar phone-simulator.jar --host 127.0.0.1 --port 8084 --keys \"1"
              + " 6037991234567893# 7391 1\" [--timeout-seconds 60]");
      return 64;
    }
  }
}
