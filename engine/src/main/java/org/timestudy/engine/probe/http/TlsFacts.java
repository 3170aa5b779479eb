package org.timestudy.engine.probe.http;

import org.timestudy.journal.HttpResponseFlyweight;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * TLS for HTTP probes: a client context whose certificate checks are off (a server with an expired or self-signed
 * certificate still gets its Date read), and the facts those checks would have found, recorded per response: a
 * certificate was presented, its chain is trusted by the JDK's default trust store, it names the host, it had
 * expired or was not yet valid, it is self-signed.
 */
final class TlsFacts
{
    private final SSLContext context;
    private final X509TrustManager pkix;

    TlsFacts()
    {
        try
        {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAll()}, new SecureRandom());
            final TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore)null);
            X509TrustManager found = null;
            for (final TrustManager tm : tmf.getTrustManagers())
            {
                if (tm instanceof X509TrustManager x)
                {
                    found = x;
                }
            }
            pkix = found;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("no TLS in this JDK: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the client context (checks off).
     */
    SSLContext context()
    {
        return context;
    }

    /**
     * @param engine  a client engine after its handshake.
     * @param host    the name asked for (SNI), or an address literal.
     * @param nowMs   the time to check validity at, ms since 1970.
     * @return {@code HttpResponseFlyweight.TLS_*} bits.
     */
    int facts(final SSLEngine engine, final String host, final long nowMs)
    {
        final java.security.cert.Certificate[] peer;
        try
        {
            peer = engine.getSession().getPeerCertificates();
        }
        catch (final javax.net.ssl.SSLPeerUnverifiedException ex)
        {
            return 0;
        }
        if (peer.length == 0 || !(peer[0] instanceof X509Certificate))
        {
            return 0;
        }
        final X509Certificate[] chain = new X509Certificate[peer.length];
        for (int i = 0; i < peer.length; i++)
        {
            if (!(peer[i] instanceof X509Certificate x))
            {
                return HttpResponseFlyweight.TLS_CERTIFICATE;
            }
            chain[i] = x;
        }
        final X509Certificate leaf = chain[0];
        int flags = HttpResponseFlyweight.TLS_CERTIFICATE;
        try
        {
            leaf.checkValidity(new Date(nowMs));
        }
        catch (final CertificateExpiredException ex)
        {
            flags |= HttpResponseFlyweight.TLS_EXPIRED;
        }
        catch (final CertificateNotYetValidException ex)
        {
            flags |= HttpResponseFlyweight.TLS_NOT_YET_VALID;
        }
        if (leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()))
        {
            flags |= HttpResponseFlyweight.TLS_SELF_SIGNED;
        }
        if (names(leaf, host))
        {
            flags |= HttpResponseFlyweight.TLS_NAME_MATCH;
        }
        if (pkix != null)
        {
            try
            {
                pkix.checkServerTrusted(chain, leaf.getPublicKey().getAlgorithm().equals("EC") ? "ECDHE_ECDSA" :
                    "ECDHE_RSA");
                flags |= HttpResponseFlyweight.TLS_TRUSTED;
            }
            catch (final CertificateException | IllegalArgumentException ex)
            {
                // Not trusted: the flag stays clear.
            }
        }
        return flags;
    }

    /**
     * @param protocol an SSLSession protocol name.
     * @return its wire version (0x0303 for TLSv1.2), 0 when unknown.
     */
    static int version(final String protocol)
    {
        return switch (protocol)
        {
            case "TLSv1" -> 0x0301;
            case "TLSv1.1" -> 0x0302;
            case "TLSv1.2" -> 0x0303;
            case "TLSv1.3" -> 0x0304;
            default -> 0;
        };
    }

    /** RFC 6125: DNS names of the subjectAltName (one leftmost wildcard label), else the CN; IP SANs for literals. */
    static boolean names(final X509Certificate cert, final String host)
    {
        final String h = host.toLowerCase(Locale.ROOT);
        final boolean literal = h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        boolean anyDns = false;
        try
        {
            final Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null)
            {
                for (final List<?> san : sans)
                {
                    final int type = (Integer)san.get(0);
                    final String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                    if (type == 2)
                    {
                        anyDns = true;
                        if (!literal && matches(value, h))
                        {
                            return true;
                        }
                    }
                    else if (type == 7 && literal && value.equals(h))
                    {
                        return true;
                    }
                }
            }
            if (anyDns || literal)
            {
                return false;
            }
            for (final Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns())
            {
                if (rdn.getType().equalsIgnoreCase("CN") &&
                    matches(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT), h))
                {
                    return true;
                }
            }
        }
        catch (final java.security.cert.CertificateParsingException | javax.naming.InvalidNameException ex)
        {
            return false;
        }
        return false;
    }

    private static boolean matches(final String pattern, final String host)
    {
        if (pattern.startsWith("*."))
        {
            final int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    /** Trusts every server: the Date is read whatever the certificate; the facts are recorded instead. */
    private static final class AcceptAll extends X509ExtendedTrustManager
    {
        @Override
        public void checkClientTrusted(final X509Certificate[] chain, final String authType, final Socket socket)
        {
        }

        @Override
        public void checkServerTrusted(final X509Certificate[] chain, final String authType, final Socket socket)
        {
        }

        @Override
        public void checkClientTrusted(final X509Certificate[] chain, final String authType, final SSLEngine engine)
        {
        }

        @Override
        public void checkServerTrusted(final X509Certificate[] chain, final String authType, final SSLEngine engine)
        {
        }

        @Override
        public void checkClientTrusted(final X509Certificate[] chain, final String authType)
        {
        }

        @Override
        public void checkServerTrusted(final X509Certificate[] chain, final String authType)
        {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers()
        {
            return new X509Certificate[0];
        }
    }
}
