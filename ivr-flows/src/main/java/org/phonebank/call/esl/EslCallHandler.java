// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.phonebank.call.CallFlow;
import org.phonebank.esl.EslCommand;
import org.phonebank.esl.EslEvent;
import org.phonebank.esl.EslFrame;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.PromptFile;

/**
 * The Netty end of one call: sends {@code connect} the moment FreeSWITCH connects (it gives up
 * after about 25 seconds), admits the peer only if the reply arrives within the handshake timeout
 * and its channel data carries the installation's {@link PeerSecret} and a usable call id, and only
 * then starts the call on the flow executor and hands it every later frame. Until then the
 * connection holds no thread. A new instance per channel, since it holds the call's state.
 */
final class EslCallHandler extends SimpleChannelInboundHandler<EslFrame> {

  private static final System.Logger LOG = System.getLogger(EslCallHandler.class.getName());

  /**
   * FreeSWITCH's Unique-ID is a UUID; anything else here could break a log line or the journal's
   * 64-character {@code call_id}.
   */
  private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  /** "All our lines are busy", in Persian then English: the caller has not chosen yet. */
  static final Prompt ALL_LINES_BUSY =
      new Prompt(
          List.of(
              new PromptFile(Language.PERSIAN, Phrase.ALL_LINES_BUSY.fileName()),
              new PromptFile(Language.ENGLISH, Phrase.ALL_LINES_BUSY.fileName())));

  /** Q.850 cause 34 as FreeSWITCH names it ({@code switch_channel_str2cause}). */
  static final String BUSY_HANGUP_CAUSE = "NORMAL_CIRCUIT_CONGESTION";

  /**
   * Longest a refused call's connection is kept: the prompt lasts about ten seconds in both
   * languages, and FreeSWITCH closes the socket when it has hung up.
   */
  static final Duration BUSY_LINE_LIMIT = Duration.ofSeconds(60);

  private final CallFlow flow;
  private final Executor executor;
  private final EslSettings settings;
  private final PromptPaths paths;
  private final Refusals refusals;
  private final HangupHookCheck hookCheck;
  private final KeyTimes keyTimes;
  private ScheduledFuture<?> handshake;
  private EslLine line;
  private boolean busyLine;

  EslCallHandler(
      CallFlow flow,
      Executor executor,
      EslSettings settings,
      PromptPaths paths,
      Refusals refusals,
      HangupHookCheck hookCheck,
      KeyTimes keyTimes) {
    this.flow = flow;
    this.hookCheck = hookCheck;
    this.keyTimes = keyTimes;
    this.executor = executor;
    this.settings = settings;
    this.paths = paths;
    this.refusals = refusals;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(EslCommand.of("connect"));
    long millis = settings.peers().handshakeTimeout().toMillis();
    handshake =
        ctx.executor()
            .schedule(() -> refuse(ctx, CallEnd.NO_CONNECT_REPLY), millis, TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, EslFrame frame) {
    if (busyLine) {
      // Replies and events of the busy prompt: nothing to do but wait for FreeSWITCH to close.
      return;
    }
    if (line != null) {
      line.received(frame);
    } else if (handshake != null) {
      admit(ctx, frame);
    }
  }

  /** The first frame must be the {@code connect} reply of our FreeSWITCH; anything else ends it. */
  private void admit(ChannelHandlerContext ctx, EslFrame reply) {
    handshake.cancel(false);
    handshake = null;
    if (!reply.isCommandReply() || !reply.replyOk()) {
      refuse(ctx, CallEnd.NOT_OUR_FREESWITCH);
      return;
    }
    EslEvent channelData = reply.channelData();
    if (!settings
        .peers()
        .secret()
        .matches(channelData.variable(PeerSecret.CHANNEL_VARIABLE).orElse(null))) {
      refuse(ctx, CallEnd.NOT_OUR_FREESWITCH);
      return;
    }
    String callId = channelData.header("Unique-ID").orElse("");
    if (!CALL_ID.matcher(callId).matches()) {
      refuse(ctx, CallEnd.BAD_CALL_ID);
      return;
    }
    hookCheck.check(channelData);
    line =
        new EslLine(
            ctx.channel(),
            settings.commandTimeout(),
            settings.peers().handshakeTimeout(),
            settings.peers().maxUnreadBytes(),
            keyTimes);
    try {
      executor.execute(
          new EslCall(
              line,
              callId,
              channelData.header("Caller-Caller-ID-Number").orElse(null),
              flow,
              paths));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, "Call {0} refused: {1}.", callId, CallEnd.NO_THREAD.description());
      line = null;
      busy(ctx, callId);
    }
  }

  /**
   * A call beyond capacity hears, in both languages, that every line is busy and is hung up with
   * Q.850 cause 34, NORMAL_CIRCUIT_CONGESTION, so the carrier and the CDR say why; all without a
   * thread, on the event loop. Both applications go out at once with {@code event-lock}: FreeSWITCH
   * queues a socket's {@code sendmsg} on the session and runs them in order, and the lock keeps
   * playback (which parses queued events while it plays, {@code switch_ivr_play_file} in {@code
   * src/switch_ivr_play_say.c}) from running the hang-up before the prompt is over; playback
   * pre-answers the channel itself. Without {@code linger} FreeSWITCH closes the socket after the
   * hang-up; the connection is closed by us anyway after the busy timeout.
   */
  private void busy(ChannelHandlerContext ctx, String callId) {
    busyLine = true;
    ctx.write(EslCommand.execute("playback", paths.of(ALL_LINES_BUSY), callId + "-busy"));
    ctx.writeAndFlush(EslCommand.execute("hangup", BUSY_HANGUP_CAUSE, callId + "-busy-hangup"));
    ctx.executor()
        .schedule(
            () -> {
              ctx.close();
            },
            BUSY_LINE_LIMIT.toSeconds(),
            TimeUnit.SECONDS);
  }

  /** Closes a connection that never became a call; nothing was said on it. */
  private void refuse(ChannelHandlerContext ctx, CallEnd reason) {
    if (line != null || !ctx.channel().isOpen()) {
      return;
    }
    // The peer's own text stays out of the log: it may be anything.
    refusals.refused(ctx.channel().remoteAddress(), reason.description());
    ctx.close();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Decoder messages name the fault, never the frame's text, which may carry digits.
    if (line == null) {
      refusals.refused(
          ctx.channel().remoteAddress(), "before its call began, " + cause.getMessage());
      ctx.close();
      return;
    }
    if (cause instanceof DecoderException) {
      line.failed(CallEnd.BAD_FRAME);
      LOG.log(
          Level.WARNING,
          "Malformed frame from FreeSWITCH, closing that call: {0}",
          cause.getMessage());
    } else {
      line.failed(CallEnd.CONNECTION_LOST);
      LOG.log(Level.INFO, "Event Socket error, closing that call: {0}", cause.toString());
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (handshake != null) {
      handshake.cancel(false);
    }
    if (line != null) {
      line.closed();
    }
    ctx.fireChannelInactive();
  }
}
