// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilter;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who may play FreeSWITCH on the Event Socket port, and how much room a peer gets. The listener
 * takes a connection only from an allowed address, gives it {@code handshakeTimeout} to answer
 * {@code connect} with channel data carrying the {@link PeerSecret}, and only then gives the call a
 * thread; {@code myevents} and {@code linger} get the same short timeout.
 *
 * @param secret the installation's secret ({@code phonebank.esl.peer-secret}, required)
 * @param allowedAddresses IP addresses or CIDR subnets FreeSWITCH connects from ({@code
 *     phonebank.esl.allowed-peers}, comma-separated, {@code 127.0.0.1,::1}); literals only, so no
 *     name lookup can change who is let in
 * @param handshakeTimeout longest wait for the {@code connect}, {@code myevents} and {@code linger}
 *     replies ({@code phonebank.esl.handshake-timeout-seconds}, 5 s)
 * @param maxUnreadBytes most bytes of frames one call may have waiting unread before the call is
 *     cut off ({@code phonebank.esl.max-unread-kib}, 8 MiB)
 */
public record EslPeers(
    PeerSecret secret,
    List<String> allowedAddresses,
    Duration handshakeTimeout,
    int maxUnreadBytes) {

  static final String LOCAL_ONLY = "127.0.0.1,::1";

  public EslPeers {
    Objects.requireNonNull(secret, "Event Socket peer secret is required.");
    allowedAddresses = List.copyOf(allowedAddresses);
    Objects.requireNonNull(handshakeTimeout, "Handshake timeout is required.");
    if (allowedAddresses.isEmpty()) {
      throw new IllegalArgumentException("At least one allowed FreeSWITCH address is required.");
    }
    allowedAddresses.forEach(EslPeers::rule);
    if (handshakeTimeout.toMillis() < 1000 || handshakeTimeout.toSeconds() > 60) {
      throw new IllegalArgumentException("Handshake timeout must be between 1 and 60 seconds.");
    }
    if (maxUnreadBytes < 1024 * 1024 + 64 * 1024) {
      // At least one frame of the decoder's largest size must fit.
      throw new IllegalArgumentException("Unread bytes per call must be at least 1088 KiB.");
    }
  }

  /** Local FreeSWITCH only, 5 s handshake, 8 MiB unread: the defaults around {@code secret}. */
  public static EslPeers localWith(PeerSecret secret) {
    return new EslPeers(secret, parseList(LOCAL_ONLY), Duration.ofSeconds(5), 8 * 1024 * 1024);
  }

  static List<String> parseList(String commaSeparated) {
    List<String> entries = new ArrayList<>();
    for (String entry : commaSeparated.split(",")) {
      if (!entry.isBlank()) {
        entries.add(entry.trim());
      }
    }
    return entries;
  }

  /** A filter that lets the allowed addresses in and closes every other connection at once. */
  IpSubnetFilter addressFilter(Refusals refusals) {
    return new IpSubnetFilter(false, allowedAddresses.stream().map(EslPeers::rule).toList()) {
      @Override
      protected ChannelFuture channelRejected(
          ChannelHandlerContext ctx, InetSocketAddress remoteAddress) {
        refusals.refused(remoteAddress, "not an allowed FreeSWITCH address");
        return null;
      }
    };
  }

  private static IpSubnetFilterRule rule(String entry) {
    int slash = entry.indexOf('/');
    String address = slash < 0 ? entry : entry.substring(0, slash);
    InetAddress literal = NetUtil.createInetAddressFromIpAddressString(address);
    if (literal == null) {
      throw new IllegalArgumentException(
          "Allowed FreeSWITCH address must be an IP address or CIDR subnet: " + entry);
    }
    int maxBits = literal.getAddress().length * 8;
    int bits = maxBits;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > maxBits) {
        throw new IllegalArgumentException("Subnet prefix out of range: " + entry);
      }
    }
    return new IpSubnetFilterRule(literal, bits, IpFilterRuleType.ACCEPT);
  }
}
