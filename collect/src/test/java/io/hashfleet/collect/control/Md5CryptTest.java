package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors printed by {@code openssl passwd -1 -salt SALT PASSWORD}. */
class Md5CryptTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "admin | BQ5hoXV9 | $1$BQ5hoXV9$RxmaDUO33TS7O26yeMHZ81",
      "password | saltstring | $1$saltstri$qQY4WxjABChYG1ccLpfkz/",
      "'' | abcdefgh | $1$abcdefgh$M55TzYaaccxVGbptZWaxX/",
      "Circle Of Life | x | $1$x$0K4UXC6QCB3eSa1mPJYBz/",
      "a-much-longer-password-than-sixteen-bytes | 12345678 | $1$12345678$7CR1riJlYT1pTzt60AZZq/",
      "e1Y.1kq5dG0wXZ2eA8d4b19080 | Rmzi0u9e | $1$Rmzi0u9e$k2uxINuehK1ix4PzNwSdy."})
  void crypt_matchesOpenssl(String password, String salt, String expected) {
    assertThat(Md5Crypt.crypt(password, salt)).isEqualTo(expected);
    assertThat(Md5Crypt.hash(password, salt)).isEqualTo(expected.substring(expected.lastIndexOf('$') + 1)).hasSize(22);
  }

  @ParameterizedTest
  @CsvSource({"$1$BQ5hoXV9$, BQ5hoXV9", "BQ5hoXV9$junk, BQ5hoXV9"})
  void saltInCryptForm_isReadLikeABareOne(String salt, String bare) {
    assertThat(Md5Crypt.hash("admin", salt)).isEqualTo(Md5Crypt.hash("admin", bare));
  }
}
