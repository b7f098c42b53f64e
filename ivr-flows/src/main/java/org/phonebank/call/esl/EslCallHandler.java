// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.phonebank.call.CallFlow;
import org.phonebank.esl.EslCommand;
import org.phonebank.esl.EslFrame;

/**
 * The Netty end of one call: sends {@code connect} the moment FreeSWITCH connects (it gives up
 * after about 25 seconds), starts the call on the flow executor and hands it every frame. A new
 * instance per channel, since it holds the call's state.
 */
final class EslCallHandler extends SimpleChannelInboundHandler<EslFrame> {

  private static final System.Logger LOG = System.getLogger(EslCallHandler.class.getName());

  private final CallFlow flow;
  private final Executor executor;
  private final EslSettings settings;
  private final PromptPaths paths;
  private EslLine line;

  EslCallHandler(CallFlow flow, Executor executor, EslSettings settings, PromptPaths paths) {
    this.flow = flow;
    this.executor = executor;
    this.settings = settings;
    this.paths = paths;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    line = new EslLine(ctx.channel(), settings.commandTimeout());
    line.send(EslCommand.of("connect"));
    try {
      executor.execute(new EslCall(line, flow, paths));
    } catch (RejectedExecutionException e) {
      LOG.log(
          Level.WARNING,
          "Call from {0} refused: {1}.",
          ctx.channel().remoteAddress(),
          CallEnd.NO_THREAD.description());
      ctx.close();
    }
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, EslFrame frame) {
    line.received(frame);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Decoder messages name the fault, never the frame's text, which may carry digits.
    if (line == null) {
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
    line.closed();
    ctx.fireChannelInactive();
  }
}
