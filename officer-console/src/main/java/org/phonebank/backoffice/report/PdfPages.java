// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A4 pages of rows in four columns: an English label from the left margin, two figures aligned on
 * their right edges, and a Persian label ending at the right margin. Persian goes through {@link
 * PersianText} and is set in the embedded Persian font (subset); everything else in Helvetica, one
 * of the PDF standard fonts every reader has. A new page starts when the rows reach the bottom.
 */
final class PdfPages implements AutoCloseable {

  static final float LEFT = 40;
  static final float FIRST_FIGURE = 270;
  static final float SECOND_FIGURE = 360;
  static final float RIGHT = 555;
  private static final float TOP = 800;
  private static final float BOTTOM = 50;

  private final PDDocument document = new PDDocument();
  private final PDFont persian;
  private final PDFont persianBold;
  private final PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDFont latinBold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream page;
  private float y;

  PdfPages(byte[] persianFont, byte[] persianBoldFont) {
    try {
      persian = PDType0Font.load(document, new java.io.ByteArrayInputStream(persianFont), true);
      persianBold =
          PDType0Font.load(document, new java.io.ByteArrayInputStream(persianBoldFont), true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the report's Persian font.", e);
    }
  }

  PDDocument document() {
    return document;
  }

  /** A row: any cell may be empty. */
  void row(String english, String first, String second, String persianLabel) throws IOException {
    row(english, first, second, persianLabel, 9, false);
  }

  /** A section heading in both languages, with space above it. */
  void heading(String english, String persianLabel, float size) throws IOException {
    y -= size;
    row(english, "", "", persianLabel, size, true);
    y -= 3;
  }

  private void row(
      String english, String first, String second, String persianLabel, float size, boolean bold)
      throws IOException {
    float height = size + 5;
    if (page == null || y - height < BOTTOM) {
      newPage();
    }
    y -= height;
    draw(english, false, size, bold, LEFT, false);
    draw(first, false, size, bold, FIRST_FIGURE, true);
    draw(second, false, size, bold, SECOND_FIGURE, true);
    draw(persianLabel, true, size + 1, bold, RIGHT, true);
  }

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage next = new PDPage(PDRectangle.A4);
    document.addPage(next);
    page = new PDPageContentStream(document, next);
    y = TOP;
  }

  private record Run(PDFont font, String text) {}

  /** Draws {@code text} starting at {@code x}, or ending there when {@code alignRight}. */
  private void draw(
      String text, boolean rightToLeft, float size, boolean bold, float x, boolean alignRight)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    List<Run> runs = runs(PersianText.visual(text, rightToLeft), bold);
    float width = 0;
    for (Run run : runs) {
      width += run.font().getStringWidth(run.text()) / 1000 * size;
    }
    float at = alignRight ? x - width : x;
    for (Run run : runs) {
      page.beginText();
      page.setFont(run.font(), size);
      page.newLineAtOffset(at, y);
      page.showText(run.text());
      page.endText();
      at += run.font().getStringWidth(run.text()) / 1000 * size;
    }
  }

  /**
   * The visual line cut where it changes between Persian and Latin script; spaces go with either.
   */
  private List<Run> runs(String visual, boolean bold) {
    PDFont arabicFont = bold ? persianBold : persian;
    PDFont latinFont = bold ? latinBold : latin;
    List<Run> runs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    PDFont currentFont = null;
    for (char c : visual.toCharArray()) {
      PDFont font =
          c == ' ' && currentFont != null
              ? currentFont
              : PersianText.isArabicScript(c) ? arabicFont : latinFont;
      if (font != currentFont && current.length() > 0) {
        runs.add(new Run(currentFont, current.toString()));
        current.setLength(0);
      }
      currentFont = font;
      current.append(c);
    }
    if (current.length() > 0) {
      runs.add(new Run(currentFont, current.toString()));
    }
    return runs;
  }

  byte[] toBytes() throws IOException {
    if (page != null) {
      page.close();
      page = null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    if (page != null) {
      page.close();
    }
    document.close();
  }
}
