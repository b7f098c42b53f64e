// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

/** The languages a caller can choose; the code is also the prompt folder name. */
public enum Language {
  PERSIAN("fa"),
  ENGLISH("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
