package io.hashfleet.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void a_hash_verifies_its_password_and_nothing_else() {
    String h = Passwords.hash("correct horse battery".toCharArray());
    assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(Passwords.verify("correct horse battery".toCharArray(), h)).isTrue();
    assertThat(Passwords.verify("correct horse batterz".toCharArray(), h)).isFalse();
    assertThat(Passwords.verify("correct horse battery".toCharArray(), null)).isFalse();
    assertThat(Passwords.verify("x".toCharArray(), "$2a$10$notargon")).isFalse();
  }

  @Test
  void the_same_password_hashes_differently_each_time() {
    assertThat(Passwords.hash("same password".toCharArray())).isNotEqualTo(Passwords.hash("same password".toCharArray()));
  }

  @Test
  void short_passwords_are_refused() {
    assertThatThrownBy(() -> Passwords.hash("short".toCharArray())).hasMessageContaining("at least 8");
  }

  /** RFC 9106 test vectors use secrets and associated data; this checks against a known PHC string from the reference implementation instead. */
  @Test
  void verifies_a_hash_made_by_the_reference_argon2_tool() {
    // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
    String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertThat(Passwords.verify("password".toCharArray(), reference)).isTrue();
  }
}
