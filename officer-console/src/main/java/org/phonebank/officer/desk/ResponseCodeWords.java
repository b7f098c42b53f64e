// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What an ISO 8583:1987 response code (field 39) means, in English and Persian, for the officer's
 * screen. The codes are those the switch link understands ({@code
 * org.phonebank.switchlink.ResponseCode}); the words follow the ISO 8583:1987 table of field 39.
 */
public final class ResponseCodeWords {

  /** English and Persian words of one code. */
  public record Meaning(String english, String persian) {}

  private static final Meaning UNKNOWN = new Meaning("Unknown code", "کد ناشناخته");

  private static final Map<String, Meaning> MEANINGS =
      Map.ofEntries(
          Map.entry("00", new Meaning("Approved", "تأیید شد")),
          Map.entry("05", new Meaning("Do not honour", "عدم انجام تراکنش")),
          Map.entry("12", new Meaning("Invalid transaction", "تراکنش نامعتبر")),
          Map.entry("13", new Meaning("Invalid amount", "مبلغ نامعتبر")),
          Map.entry("14", new Meaning("Invalid card number", "شماره کارت نامعتبر")),
          Map.entry("30", new Meaning("Format error", "خطای قالب پیام")),
          Map.entry("51", new Meaning("Insufficient funds", "موجودی کافی نیست")),
          Map.entry("54", new Meaning("Expired card", "کارت منقضی شده است")),
          Map.entry("55", new Meaning("Incorrect PIN", "رمز نادرست")),
          Map.entry(
              "57",
              new Meaning(
                  "Transaction not permitted to cardholder", "تراکنش برای دارنده کارت مجاز نیست")),
          Map.entry(
              "58",
              new Meaning("Transaction not permitted to terminal", "تراکنش برای پایانه مجاز نیست")),
          Map.entry("61", new Meaning("Exceeds amount limit", "بیش از سقف مبلغ مجاز")),
          Map.entry("62", new Meaning("Restricted card", "کارت مسدود است")),
          Map.entry("63", new Meaning("Security violation", "نقض امنیتی")),
          Map.entry("65", new Meaning("Exceeds frequency limit", "بیش از سقف دفعات مجاز")),
          Map.entry("68", new Meaning("Response received too late", "پاسخ دیر رسید")),
          Map.entry("75", new Meaning("PIN tries exceeded", "تعداد دفعات ورود رمز بیش از حد مجاز")),
          Map.entry("91", new Meaning("Issuer or switch inoperative", "صادرکننده در دسترس نیست")),
          Map.entry("92", new Meaning("Route to issuer not found", "مسیر صادرکننده یافت نشد")),
          Map.entry("94", new Meaning("Duplicate transmission", "تراکنش تکراری")),
          Map.entry("96", new Meaning("System malfunction", "خطای سیستمی")));

  private ResponseCodeWords() {}

  /**
   * What a request without a response code came to, from the journal's state: APPROVED, DECLINED,
   * TIMED_OUT, UNREACHABLE, REVERSING, REVERSED or PENDING.
   */
  public static Meaning ofState(String state) {
    return switch (state) {
      case "APPROVED" -> new Meaning("Approved", "تأیید شد");
      case "DECLINED" -> new Meaning("Declined", "رد شد");
      case "REVERSING", "REVERSED" ->
          new Meaning("No answer in time; reversed", "پاسخ به موقع نرسید؛ برگشت خورد");
      case "PENDING" -> new Meaning("Awaiting the switch", "در انتظار پاسخ سوییچ");
      default -> new Meaning("No answer from the switch", "پاسخی از سوییچ نرسید");
    };
  }

  /** Whether {@code code} is one the switch link understands. */
  public static boolean isKnown(String code) {
    return MEANINGS.containsKey(code);
  }

  /** Every known code but approval ({@code 00}), in order. */
  public static List<String> declineCodes() {
    return new TreeSet<>(MEANINGS.keySet()).stream().filter(code -> !"00".equals(code)).toList();
  }

  /** The meaning of {@code code}; "Unknown code" for one not in the table. */
  public static Meaning of(String code) {
    return MEANINGS.getOrDefault(code, UNKNOWN);
  }
}
