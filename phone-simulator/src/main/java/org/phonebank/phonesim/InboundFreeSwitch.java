// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.phonebank.esl.EslCommand;
import org.phonebank.esl.EslCommandDecoder;
import org.phonebank.esl.EslEvent;
import org.phonebank.esl.EslFrame;
import org.phonebank.esl.EslFrameEncoder;
import org.phonebank.esl.EslHeader;

/**
 * FreeSWITCH's <b>inbound</b> Event Socket, as far as the phone bank's callback dialler uses it,
 * modelled on signalwire/freeswitch at cc93a683:
 *
 * <ul>
 *   <li>{@code mod_event_socket.c}, {@code listener_run}: every connection first gets {@code
 *       Content-Type: auth/request}; {@code parse_command}: {@code auth <password>} is answered
 *       {@code +OK accepted}, or {@code -ERR invalid} and the connection is dropped; any other
 *       command before it, {@code -ERR invalid} too.
 *   <li>{@code event plain <names>} ({@code parse_command}, "event"): {@code +OK event listener
 *       enabled plain}; only the named events (or {@code ALL}) are sent afterwards.
 *   <li>{@code bgapi <cmd> <arg>}: {@code +OK Job-UUID: <job>} with a {@code Job-UUID} header (the
 *       client's own {@code Job-UUID} header if it sent one), then, from {@code api_exec}, a
 *       BACKGROUND_JOB event with {@code Job-UUID}, {@code Job-Command}, {@code Job-Command-Arg}
 *       and the output as its body. Only {@code bgapi originate} is played; other commands get
 *       {@code -ERR command not found}.
 *   <li>{@code originate} ({@code mod_commands.c}, {@code originate_function}; {@code
 *       switch_ivr_originate.c}): {@code {vars}<dial string> &app(arg)}; the leg rings what the
 *       {@link OfficerPhones} script says for the dial string, for {@code originate_timeout}
 *       seconds (60 unset); output {@code +OK <uuid>} once answered ({@code origination_uuid} if
 *       given), else {@code -ERR <cause>} (NO_ANSWER, CALL_REJECTED, USER_NOT_REGISTERED).
 *   <li>Then the leg runs {@code &bridge(<endpoint>)} as the outbound simulator does ({@link
 *       FreeSwitchSession}): the endpoint rings per the script for the leg's {@code call_timeout};
 *       an answer fires CHANNEL_BRIDGE on the leg; when the officer hangs up, CHANNEL_UNBRIDGE, and
 *       with {@code hangup_after_bridge=true} the leg hangs up (CHANNEL_HANGUP_COMPLETE,
 *       NORMAL_CLEARING). A failed bridge without {@code continue_on_fail} hangs the leg up with
 *       the cause ({@code switch_channel_handle_cause}), {@code DIALSTATUS} set as {@code
 *       switch_ivr_originate} sets it.
 *   <li>{@code api uuid_kill <uuid> [cause]} ({@code mod_commands.c}, {@code kill_function}): hangs
 *       up an officer's leg that a call's {@code bridge} (on the outbound side, {@link
 *       FreeSwitchSession}) created with that {@code origination_uuid}, sharing the legs through
 *       {@link OfficerPhones}; answered {@code api/response} {@code +OK} or {@code -ERR No such
 *       channel!}.
 * </ul>
 *
 * What happened is kept as {@link #log()} lines, with numbers shown only as their digit count.
 */
public final class InboundFreeSwitch implements AutoCloseable {

  private static final Pattern ORIGINATE =
      Pattern.compile("\\{([^}]*)\\}(\\S+) &([a-z_]+)\\(([^)]*)\\)");

  private final String password;
  private final OfficerPhones phones;
  private final EventLoopGroup loop;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final String coreUuid = UUID.randomUUID().toString();
  private Channel server;

  /**
   * @param password the Event Socket password ({@code event_socket.conf.xml})
   * @param phones what each dial string does when rung: the customers' numbers (whole dial string,
   *     e.g. {@code sofia/gateway/bank/09121234567}) and the officers' endpoints
   */
  public InboundFreeSwitch(String password, OfficerPhones phones) {
    this.password = Objects.requireNonNull(password, "Password is required.");
    this.phones = Objects.requireNonNull(phones, "Phones are required.");
    this.loop = new NioEventLoopGroup(1, new DefaultThreadFactory("inbound-freeswitch", true));
  }

  /** Listens on 127.0.0.1:{@code port} (0: any free port); returns the port. */
  public int start(int port) {
    server =
        new ServerBootstrap()
            .group(loop)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel socket) {
                    socket
                        .pipeline()
                        .addLast(new EslCommandDecoder(), new EslFrameEncoder(), new Listener());
                  }
                })
            .bind("127.0.0.1", port)
            .syncUninterruptibly()
            .channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** What happened, in order: authentications, originates and their legs. */
  public List<String> log() {
    return List.copyOf(log);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One inbound connection ({@code listener_t} in mod_event_socket.c). */
  private final class Listener extends SimpleChannelInboundHandler<EslCommand> {
    private boolean authed;
    private final Set<String> events = new HashSet<>();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.writeAndFlush(EslFrame.of(List.of(new EslHeader("Content-Type", "auth/request"))));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, EslCommand command) {
      String line = command.line();
      if (!authed) {
        if (line.startsWith("auth ") && line.substring(5).equals(password)) {
          authed = true;
          log.add("auth accepted");
          ctx.writeAndFlush(EslFrame.ofCommandReply("+OK accepted"));
        } else {
          log.add("auth refused");
          ctx.writeAndFlush(EslFrame.ofCommandReply("-ERR invalid"))
              .addListener(ChannelFutureListener.CLOSE);
        }
        return;
      }
      if (line.startsWith("event plain ")) {
        for (String name : line.substring(12).trim().split("\\s+")) {
          events.add(name);
        }
        ctx.writeAndFlush(EslFrame.ofCommandReply("+OK event listener enabled plain"));
      } else if (line.startsWith("bgapi originate ")) {
        String job = command.header("Job-UUID").orElse(UUID.randomUUID().toString());
        ctx.writeAndFlush(
            EslFrame.of(
                List.of(
                    new EslHeader("Content-Type", EslFrame.COMMAND_REPLY),
                    new EslHeader("Reply-Text", "+OK Job-UUID: " + job),
                    new EslHeader("Job-UUID", job))));
        originate(ctx, job, line.substring("bgapi originate ".length()));
      } else if (line.startsWith("api uuid_kill")) {
        ctx.writeAndFlush(
            EslFrame.withBody(
                List.of(new EslHeader("Content-Type", EslFrame.API_RESPONSE)),
                uuidKill(line.substring("api uuid_kill".length()).trim())
                    .getBytes(StandardCharsets.UTF_8)));
      } else if (line.equals("exit")) {
        ctx.writeAndFlush(EslFrame.ofCommandReply("+OK bye"))
            .addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.writeAndFlush(EslFrame.ofCommandReply("-ERR command not found"));
      }
    }

    /**
     * {@code mod_commands.c}, {@code kill_function}: {@code <uuid> [cause]}, the cause by name
     * ({@code switch_channel_str2cause}) or NORMAL_CLEARING; {@code +OK} once {@code
     * switch_ivr_kill_uuid} hung the leg up, {@code -ERR No such channel!} for a UUID not up.
     */
    private String uuidKill(String arg) {
      if (arg.isEmpty()) {
        return "-USAGE: <uuid> [cause]\n";
      }
      int space = arg.indexOf(' ');
      String uuid = space < 0 ? arg : arg.substring(0, space);
      String cause = space < 0 ? "" : arg.substring(space + 1).trim();
      if (cause.isEmpty()) {
        cause = "NORMAL_CLEARING";
      }
      boolean killed = phones.kill(uuid, cause);
      log.add("uuid_kill " + (killed ? cause : "no such channel"));
      return killed ? "+OK\n" : "-ERR No such channel!\n";
    }

    private void originate(ChannelHandlerContext ctx, String job, String arg) {
      Matcher m = ORIGINATE.matcher(arg);
      if (!m.matches()) {
        log.add("originate with unusable arguments");
        backgroundJob(ctx, job, arg, "-USAGE: originate <call url> <exten>\n");
        return;
      }
      Map<String, String> vars = new LinkedHashMap<>();
      for (String pair : m.group(1).split(",")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          vars.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
      }
      String dial = m.group(2);
      String leg = vars.getOrDefault("origination_uuid", UUID.randomUUID().toString());
      Duration ringLimit = seconds(vars.get("originate_timeout"));
      log.add(
          "originate "
              + dial.replaceAll("[0-9]{4,}$", "")
              + "<"
              + dial.replaceAll("^.*?([0-9]*)$", "$1").length()
              + " digits> &"
              + m.group(3)
              + "("
              + m.group(4)
              + ")"
              + (vars.containsKey("ignore_early_media") ? " ignore_early_media" : ""));
      OfficerPhone customer = phones.ring(dial);
      Duration ring = answersAfter(customer);
      if (ring == null || ring.compareTo(ringLimit) >= 0) {
        String cause = ring == null ? failureCause(customer) : "NO_ANSWER";
        Duration after = ring == null ? failureDelay(customer, ringLimit) : ringLimit;
        later(
            ctx,
            after,
            () -> {
              log.add("customer not reached: " + cause);
              backgroundJob(ctx, job, arg, "-ERR " + cause + "\n");
            });
        return;
      }
      later(
          ctx,
          ring,
          () -> {
            log.add("customer answered");
            backgroundJob(ctx, job, arg, "+OK " + leg + "\n");
            if (m.group(3).equals("bridge")) {
              bridge(ctx, leg, vars, m.group(4));
            }
          });
    }

    /** {@code &bridge(<endpoint>)} on the answered leg. */
    private void bridge(
        ChannelHandlerContext ctx, String leg, Map<String, String> vars, String endpoint) {
      OfficerPhone officer = phones.ring(endpoint);
      Duration ringLimit = seconds(vars.get("call_timeout"));
      Duration ring = answersAfter(officer);
      if (ring == null || ring.compareTo(ringLimit) >= 0) {
        String cause = ring == null ? failureCause(officer) : "NO_ANSWER";
        Duration after = ring == null ? failureDelay(officer, ringLimit) : ringLimit;
        later(
            ctx,
            after,
            () -> {
              log.add("officer " + endpoint + " not reached: " + cause);
              Map<String, String> leftOn = new LinkedHashMap<>(vars);
              leftOn.put("originate_disposition", cause);
              leftOn.put("DIALSTATUS", dialStatus(cause));
              event(ctx, "CHANNEL_HANGUP_COMPLETE", leg, leftOn, "Hangup-Cause", cause);
            });
        return;
      }
      String officerLeg = UUID.randomUUID().toString();
      later(
          ctx,
          ring,
          () -> {
            log.add("officer " + endpoint + " answered; bridged");
            Map<String, String> bridged = new LinkedHashMap<>(vars);
            bridged.put("originate_disposition", "call accepted");
            bridged.put("DIALSTATUS", "EARLY");
            event(ctx, "CHANNEL_BRIDGE", leg, bridged, "Bridge-B-Unique-ID", officerLeg);
            Duration talk =
                officer instanceof OfficerPhone.Answers answers
                    ? answers.talk()
                    : Duration.ofSeconds(OfficerPhone.DEFAULT_TALK_SECONDS);
            Runnable hangUp =
                () -> {
                  log.add("officer " + endpoint + " hung up; the customer's leg hangs up");
                  event(ctx, "CHANNEL_UNBRIDGE", leg, bridged, "Bridge-B-Unique-ID", officerLeg);
                  event(
                      ctx,
                      "CHANNEL_HANGUP_COMPLETE",
                      leg,
                      bridged,
                      "Hangup-Cause",
                      "NORMAL_CLEARING");
                };
            if (officer instanceof OfficerPhone.TalksUntil talks) {
              talks.hangUp().thenRun(() -> ctx.executor().execute(hangUp));
            } else {
              later(ctx, talk, hangUp);
            }
          });
    }

    private void backgroundJob(ChannelHandlerContext ctx, String job, String arg, String output) {
      if (!subscribed("BACKGROUND_JOB")) {
        return;
      }
      List<EslHeader> headers = new ArrayList<>(common("BACKGROUND_JOB"));
      headers.add(new EslHeader("Job-UUID", job));
      headers.add(new EslHeader("Job-Command", "originate"));
      headers.add(new EslHeader("Job-Command-Arg", arg));
      ctx.writeAndFlush(
          EslFrame.ofEvent(new EslEvent(headers, output.getBytes(StandardCharsets.UTF_8))));
    }

    /** An event of the originated leg, with its channel variables, if subscribed. */
    private void event(
        ChannelHandlerContext ctx,
        String name,
        String leg,
        Map<String, String> variables,
        String extraName,
        String extraValue) {
      if (!subscribed(name)) {
        return;
      }
      List<EslHeader> headers = new ArrayList<>(common(name));
      headers.add(new EslHeader("Unique-ID", leg));
      headers.add(new EslHeader("Call-Direction", "outbound"));
      if (name.startsWith("CHANNEL_BRIDGE") || name.startsWith("CHANNEL_UNBRIDGE")) {
        headers.add(new EslHeader("Bridge-A-Unique-ID", leg));
      }
      headers.add(new EslHeader(extraName, extraValue));
      for (Map.Entry<String, String> v : variables.entrySet()) {
        headers.add(new EslHeader("variable_" + v.getKey(), v.getValue()));
      }
      ctx.writeAndFlush(EslFrame.ofEvent(EslEvent.of(headers)));
    }

    private List<EslHeader> common(String name) {
      return List.of(
          new EslHeader("Event-Name", name),
          new EslHeader("Core-UUID", coreUuid),
          new EslHeader("FreeSWITCH-Hostname", "phone-simulator"),
          new EslHeader("Event-Calling-File", "phone-simulator"));
    }

    private boolean subscribed(String name) {
      return events.contains(name) || events.contains("ALL");
    }

    private void later(ChannelHandlerContext ctx, Duration delay, Runnable next) {
      ctx.executor()
          .schedule(
              () -> {
                if (ctx.channel().isActive()) {
                  next.run();
                }
              },
              delay.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  /** When a phone answers, or null if it does not. */
  private static Duration answersAfter(OfficerPhone phone) {
    if (phone instanceof OfficerPhone.Answers answers) {
      return answers.ring();
    }
    if (phone instanceof OfficerPhone.TalksUntil talks) {
      return talks.ring();
    }
    return null;
  }

  private static String failureCause(OfficerPhone phone) {
    if (phone instanceof OfficerPhone.Refuses) {
      return "CALL_REJECTED";
    }
    if (phone instanceof OfficerPhone.Unreachable) {
      return "USER_NOT_REGISTERED";
    }
    return "NO_ANSWER";
  }

  private static Duration failureDelay(OfficerPhone phone, Duration ringLimit) {
    if (phone instanceof OfficerPhone.Refuses refuses) {
      return refuses.ring().compareTo(ringLimit) < 0 ? refuses.ring() : ringLimit;
    }
    if (phone instanceof OfficerPhone.Unreachable) {
      return Duration.ZERO;
    }
    return ringLimit;
  }

  /** {@code switch_ivr_originate}'s DIALSTATUS for a cause. */
  private static String dialStatus(String cause) {
    return switch (cause) {
      case "NO_ANSWER" -> "NOANSWER";
      case "CALL_REJECTED" -> "DONTCALL";
      case "USER_BUSY" -> "BUSY";
      default -> cause;
    };
  }

  private static Duration seconds(String value) {
    try {
      long seconds = value == null ? 60 : Long.parseLong(value.trim());
      return Duration.ofSeconds(seconds > 0 ? seconds : 60);
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(60);
    }
  }
}
