// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed EC P-256 certificate authority that issues the demo TLS certificates. */
final class DemoCertificateAuthority {

  private static final Duration VALIDITY = Duration.ofDays(3653);
  private static final String SIGNATURE = "SHA256withECDSA";

  private final SecureRandom random;
  private final KeyPair keys;
  private final X509Certificate certificate;

  private DemoCertificateAuthority(SecureRandom random, KeyPair keys, X509Certificate certificate) {
    this.random = random;
    this.keys = keys;
    this.certificate = certificate;
  }

  static DemoCertificateAuthority create(String commonName, SecureRandom random)
      throws GeneralSecurityException {
    KeyPair keys = newKeyPair(random);
    X500Name name = name(commonName);
    try {
      X509v3CertificateBuilder builder = builder(name, name, keys, random);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(keys.getPublic()));
      return new DemoCertificateAuthority(random, keys, sign(builder, keys));
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot build the demo CA certificate.", e);
    }
  }

  X509Certificate certificate() {
    return certificate;
  }

  /**
   * A key pair and an end-entity certificate for a TLS server (with SANs) or a TLS client (none).
   */
  IssuedIdentity issue(String commonName, KeyPurposeId purpose, GeneralName... subjectAltNames)
      throws GeneralSecurityException {
    KeyPair subjectKeys = newKeyPair(random);
    try {
      X509v3CertificateBuilder builder =
          builder(
              X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
              name(commonName),
              subjectKeys,
              random);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(certificate));
      if (subjectAltNames.length > 0) {
        builder.addExtension(
            Extension.subjectAlternativeName, false, new GeneralNames(subjectAltNames));
      }
      return new IssuedIdentity(subjectKeys, sign(builder, keys), certificate);
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot issue the certificate for " + commonName + ".", e);
    }
  }

  private static X500Name name(String commonName) {
    return new X500Name("CN=" + commonName + ",O=Phone Bank demo");
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair subjectKeys, SecureRandom random) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, random).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)),
        subject,
        subjectKeys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .setProvider(BouncyCastle.crypto())
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder(SIGNATURE)
                    .setProvider(BouncyCastle.crypto())
                    .build(signer.getPrivate())));
  }

  private static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.crypto());
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  /** An end entity's key pair and its chain (own certificate, then the issuing CA's). */
  record IssuedIdentity(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {}
}
