package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {
  @Test
  void response_matchesTheRfc2617Example() {
    assertThat(Digest.response("Mufasa", "testrealm@host.com", "Circle Of Life", "MD5", "GET", "/dir/index.html",
        "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth")).isEqualTo("6629fae49393a05397450978507c4ef1");
  }

  @Test
  void authorization_answersTheRfc2617ChallengeWithItsOwnExampleHeader() {
    Digest.Challenge ch = Digest.Challenge.find(List.of("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
        + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
    assertThat(ch).isEqualTo(new Digest.Challenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
        "5ccc069c403ebaf9f0171e9517f40e41", "MD5", "auth"));
    String header = Digest.authorization(new Credentials("Mufasa", "Circle Of Life"), ch, "GET", "/dir/index.html", 1, "0a4f113b");
    assertThat(Digest.params(header.substring("Digest ".length()))).containsEntry("username", "Mufasa")
        .containsEntry("uri", "/dir/index.html").containsEntry("qop", "auth").containsEntry("nc", "00000001")
        .containsEntry("cnonce", "0a4f113b").containsEntry("response", "6629fae49393a05397450978507c4ef1")
        .containsEntry("opaque", "5ccc069c403ebaf9f0171e9517f40e41");
  }

  @Test
  void challenge_isFoundAmongOtherSchemes_andLighttpdStyleParamsAreRead() {
    Digest.Challenge ch = Digest.Challenge.find(List.of("Basic realm=\"x\"",
        "Digest realm=\"antMiner Configuration\", charset=\"UTF-8\", algorithm=MD5, nonce=\"64f1a2b3:abc\", qop=\"auth\""));
    assertThat(ch.realm()).isEqualTo("antMiner Configuration");
    assertThat(ch.nonce()).isEqualTo("64f1a2b3:abc");
    assertThat(ch.opaque()).isNull();
    assertThat(Digest.authorization(Credentials.ANTMINER_DEFAULT, ch, "GET", "/cgi-bin/get_miner_conf.cgi", 2, "c")).doesNotContain("opaque")
        .contains("nc=00000002");
  }

  @Test
  void challengesThisClientCannotAnswer_areSkipped() {
    assertThat(Digest.Challenge.find(List.of("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\""))).isNull();
    assertThat(Digest.Challenge.find(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""))).isNull();
    assertThat(Digest.Challenge.find(List.of("Digest realm=\"r\", nonce=\"n\"")).qop()).as("RFC 2069 server").isEmpty();
  }

  @Test
  void withoutQop_theRfc2069FormIsUsed() {
    String ha1 = Digest.md5Hex("u:r:p");
    String ha2 = Digest.md5Hex("GET:/x");
    assertThat(Digest.response("u", "r", "p", "MD5", "GET", "/x", "n", "00000001", "c", "")).isEqualTo(Digest.md5Hex(ha1 + ":n:" + ha2));
  }
}
