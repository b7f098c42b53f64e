// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.phonebank.escalation.OfficerLeg;
import org.phonebank.escalation.OfficerLegs;

/**
 * Ends an officer's leg through FreeSWITCH's inbound Event Socket: one short connection, {@code
 * auth}, then {@code api uuid_kill <leg> <cause>} (signalwire/freeswitch at cc93a683, {@code
 * mod_commands.c}, {@code kill_function}: {@code switch_ivr_kill_uuid} hangs the channel up with
 * the cause; {@code +OK}, or {@code -ERR No such channel!} for a leg already gone). The leg is the
 * one the caller's {@code bridge} created with {@code origination_uuid} ({@link EslPhone}).
 *
 * <ul>
 *   <li>A refusal uses CALL_REJECTED: while the officer's phone rings, {@code switch_ivr_originate}
 *       takes the dead leg's cause as its own ({@code switch_ivr_originate.c}), so the caller's
 *       bridge fails with {@code DIALSTATUS} DONTCALL, as if the officer had rejected it on the
 *       phone, and the caller goes to the next officer at once.
 *   <li>A transfer uses NORMAL_CLEARING: the officer's side of the conversation hangs up, the
 *       bridge ends ({@code hangup_after_bridge=false} keeps the caller's channel) and the caller's
 *       call flow takes them back to the hold loop.
 * </ul>
 */
public final class EslOfficerLegs implements OfficerLegs, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EslOfficerLegs.class.getName());

  private final InboundEslSettings settings;
  private final EventLoopGroup loop;

  public EslOfficerLegs(InboundEslSettings settings) {
    this.settings = Objects.requireNonNull(settings, "Inbound Event Socket settings are required.");
    this.loop = new NioEventLoopGroup(1, new DefaultThreadFactory("officer-legs", true));
  }

  @Override
  public void release(OfficerLeg leg, OfficerLeg.Release why) {
    String cause = why == OfficerLeg.Release.REFUSED ? "CALL_REJECTED" : "NORMAL_CLEARING";
    try (InboundConversation esl = InboundConversation.open(loop, settings)) {
      esl.authenticate();
      String output = esl.api("uuid_kill " + leg.uuid() + " " + cause);
      if (!output.startsWith("+OK")) {
        // The officer hung up or the caller left meanwhile: nothing to end.
        LOG.log(Level.INFO, "Officer's leg " + leg.uuid() + " not ended: " + output);
      }
    } catch (InboundConversation.Failure e) {
      LOG.log(Level.WARNING, "Could not end officer's leg " + leg.uuid() + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
