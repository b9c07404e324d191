package org.postbackbridge.platform.web;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Whom a per-sender limit counts as one sender: an IPv4 address, or the /64 of an IPv6 address.
 * A single host usually holds a whole /64, so counting its addresses apart would let it rotate
 * through them for free. An IPv4-mapped IPv6 address counts as its IPv4 address.
 */
public final class ClientSource {

    private ClientSource() {
    }

    public static String of(String clientAddress) {
        IPAddress address = new IPAddressString(clientAddress).getAddress();
        if (address == null) {
            return clientAddress;
        }
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            return address.toIPv6().getEmbeddedIPv4Address().toCanonicalString();
        }
        return address.isIPv6() ? address.toPrefixBlock(64).toCanonicalString() : address.toCanonicalString();
    }
}
