package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessionsException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

/** The guard around a caller's listener: the call's end is heard once, whatever races. */
class GuardedCallListenerTest {

    private final List<String> ends = new CopyOnWriteArrayList<>();

    private final CallListener.Factory recording = (endpoint, context) -> new CallListener() {
        @Override
        public void callSucceeded(int status, int attempts) {
            ends.add("succeeded");
        }

        @Override
        public void callFailed(RealtimeSessionsException error, int attempts) {
            ends.add("failed");
        }

        @Override
        public void callCancelled(int attempts) {
            ends.add("cancelled");
        }
    };

    @Test
    void aCancellationRacingWithTheResultEndsTheCallOnce() {
        CallListener listener = GuardedCallListener.forCall(recording, "/realtime/client_secrets", Context.empty());
        listener.callCancelled(1);
        listener.callSucceeded(200, 1);
        listener.callFailed(new RealtimeSessionsException("late"), 1);
        assertThat(ends).containsExactly("cancelled");
    }

    @Test
    void withoutAFactoryThereIsNoListener() {
        assertThat(GuardedCallListener.forCall(null, "/realtime/sessions", Context.empty())).isSameAs(CallListener.NONE);
    }

    @Test
    void aFactoryThatAnswersNoneIsNotWrapped() {
        assertThat(GuardedCallListener.forCall((endpoint, context) -> CallListener.NONE, "/realtime/sessions",
                Context.empty())).isSameAs(CallListener.NONE);
    }
}
