package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.domain.MinerAddress;
import org.junit.jupiter.api.Test;

/** Expected values computed with openssl ({@code passwd -1}, {@code enc -aes-256-ecb -nopad}) on the same inputs. */
class BtminerTokenTest {
  private static final MinerAddress MINER = MinerAddress.parse("10.0.3.9:4028");

  @Test
  void derive_takesTheHashPartsOfMd5CryptOfPasswordThenOfKeyAndTime() {
    BtminerToken t = BtminerToken.derive("admin", "9080", "BQ5hoXV9", "Rmzi0u9e");
    assertThat(t.key()).isEqualTo("RxmaDUO33TS7O26yeMHZ81");
    assertThat(t.sign()).isEqualTo("D6Lv2Vu85vCnsK.PO2YmI1");
    assertThat(t.toString()).doesNotContain(t.key()).doesNotContain(t.sign());
  }

  @Test
  void encrypt_isAes256EcbUnderSha256OfTheKey_nulPadded_inBase64() throws Exception {
    BtminerToken t = new BtminerToken("RxmaDUO33TS7O26yeMHZ81", "x");
    String packet = t.encrypt(JsonNodeFactory.instance.objectNode().put("cmd", "power_on"));
    assertThat(RelaxedJson.parse(packet).get("enc").asInt()).isEqualTo(1);
    assertThat(RelaxedJson.parse(packet).get("data").asText()).isEqualTo("WVz5U209eNn5F0vAECDsXkCBjQB6JeAtVdq8vPq8oUg=");
  }

  @Test
  void decrypt_readsWhatEncryptWrote_andRejectsWhatIsNotWholeBlocks() throws Exception {
    BtminerToken t = new BtminerToken("RxmaDUO33TS7O26yeMHZ81", "sig");
    String data = RelaxedJson.parse(t.encrypt(JsonNodeFactory.instance.objectNode().put("Code", 131))).get("data").asText();
    assertThat(t.decrypt(data, MINER).get("Code").asInt()).isEqualTo(131);
    assertThat(t.decrypt(data, MINER).get("token").asText()).isEqualTo("sig");
    assertThatThrownBy(() -> t.decrypt("AAAA", MINER)).isInstanceOf(ReplyFormatException.class).hasMessageStartingWith("10.0.3.9:4028: ");
  }
}
