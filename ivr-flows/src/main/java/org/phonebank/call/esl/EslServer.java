// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ipfilter.IpSubnetFilter;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.phonebank.call.CallFlow;
import org.phonebank.esl.EslCommandEncoder;
import org.phonebank.esl.EslFrameDecoder;
import org.phonebank.esl.EslFrameLimits;

/**
 * The outbound Event Socket server: FreeSWITCH's {@code socket} application connects here once per
 * call and this server runs {@code flow} for it on {@code executor}, one blocking thread per call.
 *
 * <pre>
 * EslServer server = new EslServer(flow, executor, EslSettings.defaults(secret));
 * int port = server.start();   // 8084, or a free port when the settings say 0
 * ...
 * server.stop();
 * </pre>
 *
 * A call that fails in any way (malformed frame, lost socket, failing flow) ends alone; the server
 * goes on serving the others. Only the {@link EslPeers}' addresses may connect, and a connection
 * becomes a call only once its {@code connect} reply shows the installation's {@link PeerSecret}.
 *
 * @see <a
 *     href="https://developer.signalwire.com/freeswitch/FreeSWITCH-Explained/Client-and-Developer-Interfaces/Event-Socket-Library/Event-Socket-Outbound_3375460">
 *     Event Socket Outbound</a>
 */
public final class EslServer {

  private static final System.Logger LOG = System.getLogger(EslServer.class.getName());

  private final CallFlow flow;
  private final Executor executor;
  private final EslSettings settings;
  private final PromptPaths paths;
  private final KeyTimes keyTimes;
  private final ChannelGroup calls =
      new DefaultChannelGroup("esl-calls", GlobalEventExecutor.INSTANCE);
  private EventLoopGroup acceptor;
  private EventLoopGroup io;
  private Channel listener;

  public EslServer(CallFlow flow, Executor executor, EslSettings settings) {
    this(flow, executor, settings, KeyTimes.NONE);
  }

  /**
   * As {@link #EslServer(CallFlow, Executor, EslSettings)}, telling {@code keyTimes} the phone
   * bank's own share of answering each caller's keys.
   */
  public EslServer(CallFlow flow, Executor executor, EslSettings settings, KeyTimes keyTimes) {
    this.keyTimes = Objects.requireNonNull(keyTimes, "Key times are required.");
    this.flow = Objects.requireNonNull(flow, "Call flow is required.");
    this.executor = Objects.requireNonNull(executor, "Flow executor is required.");
    this.settings = Objects.requireNonNull(settings, "ESL settings are required.");
    this.paths = new PromptPaths(settings);
  }

  /**
   * Starts listening on the settings' host and port.
   *
   * @return the port bound, which differs from the settings' when they ask for 0
   * @throws IllegalStateException if already started or the port cannot be bound
   */
  public synchronized int start() {
    if (listener != null) {
      throw new IllegalStateException("ESL server already started.");
    }
    acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("esl-accept"));
    io = new NioEventLoopGroup(0, new DefaultThreadFactory("esl-io"));
    EslCommandEncoder encoder = new EslCommandEncoder();
    Refusals refusals = new Refusals();
    HangupHookCheck hookCheck = new HangupHookCheck();
    IpSubnetFilter addressFilter = settings.peers().addressFilter(refusals);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptor, io)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    calls.add(channel);
                    // A new decoder and call handler for every call: both hold that call's state.
                    channel
                        .pipeline()
                        .addLast("esl-peer-address", addressFilter)
                        .addLast(
                            "esl-decoder",
                            new EslFrameDecoder(
                                EslFrameLimits.connectReply(),
                                EslFrameLimits.defaults(),
                                EslPhone.SECRET_VARIABLES))
                        .addLast("esl-encoder", encoder)
                        .addLast(
                            "esl-call",
                            new EslCallHandler(
                                flow, executor, settings, paths, refusals, hookCheck, keyTimes));
                  }
                });
    try {
      listener = bootstrap.bind(settings.host(), settings.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      shutDownGroups();
      throw new IllegalStateException(
          "Cannot listen for FreeSWITCH on " + settings.host() + ":" + settings.port() + ".", e);
    }
    int port = ((InetSocketAddress) listener.localAddress()).getPort();
    LOG.log(
        Level.INFO, "Event Socket server listening on {0}:{1,number,#}.", settings.host(), port);
    return port;
  }

  /** FreeSWITCH can connect now: started, and the listening socket is open. */
  public synchronized boolean isListening() {
    return listener != null && listener.isActive();
  }

  /**
   * Stops accepting calls and closes the sockets of calls in progress (their flows see a hang-up).
   */
  public synchronized void stop() {
    if (listener == null) {
      return;
    }
    listener.close().syncUninterruptibly();
    calls.close().awaitUninterruptibly();
    shutDownGroups();
    listener = null;
    LOG.log(Level.INFO, "Event Socket server stopped.");
  }

  private void shutDownGroups() {
    acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
