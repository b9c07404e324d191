package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which URLs may receive webhooks; host names resolve through a stand-in for DNS. */
class EndpointUrlPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "bot.example.com", "93.184.216.34",
            "intranet.example.com", "10.1.2.3",
            "rebound.example.com", "127.0.0.1",
            "metadata.example.com", "169.254.169.254",
            "v6private.example.com", "fd12:3456:789a::1",
            "cgnat.example.com", "100.64.1.1");

    private final EndpointUrlPolicy policy = new EndpointUrlPolicy(false, EndpointUrlPolicyTest::resolve);

    @Test
    void httpsToAPublicAddressAndHttpToLoopbackWrittenAsSuchAreAccepted() {
        assertThat(policy.problem("https://bot.example.com/webhooks")).isEmpty();
        assertThat(policy.problem("http://127.0.0.1:3201/hooks")).isEmpty();
        assertThat(policy.problem("http://localhost:3201/hooks")).isEmpty();
        assertThat(policy.problem("http://[::1]:3201/hooks")).isEmpty();
    }

    @Test
    void plainHttpElsewhereCredentialsAndNonUrlsAreRefused() {
        assertThat(policy.problem("http://bot.example.com/webhooks")).get().asString().contains("https");
        assertThat(policy.problem("ftp://bot.example.com/")).get().asString().contains("https://");
        assertThat(policy.problem("/relative")).get().asString().contains("absolute");
        assertThat(policy.problem("https://user:pass@bot.example.com/")).get().asString().contains("credentials");
        assertThat(policy.problem("https://bot example.com/")).get().asString().contains("not a URL");
        assertThat(policy.problem("")).isPresent();
        assertThat(policy.problem("https://unknown.example.com/")).get().asString().contains("does not resolve");
    }

    @Test
    void hostsResolvingToInternalAddressesAreRefusedUnlessAllowed() {
        for (String host : new String[] {"intranet", "rebound", "metadata", "v6private", "cgnat"}) {
            assertThat(policy.problem("https://" + host + ".example.com/hook")).as(host).get().asString()
                    .contains("internal address").contains("WEBHOOKS_ALLOW_PRIVATE");
        }
        assertThat(policy.problem("https://192.168.1.10/hook")).isPresent();
        assertThat(policy.problem("https://[fe80::1]/hook")).isPresent();
        assertThat(policy.problem("https://0.0.0.0/hook")).isPresent();
        assertThat(policy.problem("https://224.0.0.1/hook")).isPresent();

        EndpointUrlPolicy allowing = new EndpointUrlPolicy(true, EndpointUrlPolicyTest::resolve);
        assertThat(allowing.problem("https://intranet.example.com/hook")).isEmpty();
        assertThat(allowing.problem("http://intranet.example.com/hook")).as("still https only").isPresent();
    }

    @Test
    void theFormAloneIsCheckedWithoutResolving() {
        assertThat(policy.problemWithForm("https://unknown.example.com/")).isEmpty();
        assertThat(policy.problemWithForm("http://unknown.example.com/")).isPresent();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.matches("[0-9.]+|.*:.*")) {
            return InetAddress.getAllByName(host);
        }
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }
}
