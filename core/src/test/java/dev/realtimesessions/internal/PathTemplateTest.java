package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A path parameter always stays one segment of its endpoint's path, whatever its value. */
class PathTemplateTest {

    private static final PathTemplate<String> ACCEPT = PathTemplate.of("/realtime/calls/{call_id}/accept", id -> id);

    @Test
    void aFixedPathIsItsTemplate() {
        PathTemplate<Object> fixed = PathTemplate.fixed("/realtime/client_secrets");
        assertThat(fixed.isFixed()).isTrue();
        assertThat(fixed.expand(new Object())).isSameAs(fixed.template());
    }

    @Test
    void aParameterFillsItsPlace() {
        assertThat(ACCEPT.isFixed()).isFalse();
        assertThat(ACCEPT.template()).isEqualTo("/realtime/calls/{call_id}/accept");
        assertThat(ACCEPT.expand("rtc_u1_9c8b7a")).isEqualTo("/realtime/calls/rtc_u1_9c8b7a/accept");
        assertThat(PathTemplate.of("/realtime/calls/{call_id}", (String id) -> id).expand("rtc_1"))
                .isEqualTo("/realtime/calls/rtc_1");
    }

    @Test
    void everyCharacterThatCouldLeaveTheSegmentIsEncoded() {
        assertThat(ACCEPT.expand("../../admin")).isEqualTo("/realtime/calls/..%2F..%2Fadmin/accept");
        assertThat(ACCEPT.expand("a b?c#d%e")).isEqualTo("/realtime/calls/a%20b%3Fc%23d%25e/accept");
        assertThat(ACCEPT.expand("rtc\r\nHost: evil")).isEqualTo("/realtime/calls/rtc%0D%0AHost%3A%20evil/accept");
        assertThat(ACCEPT.expand("é;@")).isEqualTo("/realtime/calls/%C3%A9%3B%40/accept");
        assertThat(ACCEPT.expand("Az09-._~")).isEqualTo("/realtime/calls/Az09-._~/accept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void aValueThatIsNoSegmentIsRefusedNamingTheParameter(String value) {
        assertThatThrownBy(() -> ACCEPT.expand(value)).isInstanceOf(ValidationException.class)
                .satisfies(error -> assertThat(((ValidationException) error).field()).isEqualTo("call_id"));
    }

    @Test
    void aTemplateAndItsParametersMustAgree() {
        assertThatThrownBy(() -> PathTemplate.of("/realtime/calls", (String id) -> id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 parameters, but 1");
    }
}
