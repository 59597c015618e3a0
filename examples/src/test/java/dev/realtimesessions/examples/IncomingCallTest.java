package dev.realtimesessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The IncomingCall example's offline run: the whole loop, from the ring to the hangup at shutdown. */
class IncomingCallTest {

    @Test
    void theKnownCallerIsAcceptedWithTheConfiguredSessionAndEveryoneElseIsTurnedAway() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        IncomingCall.OfflineRun run = IncomingCall.runOffline(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(run.known().status()).isEqualTo(200);
        assertThat(run.accepted().states()).containsExactly(LocalCall.State.RINGING, LocalCall.State.ACCEPTED,
                LocalCall.State.HUNG_UP);
        assertThat(run.accepted().acceptedSession()).contains("\"model\":\"gpt-realtime\"")
                .contains("\"voice\":\"marin\"").contains("\"instructions\":\"" + IncomingCall.INSTRUCTIONS + "\"");
        assertThat(run.rejected().state()).isEqualTo(LocalCall.State.REJECTED);
        assertThat(run.rejected().rejectStatus()).isEqualTo(486);
        assertThat(run.replay().status()).isEqualTo(200);
        assertThat(run.accepted().controls()).as("one accept, then the hangup at shutdown").hasSize(2);
        assertThat(run.forged().status()).isEqualTo(400);
        assertThat(run.ignored().controls()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("call from " + IncomingCall.KNOWN_CALLER + "     webhook 200  " + run.accepted().id()
                        + " ACCEPTED")
                .contains(run.rejected().id() + " REJECTED with SIP 486")
                .contains(run.accepted().id() + " HUNG_UP");
    }
}
