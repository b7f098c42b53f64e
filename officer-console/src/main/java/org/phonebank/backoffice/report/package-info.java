// SPDX-License-Identifier: AGPL-3.0-or-later
/** The balance report as a PDF in Persian and English (PDFBox, ICU4J shaping, Noto Sans Arabic). */
package org.phonebank.backoffice.report;
