package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import java.util.List;

/**
 * The default name of a SIP caller: the address of the first {@code From} header, without display
 * name and parameters, so that one caller has one name whatever the call's tag.
 */
final class SipCallers {

    private SipCallers() {
    }

    /** The From header's address, or {@value TokenGuardrails#ANONYMOUS} without a usable one. */
    static String fromHeader(RealtimeCallIncoming call) {
        List<String> from = call.sipHeaderValues("From");
        return from.isEmpty() ? TokenGuardrails.ANONYMOUS : address(from.get(0));
    }

    /**
     * {@code "Alice" <sip:a@b>;tag=x} and {@code <sip:a@b>} are {@code sip:a@b}; without angle brackets,
     * {@code sip:a@b;tag=x} is {@code sip:a@b} (the parameters belong to the header).
     */
    static String address(String from) {
        int open = from.indexOf('<');
        int close = open < 0 ? -1 : from.indexOf('>', open + 1);
        String address;
        if (close > open) {
            address = from.substring(open + 1, close);
        } else {
            int parameters = from.indexOf(';');
            address = parameters < 0 ? from : from.substring(0, parameters);
        }
        address = address.strip();
        return address.isEmpty() ? TokenGuardrails.ANONYMOUS : address;
    }
}
