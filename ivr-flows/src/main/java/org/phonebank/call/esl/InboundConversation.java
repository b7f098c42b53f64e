// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.phonebank.esl.EslCommand;
import org.phonebank.esl.EslCommandEncoder;
import org.phonebank.esl.EslEvent;
import org.phonebank.esl.EslFrame;
import org.phonebank.esl.EslFrameDecoder;

/**
 * One connection to FreeSWITCH's inbound Event Socket as a blocking conversation for the calling
 * thread (the callback dialler's, a console request's): frames are queued as they arrive and read
 * in order with a patience; the connection closing, a disconnect notice or silence past the
 * patience is a {@link Failure}.
 */
final class InboundConversation extends SimpleChannelInboundHandler<EslFrame>
    implements AutoCloseable {

  private static final Object CLOSED = new Object();

  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final InboundEslSettings settings;
  private Channel channel;

  private InboundConversation(InboundEslSettings settings) {
    this.settings = settings;
  }

  /** Why a conversation could not go on: the Event Socket refused, went quiet or went away. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** Connects on {@code loop}, giving up after the settings' reply time-out. */
  static InboundConversation open(EventLoopGroup loop, InboundEslSettings settings) {
    InboundConversation conversation = new InboundConversation(settings);
    var connecting =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.replyTimeout().toMillis())
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel socket) {
                    socket
                        .pipeline()
                        .addLast(new EslFrameDecoder(), new EslCommandEncoder(), conversation);
                  }
                })
            .connect(settings.host(), settings.port());
    if (!connecting.awaitUninterruptibly(settings.replyTimeout().toMillis() + 1000)
        || !connecting.isSuccess()) {
      connecting.channel().close();
      throw new Failure(
          "cannot reach FreeSWITCH's Event Socket at " + settings.host() + ":" + settings.port());
    }
    conversation.channel = connecting.channel();
    return conversation;
  }

  /**
   * {@code auth/request}, then {@code auth <password>} ({@code mod_event_socket.c}, {@code
   * listener_run} and {@code parse_command}).
   */
  void authenticate() {
    expect("auth/request");
    command(EslCommand.of("auth " + settings.password()));
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, EslFrame frame) {
    inbox.add(frame);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    inbox.add(CLOSED);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  /** The next frame that is not an event, of content type {@code type}. */
  void expect(String type) {
    EslFrame frame = nextNonEvent(settings.replyTimeout());
    if (!type.equals(frame.contentType())) {
      throw new Failure("expected " + type + ", got " + frame.contentType());
    }
  }

  /** Sends {@code command} and insists on a {@code +OK} command/reply. */
  void command(EslCommand command) {
    channel.writeAndFlush(command);
    EslFrame reply = nextNonEvent(settings.replyTimeout());
    if (!reply.isCommandReply() || !reply.replyOk()) {
      // The reply to auth carries no secret; the one to originate carries the job id only.
      throw new Failure(
          "FreeSWITCH refused " + command.name() + ": " + reply.header("Reply-Text").orElse(""));
    }
  }

  /** Sends {@code api <command>} and returns the {@code api/response} body's text. */
  String api(String command) {
    channel.writeAndFlush(EslCommand.of("api " + command));
    EslFrame reply = nextNonEvent(settings.replyTimeout());
    if (!EslFrame.API_RESPONSE.equals(reply.contentType())) {
      throw new Failure("expected api/response, got " + reply.contentType());
    }
    return new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8).trim();
  }

  /** The next event matching {@code wanted}; other events are dropped. */
  EslEvent event(Predicate<EslEvent> wanted, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      EslFrame frame = next(deadline);
      if (frame.isEvent() && wanted.test(frame.event())) {
        return frame.event();
      }
    }
  }

  private EslFrame nextNonEvent(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      EslFrame frame = next(deadline);
      if (!frame.isEvent()) {
        return frame;
      }
    }
  }

  private EslFrame next(long deadline) {
    Object item;
    try {
      item = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted");
    }
    if (item == null) {
      throw new Failure("FreeSWITCH's Event Socket did not answer in time");
    }
    if (item == CLOSED) {
      inbox.add(CLOSED);
      throw new Failure("FreeSWITCH's Event Socket closed the connection");
    }
    EslFrame frame = (EslFrame) item;
    if (frame.isDisconnectNotice()) {
      throw new Failure("FreeSWITCH's Event Socket disconnected");
    }
    return frame;
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close();
    }
  }
}
