package jp.renkei.ingest.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PersonPseudonymizerTest {
    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void personKeyIsSixtyFourLowerCaseHexCharacters() {
        assertThat(new PersonPseudonymizer(KEY).personKey("0123456789")).matches("[0-9a-f]{64}");
    }

    @Test
    void personKeyIsHmacSha256OfTheNumber() {
        // RFC 4231 test case 6: a 131-byte key of 0xaa.
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);

        assertThat(new PersonPseudonymizer(key).personKey("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void sameKeyAndNumberGiveTheSamePersonKey() {
        PersonPseudonymizer first = new PersonPseudonymizer(KEY);
        PersonPseudonymizer second = new PersonPseudonymizer(KEY.clone());

        assertThat(first.personKey("0123456789")).isEqualTo(first.personKey("0123456789"))
                .isEqualTo(second.personKey("0123456789"));
        assertThat(first.personKey("0123456789")).isNotEqualTo(first.personKey("0123456788"));
        assertThat(first.personKey("H123456789")).isNotEqualTo(first.personKey("0123456789"));
    }

    @Test
    void differentKeysGiveDifferentPersonKeys() {
        byte[] otherKey = KEY.clone();
        otherKey[31] ^= 1;

        assertThat(new PersonPseudonymizer(otherKey).personKey("0123456789"))
                .isNotEqualTo(new PersonPseudonymizer(KEY).personKey("0123456789"));
    }

    @Test
    void laterChangesToTheCallersKeyArrayDoNotChangeThePseudonyms() {
        byte[] key = KEY.clone();
        PersonPseudonymizer pseudonymizer = new PersonPseudonymizer(key);
        String before = pseudonymizer.personKey("0123456789");

        Arrays.fill(key, (byte) 0);

        assertThat(pseudonymizer.personKey("0123456789")).isEqualTo(before);
    }

    /**
     * Encoding to ASCII turned every other character into '?', so the full-width "１２３４５６７８９０" and
     * "??????????" (or any two numbers differing only in such characters) shared one pseudonym.
     */
    @Test
    void aNumberWithACharacterOutsideAsciiIsRefusedRatherThanMappedToAQuestionMark() {
        PersonPseudonymizer pseudonymizer = new PersonPseudonymizer(KEY);

        assertThatThrownBy(() -> pseudonymizer.personKey("\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("character 1 of 10")
                .hasMessageNotContaining("\uff11");
        assertThatThrownBy(() -> pseudonymizer.personKey("012345678\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pseudonymizer.personKey("01234\n6789")).isInstanceOf(IllegalArgumentException.class);
        assertThat(pseudonymizer.personKey("??????????")).matches("[0-9a-f]{64}");
    }

    @Test
    void keyShorterThanThirtyTwoBytesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PersonPseudonymizer(Arrays.copyOf(KEY, 31)))
                .withMessageContaining("at least 32 bytes")
                .withMessageContaining("31");
    }
}
