// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.file.SolarHijri;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;
import org.phonebank.settlement.worklist.ItemChain;
import org.phonebank.settlement.worklist.Resolution;
import org.phonebank.settlement.worklist.WorkItem;

/**
 * The back office's JSON shapes. Times are ISO-8601 UTC, amounts whole rials, dates {@code
 * yyyy-MM-dd} (with the Solar Hijri date beside a business date); cards masked 6 + 4, callers to
 * their last four digits. Absent values are null.
 */
public final class Views {

  private Views() {}

  /** The bank's zone: today's business date when nothing is reconciled yet. */
  static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

  /** One business date on the chart. */
  public record DayView(
      String businessDate, String businessDateSolarHijri, long items, long exceptions) {}

  /**
   * The chart's business dates {@code from}..{@code to}; dates without a completed run are absent.
   */
  public record DailyView(String from, String to, List<DayView> days) {
    static DailyView of(LocalDate from, LocalDate to, List<JdbcReconciliationRuns.Day> days) {
      return new DailyView(
          from.toString(),
          to.toString(),
          days.stream()
              .map(
                  d ->
                      new DayView(
                          d.businessDate().toString(),
                          SolarHijri.format(d.businessDate()),
                          d.items(),
                          d.exceptions()))
              .toList());
    }
  }

  public record KindView(String kind, boolean exception, long count, long amount) {}

  public record RunView(
      long id,
      String businessDate,
      String businessDateSolarHijri,
      String terminal,
      String state,
      String startedAt,
      String endedAt,
      int groupsDone,
      Integer groupsTotal,
      long items,
      long matched,
      long exceptions,
      List<KindView> kinds) {

    static RunView of(JdbcReconciliationRuns.Progress progress) {
      JdbcReconciliationRuns.Run run = progress.run();
      return new RunView(
          run.id(),
          run.businessDate().toString(),
          SolarHijri.format(run.businessDate()),
          run.terminalId(),
          run.state(),
          progress.startedAt().toString(),
          progress.endedAt().map(Instant::toString).orElse(null),
          run.checkpoint(),
          progress.groupsTotal().orElse(null),
          progress.items(),
          progress.matched(),
          progress.exceptions(),
          progress.totals().entrySet().stream().map(e -> kind(e.getKey(), e.getValue())).toList());
    }

    private static KindView kind(DifferenceKind kind, KindTotal total) {
      return new KindView(kind.name(), kind.isException(), total.count(), total.amount().value());
    }
  }

  public record ItemView(
      String id,
      String businessDate,
      String kind,
      String matchKey,
      long amount,
      Long journalId,
      Long fileId,
      Integer lineNo,
      String status,
      int resolutions,
      String latestReason,
      String latestBy,
      String latestAt) {

    static ItemView of(WorkItem item) {
      Optional<Resolution> latest = item.latest();
      return new ItemView(
          item.id().toString(),
          item.businessDate().toString(),
          item.kind().name(),
          item.matchKey(),
          item.amount(),
          item.journalId().orElse(null),
          item.fileId().orElse(null),
          item.lineNo().orElse(null),
          item.status().name(),
          item.resolutions(),
          latest.map(r -> r.reason().name()).orElse(null),
          latest.map(Resolution::resolvedBy).orElse(null),
          latest.map(r -> r.resolvedAt().toString()).orElse(null));
    }
  }

  public record ResolutionView(
      int seq, String reason, String note, String resolvedBy, String resolvedAt) {

    static ResolutionView of(Resolution resolution) {
      return new ResolutionView(
          resolution.seq(),
          resolution.reason().name(),
          resolution.note().text(),
          resolution.resolvedBy(),
          resolution.resolvedAt().toString());
    }
  }

  public record LineView(
      long fileId,
      String fileName,
      int lineNo,
      String mti,
      String processingCode,
      int stan,
      String rrn,
      String terminal,
      String localDate,
      String localTime,
      String maskedCard,
      long amount,
      String responseCode,
      long fee) {}

  public record EntryView(
      long id,
      String callId,
      String type,
      int stan,
      String rrn,
      String terminal,
      String transmittedAt,
      String maskedCard,
      Long amount,
      String state,
      String responseCode,
      String businessDate) {}

  public record ReversalView(
      String mti,
      String state,
      int attempts,
      String lastAttemptAt,
      String acknowledgedAt,
      String responseCode,
      String deadLetterReason,
      String closedReason) {}

  public record CallView(
      String callId,
      String startedAt,
      String endedAt,
      String maskedCaller,
      String language,
      String ending,
      List<String> path) {}

  public record ChainView(
      ItemView item,
      LineView line,
      EntryView entry,
      ReversalView reversal,
      CallView call,
      List<ResolutionView> resolutions,
      List<ItemView> elsewhere) {

    static ChainView of(ItemChain chain) {
      return new ChainView(
          ItemView.of(chain.item()),
          chain
              .line()
              .map(
                  l ->
                      new LineView(
                          l.fileId(),
                          l.fileName(),
                          l.lineNo(),
                          l.reversal() ? "0420" : "0200",
                          l.processingCode(),
                          l.stan(),
                          l.rrn(),
                          l.terminalId(),
                          l.localDate().toString(),
                          l.localTime(),
                          l.maskedCard(),
                          l.amount(),
                          l.responseCode(),
                          l.fee()))
              .orElse(null),
          chain
              .entry()
              .map(
                  e ->
                      new EntryView(
                          e.id(),
                          e.callId(),
                          e.type(),
                          e.stan(),
                          e.rrn(),
                          e.terminalId(),
                          e.transmittedAt().toString(),
                          e.maskedCard(),
                          e.amount().orElse(null),
                          e.state(),
                          e.responseCode().orElse(null),
                          e.businessDate().map(Object::toString).orElse(null)))
              .orElse(null),
          chain
              .reversal()
              .map(
                  r ->
                      new ReversalView(
                          r.mti(),
                          r.state(),
                          r.attempts(),
                          r.lastAttemptAt().map(Instant::toString).orElse(null),
                          r.acknowledgedAt().map(Instant::toString).orElse(null),
                          r.responseCode().orElse(null),
                          r.deadLetterReason().orElse(null),
                          r.closedReason().orElse(null)))
              .orElse(null),
          chain
              .call()
              .map(
                  c ->
                      new CallView(
                          c.callId(),
                          c.startedAt().toString(),
                          c.endedAt().toString(),
                          c.maskedCaller().orElse(null),
                          c.language().orElse(null),
                          c.ending(),
                          c.path()))
              .orElse(null),
          chain.resolutions().stream().map(ResolutionView::of).toList(),
          chain.elsewhere().stream().map(ItemView::of).toList());
    }
  }
}
