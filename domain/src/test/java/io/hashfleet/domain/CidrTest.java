package io.hashfleet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void a_slash_24_lists_its_256_addresses_in_order() {
    List<String> all = new ArrayList<>();
    Cidr.parse("10.2.0.0/24").forEach(all::add);
    assertThat(all).hasSize(256).startsWith("10.2.0.0", "10.2.0.1").endsWith("10.2.0.255");
  }

  @Test
  void host_bits_are_cleared_and_a_bare_address_is_one_host() {
    assertThat(Cidr.parse("10.1.7.9/16").toString()).isEqualTo("10.1.0.0/16");
    assertThat(Cidr.parse("192.168.1.5").size()).isEqualTo(1);
    assertThat(Cidr.parse("10.1.0.0/16").contains("10.1.255.3")).isTrue();
    assertThat(Cidr.parse("10.1.0.0/16").contains("10.2.0.1")).isFalse();
  }

  @Test
  void malformed_ranges_are_refused_with_the_text_in_the_message() {
    for (String bad : List.of("10.1.0.0/33", "10.1.0/16", "10.1.0.256/24", "ten.1.0.0/8", "10.1.0.0/x", "")) {
      assertThatThrownBy(() -> Cidr.parse(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
    }
  }
}
