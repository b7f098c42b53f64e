// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.eclipse.microprofile.config.ConfigProvider;

@Startup
@Singleton
public class PhoneBankServer {

  private static final System.Logger LOG = System.getLogger(PhoneBankServer.class.getName());

  @PostConstruct
  void start() {
    var config = ConfigProvider.getConfig();
    ServerSettings settings = ServerSettings.from(key -> config.getOptionalValue(key, String.class));
    LOG.log(System.Logger.Level.INFO, "phone bank starting with " + settings);
  }
}
